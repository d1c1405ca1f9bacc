// d2: add -> [32, 1]
// fuses: add x3, concat x2, neg x2, mul x2, sub x2, cmplt x2, slice x2

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_7_dense_add = 50448u;
const t_add = 50480u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 32u) { return; }

  let v0 = -(temp[t_D_7_dense_add + (min(i, 15u))]);
  let v1 = v0 + 1.0;
  let v2 = select(0.0, 1.0, v1 < 0.0);
  let v3 = 1.0 - v2;
  let v4 = 0.0625000000 * v3;
  let v5 = -(v4);
  let v6 = select(0.0, v5, (i) < 16u);
  let v7 = temp[t_D_7_dense_add + ((select(0u, (i) - 16u, (i) >= 16u)) + 16u)] + 1.0;
  let v8 = select(0.0, 1.0, v7 < 0.0);
  let v9 = 1.0 - v8;
  let v10 = 0.0625000000 * v9;
  let v11 = select(v10, 0.0, (i) < 16u);
  let v12 = v6 + v11;
  temp[t_add + i] = v12;
}
