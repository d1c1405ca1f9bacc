// joint: concat -> [200, 1]
// fuses: concat, neg x2, mul, sigmoid, slice

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 4u + wg.x) * 64u + li;
  if (i >= 200u) { return; }

  let v0 = -(temp[78400u + ((select(0u, (i) - 100u, (i) >= 100u)) + 100u)]);
  let v1 = select(exp(v0) / (1.0 + exp(v0)), 1.0 / (1.0 + exp(-(v0))), v0 >= 0.0);
  let v2 = 0.00999999978 * v1;
  let v3 = -(v2);
  let v4 = select(v3, 0.0, (i) < 100u);
  temp[78600u + i] = v4;
}
