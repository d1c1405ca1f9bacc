// d1: sum + sum -> [128]
// fuses: sum

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_1_0_3_bias = 4727684u;
const D_1_0_shortcut_0_bias = 4744324u;
const opt_D_1_0_3_bias_adam_m = 6228876u;
const opt_D_1_0_3_bias_adam_v = 6229004u;
const opt_D_1_0_shortcut_0_bias_adam_m = 6261900u;
const opt_D_1_0_shortcut_0_bias_adam_v = 6262028u;
const t_sum = 49672u;
const t_reshape = 6268372u;

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
  let base = (i % 128u) * 256u;
  var acc = 0.0;
  for (var r = 0u; r < 8192u; r++) {

    acc = acc + temp[t_reshape + ((((((base + ((r / 256u) % 32u) * 32768u + ((r / 16u) % 16u) * 16u + (r % 16u) * 1u)) / 32768u) % 32u) * 8192u + ((((base + ((r / 256u) % 32u) * 32768u + ((r / 16u) % 16u) * 16u + (r % 16u) * 1u)) / 256u) % 128u) * 64u + ((((base + ((r / 256u) % 32u) * 32768u + ((r / 16u) % 16u) * 16u + (r % 16u) * 1u)) / 32u) % 8u) * 8u + ((((base + ((r / 256u) % 32u) * 32768u + ((r / 16u) % 16u) * 16u + (r % 16u) * 1u)) / 2u) % 8u) * 1u))];
  }
  let v0 = state[opt_D_1_0_shortcut_0_bias_adam_v + (i)] * 0.899999976;
  let v1 = acc * acc;
  let v2 = v1 * 0.100000001;
  let v3 = v0 + v2;
  let v4 = state[opt_D_1_0_shortcut_0_bias_adam_m + (i)] * 0.0;
  let v5 = v4 + acc;
  let v6 = v5 / p3;
  let v7 = v3 / p5;
  let v8 = sqrt(v7);
  let v9 = v8 + 9.99999994e-9;
  let v10 = v6 / v9;
  let v11 = 0.000199999995 * v10;
  let v12 = state[D_1_0_shortcut_0_bias + (i)] - v11;
  let v13 = state[opt_D_1_0_3_bias_adam_v + (i)] * 0.899999976;
  let v14 = v13 + v2;
  let v15 = state[opt_D_1_0_3_bias_adam_m + (i)] * 0.0;
  let v16 = v15 + acc;
  let v17 = v16 / p3;
  let v18 = v14 / p5;
  let v19 = sqrt(v18);
  let v20 = v19 + 9.99999994e-9;
  let v21 = v17 / v20;
  let v22 = 0.000199999995 * v21;
  let v23 = state[D_1_0_3_bias + (i)] - v22;
  temp[t_sum + i] = acc;
  state[opt_D_1_0_shortcut_0_bias_adam_v + i] = v3;
  state[opt_D_1_0_shortcut_0_bias_adam_m + i] = v5;
  state[D_1_0_shortcut_0_bias + i] = v12;
  state[opt_D_1_0_3_bias_adam_v + i] = v14;
  state[opt_D_1_0_3_bias_adam_m + i] = v16;
  state[D_1_0_3_bias + i] = v23;
}
