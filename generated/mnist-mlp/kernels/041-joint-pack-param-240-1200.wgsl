// joint: pack param -> [240, 1200] (D.4 maxout (line 41))
// fuses: copy into a texture

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let t = (wg.y * 1125u + wg.x) * 64u + li;
  if (t >= 72000u) { return; }

  let row = t / 300u;
  let c4 = t % 300u;
  var v = vec4<f32>(0.0);
  if (row < 240u && c4 * 4u + 0u < 1200u) {
    let o0 = row * 1200u + c4 * 4u + 0u;

    v[0] = state[3445984u + (o0)];
  }
  if (row < 240u && c4 * 4u + 1u < 1200u) {
    let o1 = row * 1200u + c4 * 4u + 1u;

    v[1] = state[3445984u + (o1)];
  }
  if (row < 240u && c4 * 4u + 2u < 1200u) {
    let o2 = row * 1200u + c4 * 4u + 2u;

    v[2] = state[3445984u + (o2)];
  }
  if (row < 240u && c4 * 4u + 3u < 1200u) {
    let o3 = row * 1200u + c4 * 4u + 3u;

    v[3] = state[3445984u + (o3)];
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
