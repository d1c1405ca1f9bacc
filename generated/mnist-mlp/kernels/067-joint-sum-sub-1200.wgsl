// joint: sum + sub -> [1200] (optimizer D (sgd))
// fuses: sub, mul x3, max, div x2, pow, sum, cmpeq

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_2_bias = 3444784u;
const opt_D_2_bias_velocity = 4676228u;
const t_optimizer_D_add = 78600u;
const t_reshape = 78604u;
const t_D_2_maxout_maxr = 563600u;
const t_D_2_maxout_reshape = 611600u;
const t_reshape_2 = 851600u;

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
  for (var r = 0u; r < 200u; r++) {
    let v0 = select(0.0, 1.0, temp[t_D_2_maxout_reshape + ((base + (r % 200u) * 1200u))] == temp[t_D_2_maxout_maxr + ((((((base + (r % 200u) * 1200u)) / 1200u) % 200u) * 240u + ((((base + (r % 200u) * 1200u)) / 5u) % 240u) * 1u))]);
    let v1 = v0 * temp[t_reshape + ((((((base + (r % 200u) * 1200u)) / 1200u) % 200u) * 240u + ((((base + (r % 200u) * 1200u)) / 5u) % 240u) * 1u))];
    let v2 = v1 / temp[t_reshape_2 + ((((((base + (r % 200u) * 1200u)) / 1200u) % 200u) * 240u + ((((base + (r % 200u) * 1200u)) / 5u) % 240u) * 1u))];
    acc = acc + v2;
  }
  let v0 = p0 * state[opt_D_2_bias_velocity + (i)];
  let v1 = p3 * acc;
  let v2 = v0 - v1;
  let v3 = state[D_2_bias + (i)] + v2;
  state[opt_D_2_bias_velocity + i] = v2;
  state[D_2_bias + i] = v3;
}
