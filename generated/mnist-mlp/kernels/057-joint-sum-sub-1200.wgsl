// joint: sum + sub -> [1200] (optimizer D (sgd))
// fuses: sub, mul x4, max, div, pow, sum, add, cmpeq x2

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
  for (var r = 0u; r < 100u; r++) {
    let v0 = select(0.0, 1.0, temp[5812900u + ((base + (r % 100u) * 1200u))] == temp[200800u + ((((((base + (r % 100u) * 1200u)) / 1200u) % 100u) * 240u + ((((base + (r % 100u) * 1200u)) / 5u) % 240u) * 1u))]);
    let v1 = v0 * temp[248800u + ((((((base + (r % 100u) * 1200u)) / 1200u) % 100u) * 240u + ((((base + (r % 100u) * 1200u)) / 5u) % 240u) * 1u))];
    let v2 = select(0.0, 1.0, temp[540800u + ((base + (r % 100u) * 1200u))] == temp[660800u + ((((((base + (r % 100u) * 1200u)) / 1200u) % 100u) * 240u + ((((base + (r % 100u) * 1200u)) / 5u) % 240u) * 1u))]);
    let v3 = v2 * temp[224800u + ((((((base + (r % 100u) * 1200u)) / 1200u) % 100u) * 240u + ((((base + (r % 100u) * 1200u)) / 5u) % 240u) * 1u))];
    let v4 = v1 + v3;
    acc = acc + v4;
  }
  let v0 = temp[684900u + (0u)] * state[4965425u + (i)];
  let v1 = pow(1.00000405, bitcast<f32>(clock[0]));
  let v2 = 0.100000001 / v1;
  let v3 = max(v2, 9.99999997e-7);
  let v4 = v3 * acc;
  let v5 = v0 - v4;
  temp[183782u + i] = v5;
}
