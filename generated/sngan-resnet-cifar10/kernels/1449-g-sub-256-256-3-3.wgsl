// g: sub -> [256, 256, 3, 3] (optimizer G (adam))
// fuses: sub x3, mul, div x3, pow x2, add x2, sqrt

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_2_0_6_weight = 1120512u;
const opt_G_2_0_6_weight_adam_m = 9682068u;
const opt_G_2_0_6_weight_adam_v = 10271892u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 9216u + wg.x) * 64u + li;
  if (i >= 589824u) { return; }
  let p0 = bitcast<f32>(clock[0]) + 1.0;
  let p1 = pow(0.0, p0);
  let p2 = 1.0 - p1;
  let p3 = pow(0.899999976, p0);
  let p4 = 1.0 - p3;
  let v0 = state[opt_G_2_0_6_weight_adam_m + (i)] / p2;
  let v1 = state[opt_G_2_0_6_weight_adam_v + (i)] / p4;
  let v2 = sqrt(v1);
  let v3 = v2 + 9.99999994e-9;
  let v4 = v0 / v3;
  let v5 = 0.000199999995 * v4;
  let v6 = state[G_2_0_6_weight + (i)] - v5;
  state[G_2_0_6_weight + i] = v6;
}
