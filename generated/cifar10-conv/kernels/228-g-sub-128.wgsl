// g: sub -> [128] (optimizer G (adam))
// fuses: sub x3, mul, div x3, pow x2, add x2, sqrt

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2u + wg.x) * 64u + li;
  if (i >= 128u) { return; }
  let v0 = bitcast<f32>(clock[0]) + 1.0;
  let v1 = pow(0.500000000, v0);
  let v2 = 1.0 - v1;
  let v3 = temp[1586560u + (i)] / v2;
  let v4 = pow(0.999000013, v0);
  let v5 = 1.0 - v4;
  let v6 = temp[1586432u + (i)] / v5;
  let v7 = sqrt(v6);
  let v8 = v7 + 9.99999994e-9;
  let v9 = v3 / v8;
  let v10 = 0.000199999995 * v9;
  let v11 = state[939008u + (i)] - v10;
  temp[1586304u + i] = v11;
}
