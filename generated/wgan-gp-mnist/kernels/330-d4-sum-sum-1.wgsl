// d4: sum + sum -> [1]
// fuses: sum

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_5_bias = 979268u;
const opt_D_5_bias_adam_m = 1405000u;
const opt_D_5_bias_adam_v = 1405004u;
const t_add = 50176u;
const t_sum = 50368u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 1u) { return; }
  let p0 = state[opt_D_5_bias_adam_v + (0u)];
  let p1 = p0 * 0.899999976;
  let p2 = state[opt_D_5_bias_adam_m + (0u)];
  let p3 = p2 * 0.0;
  let p4 = state[D_5_bias + (0u)];
  let p5 = bitcast<f32>(clock[0]) * 5.0;
  let p6 = p5 + 5.0;
  let p7 = pow(0.0, p6);
  let p8 = 1.0 - p7;
  let p9 = pow(0.899999976, p6);
  let p10 = 1.0 - p9;
  let base = 0u * 1u;
  var acc = 0.0;
  for (var r = 0u; r < 192u; r++) {

    acc = acc + temp[t_add + ((base + (r % 192u) * 1u))];
  }
  let v0 = acc * acc;
  let v1 = v0 * 0.100000001;
  let v2 = p1 + v1;
  let v3 = p3 + acc;
  let v4 = v3 / p8;
  let v5 = v2 / p10;
  let v6 = sqrt(v5);
  let v7 = v6 + 9.99999994e-9;
  let v8 = v4 / v7;
  let v9 = 0.0000999999975 * v8;
  let v10 = p4 - v9;
  temp[t_sum + i] = acc;
  state[opt_D_5_bias_adam_v + i] = v2;
  state[opt_D_5_bias_adam_m + i] = v3;
  state[D_5_bias + i] = v10;
}
