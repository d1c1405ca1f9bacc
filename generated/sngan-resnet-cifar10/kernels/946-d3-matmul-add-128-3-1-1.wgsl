// d3: matmul + add -> [128, 3, 1, 1]
// fuses: add, div x2, matmul, mul, permute, detach; spec line 51

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_0_0_shortcut_1_weight = 4431748u;
const D_0_0_shortcut_1_sn_u = 4432132u;
const opt_D_0_0_shortcut_1_weight_adam_m = 5637772u;
const opt_D_0_0_shortcut_1_weight_adam_v = 5638156u;
const t_reshape = 49280u;
const t_conv2d_wgrad = 50056u;
const t_add = 50516u;
const t_D_0_0_shortcut_1_conv2d_reshape = 54556u;
const t_D_0_0_shortcut_1_conv2d_matmul = 57252u;
const t_D_0_0_shortcut_1_conv2d_reshape_2 = 57256u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 6u + wg.x) * 64u + li;
  if (i >= 384u) { return; }
  let p0 = temp[t_reshape + (0u)];
  let p1 = temp[t_D_0_0_shortcut_1_conv2d_reshape_2 + (0u)];
  let p2 = temp[t_D_0_0_shortcut_1_conv2d_reshape + (0u)];
  let p3 = bitcast<f32>(clock[0]) * 5.0;
  let p4 = p3 + 4.0;
  let p5 = pow(0.0, p4);
  let p6 = 1.0 - p5;
  let p7 = pow(0.899999976, p4);
  let p8 = 1.0 - p7;
  let row = i / 3u;
  let col = i % 3u;
  var acc = 0.0;
  for (var k = 0u; k < 1u; k++) {
    let v0 = p0 * state[D_0_0_shortcut_1_sn_u + (row * 1u + k)];
    let v1 = temp[t_D_0_0_shortcut_1_conv2d_matmul + ((0u * 1u + ((k * 3u + col) % 3u) * 1u))] / p1;
    let v2 = (v1);
    acc = fma(v0, v2, acc);
  }
  let v0 = temp[t_conv2d_wgrad + (i)] / p2;
  let v1 = v0 + acc;
  let v2 = state[opt_D_0_0_shortcut_1_weight_adam_v + (i)] * 0.899999976;
  let v3 = v1 * v1;
  let v4 = v3 * 0.100000001;
  let v5 = v2 + v4;
  let v6 = state[opt_D_0_0_shortcut_1_weight_adam_m + (i)] * 0.0;
  let v7 = v6 + v1;
  let v8 = v7 / p6;
  let v9 = v5 / p8;
  let v10 = sqrt(v9);
  let v11 = v10 + 9.99999994e-9;
  let v12 = v8 / v11;
  let v13 = 0.000199999995 * v12;
  let v14 = state[D_0_0_shortcut_1_weight + (i)] - v13;
  temp[t_add + i] = v1;
  state[opt_D_0_0_shortcut_1_weight_adam_v + i] = v5;
  state[opt_D_0_0_shortcut_1_weight_adam_m + i] = v7;
  state[D_0_0_shortcut_1_weight + i] = v14;
}
