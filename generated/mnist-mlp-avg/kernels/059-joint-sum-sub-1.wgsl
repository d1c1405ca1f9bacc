// joint: sum + sub -> [1] (optimizer D (sgd))
// fuses: sub, mul x2, max, div, pow, sum

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_6_bias = 3735424u;
const opt_D_6_bias_velocity = 4966868u;
const t_optimizer_D_add = 78600u;
const t_add = 78604u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 1u) { return; }
  let p0 = temp[t_optimizer_D_add + (0u)];
  let p1 = state[opt_D_6_bias_velocity + (0u)];
  let p2 = p0 * p1;
  let p3 = pow(1.00000405, bitcast<f32>(clock[0]));
  let p4 = 0.100000001 / p3;
  let p5 = max(p4, 9.99999997e-7);
  let p6 = state[D_6_bias + (0u)];
  let base = 0u * 1u;
  var acc = 0.0;
  for (var r = 0u; r < 200u; r++) {

    acc = acc + temp[t_add + ((base + (r % 200u) * 1u))];
  }
  let v0 = p5 * acc;
  let v1 = p2 - v0;
  let v2 = p6 + v1;
  state[opt_D_6_bias_velocity + i] = v1;
  state[D_6_bias + i] = v2;
}
