// d2: sum + sum -> [64]
// fuses: sum

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_4_bias = 17092u;
const opt_D_4_bias_adam_m = 34120u;
const opt_D_4_bias_adam_v = 34184u;
const t_sum = 9792u;
const t_mul = 131968u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 64u) { return; }
  let p0 = bitcast<f32>(clock[0]) * 5.0;
  let p1 = p0 + 3.0;
  let p2 = pow(0.500000000, p1);
  let p3 = 1.0 - p2;
  let p4 = pow(0.899999976, p1);
  let p5 = 1.0 - p4;
  let base = (i % 64u) * 1u;
  var acc = 0.0;
  for (var r = 0u; r < 384u; r++) {

    acc = acc + temp[t_mul + ((base + (r % 384u) * 64u))];
  }
  let v0 = state[opt_D_4_bias_adam_v + (i)] * 0.899999976;
  let v1 = acc * acc;
  let v2 = v1 * 0.100000001;
  let v3 = v0 + v2;
  let v4 = state[opt_D_4_bias_adam_m + (i)] * 0.500000000;
  let v5 = acc * 0.500000000;
  let v6 = v4 + v5;
  let v7 = v6 / p3;
  let v8 = v3 / p5;
  let v9 = sqrt(v8);
  let v10 = v9 + 9.99999994e-9;
  let v11 = v7 / v10;
  let v12 = 0.0000999999975 * v11;
  let v13 = state[D_4_bias + (i)] - v12;
  temp[t_sum + i] = acc;
  state[opt_D_4_bias_adam_v + i] = v3;
  state[opt_D_4_bias_adam_m + i] = v6;
  state[D_4_bias + i] = v13;
}
