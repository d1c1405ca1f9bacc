// d0: sum + add -> [] (auxiliary classifier)
// fuses: add x2, mul x2, sum, sub, softplus, slice

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_loss_mul = 50240u;
const t_auxiliary_classifier_add_2 = 50244u;
const t_auxiliary_classifier_add = 50248u;
const t_D_7_dense_add = 50304u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 1u) { return; }
  let p0 = temp[t_loss_mul + (0u)];
  let p1 = temp[t_auxiliary_classifier_add_2 + (0u)];
  let base = 0u;
  var acc = 0.0;
  for (var r = 0u; r < 64u; r++) {
    let v0 = max(temp[t_D_7_dense_add + ((base + (r % 64u) * 1u + 0u * 1u))], 0.0) + log(1.0 + exp(-abs(temp[t_D_7_dense_add + ((base + (r % 64u) * 1u + 0u * 1u))])));
    let v1 = v0 - temp[t_D_7_dense_add + ((base + (r % 64u) * 1u + 0u * 1u))];
    acc = acc + v1;
  }
  let v0 = acc * 0.0156250000;
  let v1 = v0 + p0;
  let v2 = v1 * 0.500000000;
  let v3 = v2 + p1;
  temp[t_auxiliary_classifier_add + i] = v3;
}
