// g: add -> [128, 128, 8, 8]
// fuses: add x3, mul x3, recip, sqrt, sub; spec line 26

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_5_gamma = 939136u;
const t_G_5_batchnorm_mul_2 = 512u;
const t_G_5_batchnorm_mul = 640u;
const t_reshape = 1156u;
const t_G_4_conv2d_transpose_add = 1585664u;
const t_mul = 3682816u;
const t_add = 4731392u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 16384u + wg.x) * 64u + li;
  if (i >= 1048576u) { return; }

  let v0 = temp[t_mul + (i)] * state[G_5_gamma + ((((i / 64u) % 128u) * 1u))];
  let v1 = temp[t_G_5_batchnorm_mul + ((((i / 64u) % 128u) * 1u))] + 0.00000999999975;
  let v2 = sqrt(v1);
  let v3 = 1.0 / v2;
  let v4 = v0 * v3;
  let v5 = temp[t_G_4_conv2d_transpose_add + (i)] - temp[t_G_5_batchnorm_mul_2 + ((((i / 64u) % 128u) * 1u))];
  let v6 = temp[t_reshape + ((((i / 64u) % 128u) * 1u))] * v5;
  let v7 = v4 + v6;
  let v8 = v7 + v6;
  temp[t_add + i] = v8;
}
