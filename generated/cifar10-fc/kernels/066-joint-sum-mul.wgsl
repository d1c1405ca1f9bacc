// joint: sum + mul -> [] (loss)
// fuses: mul, sum, sigmoid, slice

@group(0) @binding(0) var<storage, read_write> temp: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_loss_mul = 0u;
const t_D_6_dense_add = 614400u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 1u) { return; }

  let base = 0u;
  var acc = 0.0;
  for (var r = 0u; r < 100u; r++) {
    let v0 = select(exp(temp[t_D_6_dense_add + (((base + (r % 100u) * 1u + 0u * 1u)) + 100u)]) / (1.0 + exp(temp[t_D_6_dense_add + (((base + (r % 100u) * 1u + 0u * 1u)) + 100u)])), 1.0 / (1.0 + exp(-(temp[t_D_6_dense_add + (((base + (r % 100u) * 1u + 0u * 1u)) + 100u)]))), temp[t_D_6_dense_add + (((base + (r % 100u) * 1u + 0u * 1u)) + 100u)] >= 0.0);
    acc = acc + v0;
  }
  let v0 = acc * 0.00999999978;
  temp[t_loss_mul + i] = v0;
}
