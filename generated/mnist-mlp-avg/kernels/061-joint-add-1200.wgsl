// joint: add -> [1200] (generator average)
// fuses: add x2, mul, div, max, sub

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 19u + wg.x) * 64u + li;
  if (i >= 1200u) { return; }
  let p0 = bitcast<f32>(clock[0]) + -4999.0;
  let p1 = max(p0, 1.0);
  let p2 = 1.0 / p1;
  let v0 = state[1561200u + (i)] - state[9032056u + (i)];
  let v1 = p2 * v0;
  let v2 = state[9032056u + (i)] + v1;
  state[9032056u + i] = v2;
}
