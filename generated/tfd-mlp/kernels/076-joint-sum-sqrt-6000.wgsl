// joint: sum + sqrt -> [6000] (optimizer D (sgd))
// fuses: sqrt, sum, mul, add

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_4_weight = 48u;
const opt_D_4_weight_velocity = 21037252u;
const t_optimizer_D_sqrt = 12u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 94u + wg.x) * 64u + li;
  if (i >= 6000u) { return; }

  let base = (i % 6000u) * 1u;
  var acc = 0.0;
  for (var r = 0u; r < 1200u; r++) {
    let v0 = state[D_4_weight + ((base + (r % 1200u) * 6000u))] + state[opt_D_4_weight_velocity + ((base + (r % 1200u) * 6000u))];
    let v1 = v0 * v0;
    acc = acc + v1;
  }
  let v0 = sqrt(acc);
  temp[t_optimizer_D_sqrt + i] = v0;
}
