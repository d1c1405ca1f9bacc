// d0: sum + add -> [] (loss)
// fuses: add x2, mul, sum, max, neg, slice

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_loss_mul = 50312u;
const t_loss_add = 50316u;
const t_D_7_dense_add = 50448u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 1u) { return; }
  let p0 = temp[t_loss_mul + (0u)];
  let base = 0u;
  var acc = 0.0;
  for (var r = 0u; r < 16u; r++) {
    let v0 = -(temp[t_D_7_dense_add + ((base + (r % 16u) * 1u + 0u * 1u))]);
    let v1 = v0 + 1.0;
    let v2 = max(v1, 0.0);
    acc = acc + v2;
  }
  let v0 = acc * 0.0625000000;
  let v1 = v0 + p0;
  temp[t_loss_add + i] = v1;
}
