// g: pack neg -> [128, 1]
// fuses: neg, mul, sigmoid

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
    let v0 = select(exp(temp[2560u + (o0)]) / (1.0 + exp(temp[2560u + (o0)])), 1.0 / (1.0 + exp(-(temp[2560u + (o0)]))), temp[2560u + (o0)] >= 0.0);
    let v1 = 0.00781250000 * v0;
    let v2 = -(v1);
    v[0] = v2;
  }
  if (row < 128u && c4 * 4u + 1u < 1u) {
    let o1 = row * 1u + c4 * 4u + 1u;
    let v3 = select(exp(temp[2560u + (o1)]) / (1.0 + exp(temp[2560u + (o1)])), 1.0 / (1.0 + exp(-(temp[2560u + (o1)]))), temp[2560u + (o1)] >= 0.0);
    let v4 = 0.00781250000 * v3;
    let v5 = -(v4);
    v[1] = v5;
  }
  if (row < 128u && c4 * 4u + 2u < 1u) {
    let o2 = row * 1u + c4 * 4u + 2u;
    let v6 = select(exp(temp[2560u + (o2)]) / (1.0 + exp(temp[2560u + (o2)])), 1.0 / (1.0 + exp(-(temp[2560u + (o2)]))), temp[2560u + (o2)] >= 0.0);
    let v7 = 0.00781250000 * v6;
    let v8 = -(v7);
    v[2] = v8;
  }
  if (row < 128u && c4 * 4u + 3u < 1u) {
    let o3 = row * 1u + c4 * 4u + 3u;
    let v9 = select(exp(temp[2560u + (o3)]) / (1.0 + exp(temp[2560u + (o3)])), 1.0 / (1.0 + exp(-(temp[2560u + (o3)]))), temp[2560u + (o3)] >= 0.0);
    let v10 = 0.00781250000 * v9;
    let v11 = -(v10);
    v[3] = v11;
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
