// d1: concat -> [192, 1, 28, 28]
// fuses: concat x2, add, mul x2, sub

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_real_1 = 0u;
const t_G_8_tanh = 50368u;
const t_penalty_interpolates_random = 100544u;
const t_concat = 100608u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2352u + wg.x) * 64u + li;
  if (i >= 150528u) { return; }

  let v0 = select(temp[t_G_8_tanh + (select(0u, (min(i, 100351u)) - 50176u, (min(i, 100351u)) >= 50176u))], temp[t_real_1 + (min(min(i, 100351u), 50175u))], (min(i, 100351u)) < 50176u);
  let v1 = temp[t_penalty_interpolates_random + (((((select(0u, (i) - 100352u, (i) >= 100352u)) / 784u) % 64u) * 1u))] * temp[t_real_1 + (select(0u, (i) - 100352u, (i) >= 100352u))];
  let v2 = 1.0 - temp[t_penalty_interpolates_random + (((((select(0u, (i) - 100352u, (i) >= 100352u)) / 784u) % 64u) * 1u))];
  let v3 = v2 * temp[t_G_8_tanh + (select(0u, (i) - 100352u, (i) >= 100352u))];
  let v4 = v1 + v3;
  let v5 = select(v4, v0, (i) < 100352u);
  temp[t_concat + i] = v5;
}
