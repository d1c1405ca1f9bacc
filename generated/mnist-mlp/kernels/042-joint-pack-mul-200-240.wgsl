// joint: pack mul -> [200, 240] (D.3 dropout (line 40))
// fuses: mul x2, cmplt; spec line 40

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let t = (wg.y * 188u + wg.x) * 64u + li;
  if (t >= 12000u) { return; }

  let row = t / 60u;
  let c4 = t % 60u;
  var v = vec4<f32>(0.0);
  if (row < 200u && c4 * 4u + 0u < 240u) {
    let o0 = row * 240u + c4 * 4u + 0u;
    let v0 = select(0.0, 1.0, temp[659600u + (o0)] < 0.500000000);
    let v1 = v0 * 2.0;
    let v2 = temp[563600u + (o0)] * v1;
    v[0] = v2;
  }
  if (row < 200u && c4 * 4u + 1u < 240u) {
    let o1 = row * 240u + c4 * 4u + 1u;
    let v3 = select(0.0, 1.0, temp[659600u + (o1)] < 0.500000000);
    let v4 = v3 * 2.0;
    let v5 = temp[563600u + (o1)] * v4;
    v[1] = v5;
  }
  if (row < 200u && c4 * 4u + 2u < 240u) {
    let o2 = row * 240u + c4 * 4u + 2u;
    let v6 = select(0.0, 1.0, temp[659600u + (o2)] < 0.500000000);
    let v7 = v6 * 2.0;
    let v8 = temp[563600u + (o2)] * v7;
    v[2] = v8;
  }
  if (row < 200u && c4 * 4u + 3u < 240u) {
    let o3 = row * 240u + c4 * 4u + 3u;
    let v9 = select(0.0, 1.0, temp[659600u + (o3)] < 0.500000000);
    let v10 = v9 * 2.0;
    let v11 = temp[563600u + (o3)] * v10;
    v[3] = v11;
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
