// d2: concat -> [384, 2]
// fuses: concat x2, add, mul x2, sub

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_real_2 = 0u;
const t_penalty_interpolates_random = 640u;
const t_concat = 768u;
const t_G_6_dense_add = 8832u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 12u + wg.x) * 64u + li;
  if (i >= 768u) { return; }

  let v0 = select(temp[t_G_6_dense_add + (select(0u, (min(i, 511u)) - 256u, (min(i, 511u)) >= 256u))], temp[t_real_2 + (min(min(i, 511u), 255u))], (min(i, 511u)) < 256u);
  let v1 = temp[t_penalty_interpolates_random + (((((select(0u, (i) - 512u, (i) >= 512u)) / 2u) % 128u) * 1u))] * temp[t_real_2 + (select(0u, (i) - 512u, (i) >= 512u))];
  let v2 = 1.0 - temp[t_penalty_interpolates_random + (((((select(0u, (i) - 512u, (i) >= 512u)) / 2u) % 128u) * 1u))];
  let v3 = v2 * temp[t_G_6_dense_add + (select(0u, (i) - 512u, (i) >= 512u))];
  let v4 = v1 + v3;
  let v5 = select(v4, v0, (i) < 512u);
  temp[t_concat + i] = v5;
}
