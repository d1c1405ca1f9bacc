// d0: sum + sub -> [64] (auxiliary classifier)
// fuses: sub, add, log, detach, sum, mul x2, onehot, slice; spec line 23

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_generated_labels_random = 50240u;
const t_D_5_dense_add = 50564u;
const t_auxiliary_classifier_maxr = 51844u;
const t_auxiliary_classifier_sum = 51908u;
const t_auxiliary_classifier_sub = 52100u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 64u) { return; }

  let base = (i % 64u) * 10u;
  var acc = 0.0;
  for (var r = 0u; r < 10u; r++) {
    let v0 = temp[t_generated_labels_random + (((base + (r % 10u) * 1u)) / 10u)] * 10.0;
    let v1 = select(0.0, 1.0, min(floor(v0), 9.0) == f32(((base + (r % 10u) * 1u)) % 10u));
    let v2 = v1 * temp[t_D_5_dense_add + (((base + (r % 10u) * 1u)) + 640u)];
    acc = acc + v2;
  }
  let v0 = log(temp[t_auxiliary_classifier_sum + (i)]);
  let v1 = (temp[t_auxiliary_classifier_maxr + (i)]);
  let v2 = v0 + v1;
  let v3 = v2 - acc;
  temp[t_auxiliary_classifier_sub + i] = v3;
}
