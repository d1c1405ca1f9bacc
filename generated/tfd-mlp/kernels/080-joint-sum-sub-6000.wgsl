// joint: sum + sub -> [6000] (optimizer D (sgd))
// fuses: sub, mul x3, sum, div, cmpeq

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_2_bias = 0u;
const opt_D_2_bias_velocity = 21037204u;
const t_optimizer_D_add = 8u;
const t_reshape = 6012u;
const t_D_2_maxout_maxr = 2301008u;
const t_D_2_maxout_reshape = 2541008u;
const t_reshape_2 = 3741008u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 94u + wg.x) * 64u + li;
  if (i >= 6000u) { return; }
  let p0 = temp[t_optimizer_D_add + (0u)];
  let base = (i % 6000u) * 1u;
  var acc = 0.0;
  for (var r = 0u; r < 200u; r++) {
    let v0 = select(0.0, 1.0, temp[t_D_2_maxout_reshape + ((base + (r % 200u) * 6000u))] == temp[t_D_2_maxout_maxr + ((((((base + (r % 200u) * 6000u)) / 6000u) % 200u) * 1200u + ((((base + (r % 200u) * 6000u)) / 5u) % 1200u) * 1u))]);
    let v1 = v0 * temp[t_reshape + ((((((base + (r % 200u) * 6000u)) / 6000u) % 200u) * 1200u + ((((base + (r % 200u) * 6000u)) / 5u) % 1200u) * 1u))];
    let v2 = v1 / temp[t_reshape_2 + ((((((base + (r % 200u) * 6000u)) / 6000u) % 200u) * 1200u + ((((base + (r % 200u) * 6000u)) / 5u) % 1200u) * 1u))];
    acc = acc + v2;
  }
  let v0 = p0 * state[opt_D_2_bias_velocity + (i)];
  let v1 = 0.0500000007 * acc;
  let v2 = v0 - v1;
  let v3 = state[D_2_bias + (i)] + v2;
  state[opt_D_2_bias_velocity + i] = v2;
  state[D_2_bias + i] = v3;
}
