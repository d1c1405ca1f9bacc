// d0: pack reshape -> [64, 6272] (D.5 flatten (line 37))
// fuses: max, add, mul; spec lines 35, 36

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let t = (wg.y * 1568u + wg.x) * 64u + li;
  if (t >= 100352u) { return; }

  let row = t / 1568u;
  let c4 = t % 1568u;
  var v = vec4<f32>(0.0);
  if (row < 64u && c4 * 4u + 0u < 6272u) {
    let o0 = row * 6272u + c4 * 4u + 0u;
    let v0 = temp[3268352u + (o0)] * state[898689u + ((((o0 / 49u) % 128u) * 1u))];
    let v1 = v0 + state[898817u + ((((o0 / 49u) % 128u) * 1u))];
    let v2 = max(v1, temp[3669760u + (o0)]);
    v[0] = v2;
  }
  if (row < 64u && c4 * 4u + 1u < 6272u) {
    let o1 = row * 6272u + c4 * 4u + 1u;
    let v3 = temp[3268352u + (o1)] * state[898689u + ((((o1 / 49u) % 128u) * 1u))];
    let v4 = v3 + state[898817u + ((((o1 / 49u) % 128u) * 1u))];
    let v5 = max(v4, temp[3669760u + (o1)]);
    v[1] = v5;
  }
  if (row < 64u && c4 * 4u + 2u < 6272u) {
    let o2 = row * 6272u + c4 * 4u + 2u;
    let v6 = temp[3268352u + (o2)] * state[898689u + ((((o2 / 49u) % 128u) * 1u))];
    let v7 = v6 + state[898817u + ((((o2 / 49u) % 128u) * 1u))];
    let v8 = max(v7, temp[3669760u + (o2)]);
    v[2] = v8;
  }
  if (row < 64u && c4 * 4u + 3u < 6272u) {
    let o3 = row * 6272u + c4 * 4u + 3u;
    let v9 = temp[3268352u + (o3)] * state[898689u + ((((o3 / 49u) % 128u) * 1u))];
    let v10 = v9 + state[898817u + ((((o3 / 49u) % 128u) * 1u))];
    let v11 = max(v10, temp[3669760u + (o3)]);
    v[3] = v11;
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
