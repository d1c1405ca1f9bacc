// g: max -> [64, 128, 7, 7] (G.3 relu (line 23))
// fuses: max, add, mul; spec lines 22, 23

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 6272u + wg.x) * 64u + li;
  if (i >= 401408u) { return; }

  let v0 = temp[407808u + (i)] * state[633472u + ((((i / 49u) % 128u) * 1u))];
  let v1 = v0 + state[633600u + ((((i / 49u) % 128u) * 1u))];
  let v2 = max(v1, 0.0);
  temp[809216u + i] = v2;
}
