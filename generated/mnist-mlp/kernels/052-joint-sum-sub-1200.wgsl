// joint: sum + sub -> [1200] (optimizer G (sgd))
// fuses: sub, mul x2, max, div, pow, sum

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_2_bias = 1561200u;
const opt_G_2_bias_velocity = 6528072u;
const t_optimizer_D_add = 78600u;
const t_mul = 328400u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 19u + wg.x) * 64u + li;
  if (i >= 1200u) { return; }
  let p0 = temp[t_optimizer_D_add + (0u)];
  let p1 = pow(1.00000405, bitcast<f32>(clock[0]));
  let p2 = 0.100000001 / p1;
  let p3 = max(p2, 9.99999997e-7);
  let base = (i % 1200u) * 1u;
  var acc = 0.0;
  for (var r = 0u; r < 100u; r++) {

    acc = acc + temp[t_mul + ((base + (r % 100u) * 1200u))];
  }
  let v0 = p0 * state[opt_G_2_bias_velocity + (i)];
  let v1 = p3 * acc;
  let v2 = v0 - v1;
  let v3 = state[G_2_bias + (i)] + v2;
  state[opt_G_2_bias_velocity + i] = v2;
  state[G_2_bias + i] = v3;
}
