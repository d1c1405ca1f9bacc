// g: add -> [128, 256, 4, 4]
// fuses: add x3, mul x3, recip, sqrt, sub; spec line 23

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_2_gamma = 413696u;
const t_G_2_batchnorm_mul_2 = 0u;
const t_G_2_batchnorm_mul = 256u;
const t_reshape = 1792u;
const t_G_1_reshape = 12800u;
const t_mul = 1061376u;
const t_add = 1585664u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 8192u + wg.x) * 64u + li;
  if (i >= 524288u) { return; }

  let v0 = temp[t_mul + (i)] * state[G_2_gamma + ((((i / 16u) % 256u) * 1u))];
  let v1 = temp[t_G_2_batchnorm_mul + ((((i / 16u) % 256u) * 1u))] + 0.00000999999975;
  let v2 = sqrt(v1);
  let v3 = 1.0 / v2;
  let v4 = v0 * v3;
  let v5 = temp[t_G_1_reshape + (i)] - temp[t_G_2_batchnorm_mul_2 + ((((i / 16u) % 256u) * 1u))];
  let v6 = temp[t_reshape + ((((i / 16u) % 256u) * 1u))] * v5;
  let v7 = v4 + v6;
  let v8 = v7 + v6;
  temp[t_add + i] = v8;
}
