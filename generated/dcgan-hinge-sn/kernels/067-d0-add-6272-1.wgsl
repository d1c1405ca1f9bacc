// d0: add -> [6272, 1] (optimizer D (adam))
// fuses: add x2, mul x3, div, permute

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const opt_D_5_weight_adam_v = 1176012u;
const t_D_5_dense_reshape = 57696u;
const t_matmul = 57956u;
const t_matmul_2 = 64228u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 98u + wg.x) * 64u + li;
  if (i >= 6272u) { return; }
  let p0 = temp[t_D_5_dense_reshape + (0u)];
  let v0 = state[opt_D_5_weight_adam_v + (i)] * 0.999000013;
  let v1 = temp[t_matmul + (i)] / p0;
  let v2 = v1 + temp[t_matmul_2 + (((i % 6272u) * 1u + 0u * 6272u))];
  let v3 = v2 * v2;
  let v4 = v3 * 0.00100000005;
  let v5 = v0 + v4;
  state[opt_D_5_weight_adam_v + i] = v5;
}
