// g: sum + sum -> [64] (auxiliary classifier)
// fuses: sum, exp, sub, detach

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_5_dense_add = 256u;
const t_auxiliary_classifier_maxr = 896u;
const t_auxiliary_classifier_sum = 960u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 64u) { return; }

  let base = (i % 64u) * 10u;
  var acc = 0.0;
  for (var r = 0u; r < 10u; r++) {
    let v0 = (temp[t_auxiliary_classifier_maxr + ((((((base + (r % 10u) * 1u)) / 10u) % 64u) * 1u))]);
    let v1 = temp[t_D_5_dense_add + ((base + (r % 10u) * 1u))] - v0;
    let v2 = exp(v1);
    acc = acc + v2;
  }

  temp[t_auxiliary_classifier_sum + i] = acc;
}
