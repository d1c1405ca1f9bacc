// g: maxr + maxr -> [64] (auxiliary classifier)
// fuses: maxr

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_5_dense_add = 256u;
const t_auxiliary_classifier_maxr = 896u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 64u) { return; }

  let base = (i % 64u) * 10u;
  var acc = bitcast<f32>(0xff800000u | (clock[0] & 0u));
  for (var r = 0u; r < 10u; r++) {

    acc = max(acc, temp[t_D_5_dense_add + ((base + (r % 10u) * 1u))]);
  }

  temp[t_auxiliary_classifier_maxr + i] = acc;
}
