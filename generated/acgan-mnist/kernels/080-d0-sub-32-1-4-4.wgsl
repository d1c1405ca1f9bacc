// d0: sub -> [32, 1, 4, 4] (optimizer D (adam))
// fuses: sub x3, mul, div x3, pow x2, add x2, sqrt

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_0_weight = 381896u;
const opt_D_0_weight_adam_m = 449784u;
const opt_D_0_weight_adam_v = 450296u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 8u + wg.x) * 64u + li;
  if (i >= 512u) { return; }
  let p0 = bitcast<f32>(clock[0]) + 1.0;
  let p1 = pow(0.500000000, p0);
  let p2 = 1.0 - p1;
  let p3 = pow(0.999000013, p0);
  let p4 = 1.0 - p3;
  let v0 = state[opt_D_0_weight_adam_m + (i)] / p2;
  let v1 = state[opt_D_0_weight_adam_v + (i)] / p4;
  let v2 = sqrt(v1);
  let v3 = v2 + 9.99999994e-9;
  let v4 = v0 / v3;
  let v5 = 0.000199999995 * v4;
  let v6 = state[D_0_weight + (i)] - v5;
  state[D_0_weight + i] = v6;
}
