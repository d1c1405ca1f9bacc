// joint: sum + sub -> [3072] (optimizer G (sgd))
// fuses: sub, mul x2, sum

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> state_1: array<f32>;
@group(0) @binding(2) var<storage, read_write> temp: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_4_bias = 0u;
const opt_G_4_bias_velocity = 8u;
const t_optimizer_D_add = 0u;
const t_mul = 2224400u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 48u + wg.x) * 64u + li;
  if (i >= 3072u) { return; }
  let p0 = temp[t_optimizer_D_add + (0u)];
  let base = (i % 3072u) * 1u;
  var acc = 0.0;
  for (var r = 0u; r < 100u; r++) {

    acc = acc + temp[t_mul + ((base + (r % 100u) * 3072u))];
  }
  let v0 = p0 * state_1[opt_G_4_bias_velocity + (i)];
  let v1 = 0.0250000004 * acc;
  let v2 = v0 - v1;
  let v3 = state[G_4_bias + (i)] + v2;
  state_1[opt_G_4_bias_velocity + i] = v2;
  state[G_4_bias + i] = v3;
}
