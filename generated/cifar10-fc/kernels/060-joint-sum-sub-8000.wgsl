// joint: sum + sub -> [8000] (optimizer D (sgd))
// fuses: sub, mul x3, sum, div, cmpeq

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> state_1: array<f32>;
@group(0) @binding(2) var<storage, read_write> temp: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_4_bias = 0u;
const opt_D_4_bias_velocity = 4u;
const t_optimizer_D_add = 0u;
const t_reshape = 204u;
const t_D_4_maxout_maxr = 5091600u;
const t_D_4_maxout_reshape = 5411600u;
const t_reshape_2 = 7011600u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 125u + wg.x) * 64u + li;
  if (i >= 8000u) { return; }
  let p0 = temp[t_optimizer_D_add + (0u)];
  let base = (i % 8000u) * 1u;
  var acc = 0.0;
  for (var r = 0u; r < 200u; r++) {
    let v0 = select(0.0, 1.0, temp[t_D_4_maxout_reshape + ((base + (r % 200u) * 8000u))] == temp[t_D_4_maxout_maxr + ((((((base + (r % 200u) * 8000u)) / 8000u) % 200u) * 1600u + ((((base + (r % 200u) * 8000u)) / 5u) % 1600u) * 1u))]);
    let v1 = v0 * temp[t_reshape + ((((((base + (r % 200u) * 8000u)) / 8000u) % 200u) * 1600u + ((((base + (r % 200u) * 8000u)) / 5u) % 1600u) * 1u))];
    let v2 = v1 / temp[t_reshape_2 + ((((((base + (r % 200u) * 8000u)) / 8000u) % 200u) * 1600u + ((((base + (r % 200u) * 8000u)) / 5u) % 1600u) * 1u))];
    acc = acc + v2;
  }
  let v0 = p0 * state_1[opt_D_4_bias_velocity + (i)];
  let v1 = 0.0250000004 * acc;
  let v2 = v0 - v1;
  let v3 = state[D_4_bias + (i)] + v2;
  state_1[opt_D_4_bias_velocity + i] = v2;
  state[D_4_bias + i] = v3;
}
