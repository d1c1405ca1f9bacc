// d0: add -> [128, 256, 4, 4] (D.6 batchnorm (line 42))
// fuses: add, mul x2, sub, recip; spec line 42

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_6_gamma = 1733508u;
const D_6_beta = 1733764u;
const t_D_6_batchnorm_reshape = 9700352u;
const t_D_6_batchnorm_sqrt = 9700608u;
const t_D_5_conv2d_add = 10892544u;
const t_D_6_batchnorm_add = 11416832u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 8192u + wg.x) * 64u + li;
  if (i >= 524288u) { return; }

  let v0 = temp[t_D_5_conv2d_add + (i)] - temp[t_D_6_batchnorm_reshape + ((((i / 16u) % 256u) * 1u))];
  let v1 = 1.0 / temp[t_D_6_batchnorm_sqrt + ((((i / 16u) % 256u) * 1u))];
  let v2 = v0 * v1;
  let v3 = v2 * state[D_6_gamma + ((((i / 16u) % 256u) * 1u))];
  let v4 = v3 + state[D_6_beta + ((((i / 16u) % 256u) * 1u))];
  temp[t_D_6_batchnorm_add + i] = v4;
}
