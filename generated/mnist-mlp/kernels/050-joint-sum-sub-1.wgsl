// joint: sum + sub -> [1] (optimizer D (sgd))
// fuses: sub, mul x4, max, div, pow, sum, add x2, neg, sigmoid x2

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 1u) { return; }
  let base = 0u * 1u;
  var acc = 0.0;
  for (var r = 0u; r < 100u; r++) {
    let v0 = -(0.00499999989);
    let v1 = select(exp(temp[183200u + ((base + (r % 100u) * 1u))]) / (1.0 + exp(temp[183200u + ((base + (r % 100u) * 1u))])), 1.0 / (1.0 + exp(-(temp[183200u + ((base + (r % 100u) * 1u))]))), temp[183200u + ((base + (r % 100u) * 1u))] >= 0.0);
    let v2 = 0.00499999989 * v1;
    let v3 = v0 + v2;
    let v4 = select(exp(temp[684800u + ((base + (r % 100u) * 1u))]) / (1.0 + exp(temp[684800u + ((base + (r % 100u) * 1u))])), 1.0 / (1.0 + exp(-(temp[684800u + ((base + (r % 100u) * 1u))]))), temp[684800u + ((base + (r % 100u) * 1u))] >= 0.0);
    let v5 = 0.00499999989 * v4;
    let v6 = v3 + v5;
    acc = acc + v6;
  }
  let v0 = temp[684900u + (i)] * state[4966865u + (i)];
  let v1 = pow(1.00000405, bitcast<f32>(clock[0]));
  let v2 = 0.100000001 / v1;
  let v3 = max(v2, 9.99999997e-7);
  let v4 = v3 * acc;
  let v5 = v0 - v4;
  temp[183300u + i] = v5;
}
