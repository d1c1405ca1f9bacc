// g: add -> [256, 256, 3, 3] (optimizer G (adam))
// fuses: add, mul x3

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const opt_G_3_0_6_weight_adam_v = 12765844u;
const t_conv2d_wgrad = 4327424u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 9216u + wg.x) * 64u + li;
  if (i >= 589824u) { return; }

  let v0 = state[opt_G_3_0_6_weight_adam_v + (i)] * 0.899999976;
  let v1 = temp[t_conv2d_wgrad + (i)] * temp[t_conv2d_wgrad + (i)];
  let v2 = v1 * 0.100000001;
  let v3 = v0 + v2;
  state[opt_G_3_0_6_weight_adam_v + i] = v3;
}
