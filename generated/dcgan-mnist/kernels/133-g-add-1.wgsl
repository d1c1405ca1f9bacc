// g: add -> [1] (optimizer G (adam))
// fuses: add, mul x3

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 1u) { return; }
  let p0 = state[2715141u + (0u)];
  let p1 = p0 * 0.999000013;
  let p2 = temp[768u + (0u)];
  let p3 = p2 * p2;
  let p4 = p3 * 0.00100000005;
  let v0 = p1 + p4;
  temp[769u + i] = v0;
}
