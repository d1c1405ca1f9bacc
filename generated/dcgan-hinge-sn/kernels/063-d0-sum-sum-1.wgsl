// d0: sum + sum -> [1]
// fuses: sum

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_5_bias = 905160u;
const opt_D_5_bias_adam_m = 1182284u;
const opt_D_5_bias_adam_v = 1182288u;
const t_sum = 57488u;
const t_add = 57828u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 1u) { return; }
  let p0 = state[opt_D_5_bias_adam_v + (0u)];
  let p1 = p0 * 0.999000013;
  let p2 = state[opt_D_5_bias_adam_m + (0u)];
  let p3 = p2 * 0.500000000;
  let p4 = state[D_5_bias + (0u)];
  let p5 = bitcast<f32>(clock[0]) + 1.0;
  let p6 = pow(0.500000000, p5);
  let p7 = 1.0 - p6;
  let p8 = pow(0.999000013, p5);
  let p9 = 1.0 - p8;
  let base = 0u * 1u;
  var acc = 0.0;
  for (var r = 0u; r < 128u; r++) {

    acc = acc + temp[t_add + ((base + (r % 128u) * 1u))];
  }
  let v0 = acc * acc;
  let v1 = v0 * 0.00100000005;
  let v2 = p1 + v1;
  let v3 = acc * 0.500000000;
  let v4 = p3 + v3;
  let v5 = v4 / p7;
  let v6 = v2 / p9;
  let v7 = sqrt(v6);
  let v8 = v7 + 9.99999994e-9;
  let v9 = v5 / v8;
  let v10 = 0.000199999995 * v9;
  let v11 = p4 - v10;
  temp[t_sum + i] = acc;
  state[opt_D_5_bias_adam_v + i] = v2;
  state[opt_D_5_bias_adam_m + i] = v4;
  state[D_5_bias + i] = v11;
}
