// g: add -> [16, 256, 16, 16]
// fuses: add x3, mul x3, recip, sqrt, sub; spec line 32

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_3_0_4_gamma = 2367488u;
const t_G_3_0_4_batchnorm_mul_2 = 1536u;
const t_G_3_0_4_batchnorm_mul = 1792u;
const t_reshape = 1184260u;
const t_G_3_0_3_conv2d_add = 2230272u;
const t_mul = 4327424u;
const t_add = 5376000u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 16384u + wg.x) * 64u + li;
  if (i >= 1048576u) { return; }

  let v0 = temp[t_mul + (i)] * state[G_3_0_4_gamma + ((((i / 256u) % 256u) * 1u))];
  let v1 = temp[t_G_3_0_4_batchnorm_mul + ((((i / 256u) % 256u) * 1u))] + 0.00000999999975;
  let v2 = sqrt(v1);
  let v3 = 1.0 / v2;
  let v4 = v0 * v3;
  let v5 = temp[t_G_3_0_3_conv2d_add + (i)] - temp[t_G_3_0_4_batchnorm_mul_2 + ((((i / 256u) % 256u) * 1u))];
  let v6 = temp[t_reshape + ((((i / 256u) % 256u) * 1u))] * v5;
  let v7 = v4 + v6;
  let v8 = v7 + v6;
  temp[t_add + i] = v8;
}
