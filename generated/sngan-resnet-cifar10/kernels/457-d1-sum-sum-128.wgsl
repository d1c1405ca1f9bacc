// d1: sum + sum -> [128]
// fuses: sum

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_3_0_1_bias = 5187460u;
const opt_D_3_0_1_bias_adam_m = 7147404u;
const opt_D_3_0_1_bias_adam_v = 7147532u;
const t_sum = 49288u;
const t_mul = 6235604u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2u + wg.x) * 64u + li;
  if (i >= 128u) { return; }
  let p0 = bitcast<f32>(clock[0]) * 5.0;
  let p1 = p0 + 2.0;
  let p2 = pow(0.0, p1);
  let p3 = 1.0 - p2;
  let p4 = pow(0.899999976, p1);
  let p5 = 1.0 - p4;
  let base = (i % 128u) * 64u;
  var acc = 0.0;
  for (var r = 0u; r < 2048u; r++) {

    acc = acc + temp[t_mul + ((base + ((r / 64u) % 32u) * 8192u + ((r / 8u) % 8u) * 8u + (r % 8u) * 1u))];
  }
  let v0 = state[opt_D_3_0_1_bias_adam_v + (i)] * 0.899999976;
  let v1 = acc * acc;
  let v2 = v1 * 0.100000001;
  let v3 = v0 + v2;
  let v4 = state[opt_D_3_0_1_bias_adam_m + (i)] * 0.0;
  let v5 = v4 + acc;
  let v6 = v5 / p3;
  let v7 = v3 / p5;
  let v8 = sqrt(v7);
  let v9 = v8 + 9.99999994e-9;
  let v10 = v6 / v9;
  let v11 = 0.000199999995 * v10;
  let v12 = state[D_3_0_1_bias + (i)] - v11;
  temp[t_sum + i] = acc;
  state[opt_D_3_0_1_bias_adam_v + i] = v3;
  state[opt_D_3_0_1_bias_adam_m + i] = v5;
  state[D_3_0_1_bias + i] = v12;
}
