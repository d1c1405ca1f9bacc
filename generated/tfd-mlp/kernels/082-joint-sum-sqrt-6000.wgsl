// joint: sum + sqrt -> [6000] (optimizer D (sgd))
// fuses: sqrt, sum, mul, add

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> state_1: array<f32>;
@group(0) @binding(2) var<storage, read_write> temp: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_2_weight = 0u;
const opt_D_2_weight_velocity = 20u;
const t_optimizer_D_sqrt = 8u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 94u + wg.x) * 64u + li;
  if (i >= 6000u) { return; }

  let base = (i % 6000u) * 1u;
  var acc = 0.0;
  for (var r = 0u; r < 2304u; r++) {
    let v0 = state[D_2_weight + ((base + (r % 2304u) * 6000u))] + state_1[opt_D_2_weight_velocity + ((base + (r % 2304u) * 6000u))];
    let v1 = v0 * v0;
    acc = acc + v1;
  }
  let v0 = sqrt(acc);
  temp[t_optimizer_D_sqrt + i] = v0;
}
