// joint: sum + sub -> [1200] (optimizer D (sgd))
// fuses: sub, mul x2, max, div, pow, sum

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 19u + wg.x) * 64u + li;
  if (i >= 1200u) { return; }
  let base = (i % 1200u) * 1u;
  var acc = 0.0;
  for (var r = 0u; r < 200u; r++) {

    acc = acc + temp[6538400u + ((base + (r % 200u) * 1200u))];
  }
  let v0 = temp[328400u + (0u)] * state[4676225u + (i)];
  let v1 = pow(1.00000405, bitcast<f32>(clock[0]));
  let v2 = 0.100000001 / v1;
  let v3 = max(v2, 9.99999997e-7);
  let v4 = v3 * acc;
  let v5 = v0 - v4;
  temp[81482u + i] = v5;
}
