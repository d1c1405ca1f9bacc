// d2: concat -> [192, 1, 28, 28]
// fuses: concat, add x3, mul x3, div, slice

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_penalty_sqrt = 50368u;
const t_penalty_conv2d_t = 251136u;
const t_concat = 401664u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2352u + wg.x) * 64u + li;
  if (i >= 150528u) { return; }

  let v0 = temp[t_penalty_sqrt + (((((select(0u, (i) - 100352u, (i) >= 100352u)) / 784u) % 64u) * 1u))] + -1.0;
  let v1 = 0.156250000 * v0;
  let v2 = v1 + v1;
  let v3 = temp[t_penalty_sqrt + (((((select(0u, (i) - 100352u, (i) >= 100352u)) / 784u) % 64u) * 1u))] * 2.0;
  let v4 = v2 / v3;
  let v5 = v4 * temp[t_penalty_conv2d_t + ((select(0u, (i) - 100352u, (i) >= 100352u)) + 100352u)];
  let v6 = v5 + v5;
  let v7 = select(v6, 0.0, (i) < 100352u);
  temp[t_concat + i] = v7;
}
