// joint: sum + sqrt -> [8000] (optimizer G (sgd))
// fuses: sqrt, sum, mul, add

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> state_1: array<f32>;
@group(0) @binding(2) var<storage, read_write> temp: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_0_weight = 0u;
const opt_G_0_weight_velocity = 40u;
const t_optimizer_G_sqrt = 12u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 125u + wg.x) * 64u + li;
  if (i >= 8000u) { return; }

  let base = (i % 8000u) * 1u;
  var acc = 0.0;
  for (var r = 0u; r < 100u; r++) {
    let v0 = state[G_0_weight + ((base + (r % 100u) * 8000u))] + state_1[opt_G_0_weight_velocity + ((base + (r % 100u) * 8000u))];
    let v1 = v0 * v0;
    acc = acc + v1;
  }
  let v0 = sqrt(acc);
  temp[t_optimizer_G_sqrt + i] = v0;
}
