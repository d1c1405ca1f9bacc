// d0: pack concat -> [128, 1]
// fuses: concat

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let t = (wg.y * 2u + wg.x) * 64u + li;
  if (t >= 128u) { return; }

  let row = t / 1u;
  let c4 = t % 1u;
  var v = vec4<f32>(0.0);
  if (row < 128u && c4 * 4u + 0u < 1u) {
    let o0 = row * 1u + c4 * 4u + 0u;
    let v0 = select(temp[64u + (select(0u, (o0) - 64u, (o0) >= 64u))], temp[0u + (min(o0, 63u))], (o0) < 64u);
    v[0] = v0;
  }
  if (row < 128u && c4 * 4u + 1u < 1u) {
    let o1 = row * 1u + c4 * 4u + 1u;
    let v1 = select(temp[64u + (select(0u, (o1) - 64u, (o1) >= 64u))], temp[0u + (min(o1, 63u))], (o1) < 64u);
    v[1] = v1;
  }
  if (row < 128u && c4 * 4u + 2u < 1u) {
    let o2 = row * 1u + c4 * 4u + 2u;
    let v2 = select(temp[64u + (select(0u, (o2) - 64u, (o2) >= 64u))], temp[0u + (min(o2, 63u))], (o2) < 64u);
    v[2] = v2;
  }
  if (row < 128u && c4 * 4u + 3u < 1u) {
    let o3 = row * 1u + c4 * 4u + 3u;
    let v3 = select(temp[64u + (select(0u, (o3) - 64u, (o3) >= 64u))], temp[0u + (min(o3, 63u))], (o3) < 64u);
    v[3] = v3;
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
