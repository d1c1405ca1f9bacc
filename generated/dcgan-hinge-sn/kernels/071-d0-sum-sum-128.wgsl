// d0: sum + sum -> [128]
// fuses: sum

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_2_bias = 898756u;
const opt_D_2_bias_adam_m = 1169484u;
const opt_D_2_bias_adam_v = 1169612u;
const t_sum = 50176u;
const t_add = 3676772u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2u + wg.x) * 64u + li;
  if (i >= 128u) { return; }
  let p0 = bitcast<f32>(clock[0]) + 1.0;
  let p1 = pow(0.500000000, p0);
  let p2 = 1.0 - p1;
  let p3 = pow(0.999000013, p0);
  let p4 = 1.0 - p3;
  let base = (i % 128u) * 49u;
  var acc = 0.0;
  for (var r = 0u; r < 6272u; r++) {

    acc = acc + temp[t_add + ((base + ((r / 49u) % 128u) * 6272u + ((r / 7u) % 7u) * 7u + (r % 7u) * 1u))];
  }
  let v0 = state[opt_D_2_bias_adam_v + (i)] * 0.999000013;
  let v1 = acc * acc;
  let v2 = v1 * 0.00100000005;
  let v3 = v0 + v2;
  let v4 = state[opt_D_2_bias_adam_m + (i)] * 0.500000000;
  let v5 = acc * 0.500000000;
  let v6 = v4 + v5;
  let v7 = v6 / p2;
  let v8 = v3 / p4;
  let v9 = sqrt(v8);
  let v10 = v9 + 9.99999994e-9;
  let v11 = v7 / v10;
  let v12 = 0.000199999995 * v11;
  let v13 = state[D_2_bias + (i)] - v12;
  temp[t_sum + i] = acc;
  state[opt_D_2_bias_adam_v + i] = v3;
  state[opt_D_2_bias_adam_m + i] = v6;
  state[D_2_bias + i] = v13;
}
