// d0: pack add -> [128, 1]
// fuses: add, neg, mul, sigmoid

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
    let v0 = -(0.00390625000);
    let v1 = select(exp(temp[9701760u + (o0)]) / (1.0 + exp(temp[9701760u + (o0)])), 1.0 / (1.0 + exp(-(temp[9701760u + (o0)]))), temp[9701760u + (o0)] >= 0.0);
    let v2 = 0.00390625000 * v1;
    let v3 = v0 + v2;
    v[0] = v3;
  }
  if (row < 128u && c4 * 4u + 1u < 1u) {
    let o1 = row * 1u + c4 * 4u + 1u;
    let v4 = -(0.00390625000);
    let v5 = select(exp(temp[9701760u + (o1)]) / (1.0 + exp(temp[9701760u + (o1)])), 1.0 / (1.0 + exp(-(temp[9701760u + (o1)]))), temp[9701760u + (o1)] >= 0.0);
    let v6 = 0.00390625000 * v5;
    let v7 = v4 + v6;
    v[1] = v7;
  }
  if (row < 128u && c4 * 4u + 2u < 1u) {
    let o2 = row * 1u + c4 * 4u + 2u;
    let v8 = -(0.00390625000);
    let v9 = select(exp(temp[9701760u + (o2)]) / (1.0 + exp(temp[9701760u + (o2)])), 1.0 / (1.0 + exp(-(temp[9701760u + (o2)]))), temp[9701760u + (o2)] >= 0.0);
    let v10 = 0.00390625000 * v9;
    let v11 = v8 + v10;
    v[2] = v11;
  }
  if (row < 128u && c4 * 4u + 3u < 1u) {
    let o3 = row * 1u + c4 * 4u + 3u;
    let v12 = -(0.00390625000);
    let v13 = select(exp(temp[9701760u + (o3)]) / (1.0 + exp(temp[9701760u + (o3)])), 1.0 / (1.0 + exp(-(temp[9701760u + (o3)]))), temp[9701760u + (o3)] >= 0.0);
    let v14 = 0.00390625000 * v13;
    let v15 = v12 + v14;
    v[3] = v15;
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
