// joint: pack add -> [100, 100] (latent z (draw 0))
// fuses: add, mul

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let t = (wg.y * 40u + wg.x) * 64u + li;
  if (t >= 2500u) { return; }

  let row = t / 25u;
  let c4 = t % 25u;
  var v = vec4<f32>(0.0);
  if (row < 100u && c4 * 4u + 0u < 100u) {
    let o0 = row * 100u + c4 * 4u + 0u;
    let v0 = temp[78400u + (o0)] * 3.46410155;
    let v1 = v0 + -1.73205078;
    v[0] = v1;
  }
  if (row < 100u && c4 * 4u + 1u < 100u) {
    let o1 = row * 100u + c4 * 4u + 1u;
    let v2 = temp[78400u + (o1)] * 3.46410155;
    let v3 = v2 + -1.73205078;
    v[1] = v3;
  }
  if (row < 100u && c4 * 4u + 2u < 100u) {
    let o2 = row * 100u + c4 * 4u + 2u;
    let v4 = temp[78400u + (o2)] * 3.46410155;
    let v5 = v4 + -1.73205078;
    v[2] = v5;
  }
  if (row < 100u && c4 * 4u + 3u < 100u) {
    let o3 = row * 100u + c4 * 4u + 3u;
    let v6 = temp[78400u + (o3)] * 3.46410155;
    let v7 = v6 + -1.73205078;
    v[3] = v7;
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
