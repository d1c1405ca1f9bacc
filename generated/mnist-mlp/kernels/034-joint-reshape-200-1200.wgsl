// joint: reshape -> [200, 1200]
// fuses: div, mul, cmpeq

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 3750u + wg.x) * 64u + li;
  if (i >= 240000u) { return; }
  let v0 = select(0.0, 1.0, temp[947600u + (i)] == temp[1187600u + ((((i / 1200u) % 200u) * 240u + ((i / 5u) % 240u) * 1u))]);
  let v1 = v0 * temp[1332000u + ((((i / 1200u) % 200u) * 240u + ((i / 5u) % 240u) * 1u))];
  let v2 = v1 / temp[1235600u + ((((i / 1200u) % 200u) * 240u + ((i / 5u) % 240u) * 1u))];
  temp[1380000u + i] = v2;
}
