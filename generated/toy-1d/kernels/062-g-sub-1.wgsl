// g: sub -> [1] (optimizer G (adam))
// fuses: sub x3, mul, div x3, pow x2, add x2, sqrt

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 1u) { return; }
  let p0 = state[320u + (0u)];
  let p1 = state[4432u + (0u)];
  let p2 = bitcast<f32>(clock[0]) + 1.0;
  let p3 = pow(0.500000000, p2);
  let p4 = 1.0 - p3;
  let p5 = p1 / p4;
  let p6 = state[4436u + (0u)];
  let p7 = pow(0.999000013, p2);
  let p8 = 1.0 - p7;
  let p9 = p6 / p8;
  let p10 = sqrt(p9);
  let p11 = p10 + 9.99999994e-9;
  let p12 = p5 / p11;
  let p13 = 0.0000999999975 * p12;
  let v0 = p0 - p13;
  state[320u + i] = v0;
}
