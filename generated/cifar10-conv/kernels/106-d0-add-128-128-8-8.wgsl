// d0: add -> [128, 128, 8, 8]
// fuses: add x2, mul x3, recip, sub; spec line 39

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_3_gamma = 1208452u;
const t_reshape = 4587904u;
const t_D_2_conv2d_add = 8651520u;
const t_D_3_batchnorm_reshape = 9700096u;
const t_D_3_batchnorm_sqrt = 9700224u;
const t_add = 9709316u;
const t_add_2 = 11941120u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 16384u + wg.x) * 64u + li;
  if (i >= 1048576u) { return; }

  let v0 = temp[t_add_2 + (i)] * state[D_3_gamma + ((((i / 64u) % 128u) * 1u))];
  let v1 = 1.0 / temp[t_D_3_batchnorm_sqrt + ((((i / 64u) % 128u) * 1u))];
  let v2 = v0 * v1;
  let v3 = temp[t_D_2_conv2d_add + (i)] - temp[t_D_3_batchnorm_reshape + ((((i / 64u) % 128u) * 1u))];
  let v4 = temp[t_reshape + ((((i / 64u) % 128u) * 1u))] * v3;
  let v5 = v2 + v4;
  let v6 = v5 + v4;
  temp[t_add + i] = v6;
}
