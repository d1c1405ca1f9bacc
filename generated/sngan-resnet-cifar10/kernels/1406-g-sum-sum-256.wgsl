// g: sum + sum -> [256]
// fuses: sum

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_3_0_6_bias = 2958336u;
const G_3_0_shortcut_1_bias = 3024128u;
const opt_G_3_0_6_bias_adam_m = 13355668u;
const opt_G_3_0_6_bias_adam_v = 13355924u;
const opt_G_3_0_shortcut_1_bias_adam_m = 13487252u;
const opt_G_3_0_shortcut_1_bias_adam_v = 13487508u;
const t_sum = 1181952u;
const t_add = 4327424u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 4u + wg.x) * 64u + li;
  if (i >= 256u) { return; }
  let p0 = bitcast<f32>(clock[0]) + 1.0;
  let p1 = pow(0.0, p0);
  let p2 = 1.0 - p1;
  let p3 = pow(0.899999976, p0);
  let p4 = 1.0 - p3;
  let base = (i % 256u) * 256u;
  var acc = 0.0;
  for (var r = 0u; r < 4096u; r++) {

    acc = acc + temp[t_add + ((base + ((r / 256u) % 16u) * 65536u + ((r / 16u) % 16u) * 16u + (r % 16u) * 1u))];
  }
  let v0 = state[opt_G_3_0_shortcut_1_bias_adam_v + (i)] * 0.899999976;
  let v1 = acc * acc;
  let v2 = v1 * 0.100000001;
  let v3 = v0 + v2;
  let v4 = state[opt_G_3_0_shortcut_1_bias_adam_m + (i)] * 0.0;
  let v5 = v4 + acc;
  let v6 = v5 / p2;
  let v7 = v3 / p4;
  let v8 = sqrt(v7);
  let v9 = v8 + 9.99999994e-9;
  let v10 = v6 / v9;
  let v11 = 0.000199999995 * v10;
  let v12 = state[G_3_0_shortcut_1_bias + (i)] - v11;
  let v13 = state[opt_G_3_0_6_bias_adam_v + (i)] * 0.899999976;
  let v14 = v13 + v2;
  let v15 = state[opt_G_3_0_6_bias_adam_m + (i)] * 0.0;
  let v16 = v15 + acc;
  let v17 = v16 / p2;
  let v18 = v14 / p4;
  let v19 = sqrt(v18);
  let v20 = v19 + 9.99999994e-9;
  let v21 = v17 / v20;
  let v22 = 0.000199999995 * v21;
  let v23 = state[G_3_0_6_bias + (i)] - v22;
  temp[t_sum + i] = acc;
  state[opt_G_3_0_shortcut_1_bias_adam_v + i] = v3;
  state[opt_G_3_0_shortcut_1_bias_adam_m + i] = v5;
  state[G_3_0_shortcut_1_bias + i] = v12;
  state[opt_G_3_0_6_bias_adam_v + i] = v14;
  state[opt_G_3_0_6_bias_adam_m + i] = v16;
  state[G_3_0_6_bias + i] = v23;
}
