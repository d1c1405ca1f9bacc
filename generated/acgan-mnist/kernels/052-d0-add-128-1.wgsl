// d0: add -> [128, 1]
// fuses: add x2, concat x2, neg, mul x2, sigmoid x2, slice x2

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_7_dense_add = 50304u;
const t_add = 50432u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2u + wg.x) * 64u + li;
  if (i >= 128u) { return; }

  let v0 = -(0.00781250000);
  let v1 = select(exp(temp[t_D_7_dense_add + (min(i, 63u))]) / (1.0 + exp(temp[t_D_7_dense_add + (min(i, 63u))])), 1.0 / (1.0 + exp(-(temp[t_D_7_dense_add + (min(i, 63u))]))), temp[t_D_7_dense_add + (min(i, 63u))] >= 0.0);
  let v2 = 0.00781250000 * v1;
  let v3 = v0 + v2;
  let v4 = select(0.0, v3, (i) < 64u);
  let v5 = select(exp(temp[t_D_7_dense_add + ((select(0u, (i) - 64u, (i) >= 64u)) + 64u)]) / (1.0 + exp(temp[t_D_7_dense_add + ((select(0u, (i) - 64u, (i) >= 64u)) + 64u)])), 1.0 / (1.0 + exp(-(temp[t_D_7_dense_add + ((select(0u, (i) - 64u, (i) >= 64u)) + 64u)]))), temp[t_D_7_dense_add + ((select(0u, (i) - 64u, (i) >= 64u)) + 64u)] >= 0.0);
  let v6 = 0.00781250000 * v5;
  let v7 = select(v6, 0.0, (i) < 64u);
  let v8 = v4 + v7;
  temp[t_add + i] = v8;
}
