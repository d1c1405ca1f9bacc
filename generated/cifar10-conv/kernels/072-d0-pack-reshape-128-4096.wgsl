// d0: pack reshape -> [128, 4096] (D.8 flatten (line 44))
// fuses: max, add, mul; spec lines 42, 43

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
    let v0 = temp[11941888u + (o0)] * state[1733507u + ((((o0 / 16u) % 256u) * 1u))];
    let v1 = v0 + state[1733763u + ((((o0 / 16u) % 256u) * 1u))];
    let v2 = max(v1, temp[12466176u + (o0)]);
    v[0] = v2;
  }
  if (row < 128u && c4 * 4u + 1u < 4096u) {
    let o1 = row * 4096u + c4 * 4u + 1u;
    let v3 = temp[11941888u + (o1)] * state[1733507u + ((((o1 / 16u) % 256u) * 1u))];
    let v4 = v3 + state[1733763u + ((((o1 / 16u) % 256u) * 1u))];
    let v5 = max(v4, temp[12466176u + (o1)]);
    v[1] = v5;
  }
  if (row < 128u && c4 * 4u + 2u < 4096u) {
    let o2 = row * 4096u + c4 * 4u + 2u;
    let v6 = temp[11941888u + (o2)] * state[1733507u + ((((o2 / 16u) % 256u) * 1u))];
    let v7 = v6 + state[1733763u + ((((o2 / 16u) % 256u) * 1u))];
    let v8 = max(v7, temp[12466176u + (o2)]);
    v[2] = v8;
  }
  if (row < 128u && c4 * 4u + 3u < 4096u) {
    let o3 = row * 4096u + c4 * 4u + 3u;
    let v9 = temp[11941888u + (o3)] * state[1733507u + ((((o3 / 16u) % 256u) * 1u))];
    let v10 = v9 + state[1733763u + ((((o3 / 16u) % 256u) * 1u))];
    let v11 = max(v10, temp[12466176u + (o3)]);
    v[3] = v11;
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
