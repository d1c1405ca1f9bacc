// g: pack reshape -> [128, 4096] (D.8 flatten (line 44))
// fuses: max, mul; spec line 43

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let t = (wg.y * 2048u + wg.x) * 64u + li;
  if (t >= 131072u) { return; }

  let row = t / 1024u;
  let c4 = t % 1024u;
  var v = vec4<f32>(0.0);
  if (row < 128u && c4 * 4u + 0u < 4096u) {
    let o0 = row * 4096u + c4 * 4u + 0u;
    let v0 = temp[16134656u + (o0)] * 0.200000003;
    let v1 = max(temp[16134656u + (o0)], v0);
    v[0] = v1;
  }
  if (row < 128u && c4 * 4u + 1u < 4096u) {
    let o1 = row * 4096u + c4 * 4u + 1u;
    let v2 = temp[16134656u + (o1)] * 0.200000003;
    let v3 = max(temp[16134656u + (o1)], v2);
    v[1] = v3;
  }
  if (row < 128u && c4 * 4u + 2u < 4096u) {
    let o2 = row * 4096u + c4 * 4u + 2u;
    let v4 = temp[16134656u + (o2)] * 0.200000003;
    let v5 = max(temp[16134656u + (o2)], v4);
    v[2] = v5;
  }
  if (row < 128u && c4 * 4u + 3u < 4096u) {
    let o3 = row * 4096u + c4 * 4u + 3u;
    let v6 = temp[16134656u + (o3)] * 0.200000003;
    let v7 = max(temp[16134656u + (o3)], v6);
    v[3] = v7;
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
