// g: add -> [64, 128, 7, 7] (D.3 batchnorm (line 35))
// fuses: add, mul x2, sub, recip; spec line 35

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_3_gamma = 898692u;
const D_3_beta = 898820u;
const t_D_3_batchnorm_reshape = 384u;
const t_D_3_batchnorm_sqrt = 512u;
const t_D_2_conv2d_add = 4421888u;
const t_D_3_batchnorm_add = 4823296u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 6272u + wg.x) * 64u + li;
  if (i >= 401408u) { return; }

  let v0 = temp[t_D_2_conv2d_add + (i)] - temp[t_D_3_batchnorm_reshape + ((((i / 49u) % 128u) * 1u))];
  let v1 = 1.0 / temp[t_D_3_batchnorm_sqrt + ((((i / 49u) % 128u) * 1u))];
  let v2 = v0 * v1;
  let v3 = v2 * state[D_3_gamma + ((((i / 49u) % 128u) * 1u))];
  let v4 = v3 + state[D_3_beta + ((((i / 49u) % 128u) * 1u))];
  temp[t_D_3_batchnorm_add + i] = v4;
}
