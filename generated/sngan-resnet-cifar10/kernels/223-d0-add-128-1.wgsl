// d0: add -> [128, 1] (optimizer D (adam))
// fuses: add x2, mul, div, permute

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const opt_D_7_weight_adam_m = 7442828u;
const t_matmul = 51728u;
const t_matmul_2 = 54296u;
const t_D_7_dense_reshape = 58832u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2u + wg.x) * 64u + li;
  if (i >= 128u) { return; }
  let p0 = temp[t_D_7_dense_reshape + (0u)];
  let v0 = state[opt_D_7_weight_adam_m + (i)] * 0.0;
  let v1 = temp[t_matmul + (i)] / p0;
  let v2 = v1 + temp[t_matmul_2 + (((i % 128u) * 1u + 0u * 128u))];
  let v3 = v0 + v2;
  state[opt_D_7_weight_adam_m + i] = v3;
}
