// joint: pack concat -> [200, 1]
// fuses: concat, neg x2, mul, sigmoid, slice

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let t = (wg.y * 4u + wg.x) * 64u + li;
  if (t >= 200u) { return; }

  let row = t / 1u;
  let c4 = t % 1u;
  var v = vec4<f32>(0.0);
  if (row < 200u && c4 * 4u + 0u < 1u) {
    let o0 = row * 1u + c4 * 4u + 0u;
    let v0 = -(temp[78400u + ((select(0u, (o0) - 100u, (o0) >= 100u)) + 100u)]);
    let v1 = select(exp(v0) / (1.0 + exp(v0)), 1.0 / (1.0 + exp(-(v0))), v0 >= 0.0);
    let v2 = 0.00999999978 * v1;
    let v3 = -(v2);
    let v4 = select(v3, 0.0, (o0) < 100u);
    v[0] = v4;
  }
  if (row < 200u && c4 * 4u + 1u < 1u) {
    let o1 = row * 1u + c4 * 4u + 1u;
    let v5 = -(temp[78400u + ((select(0u, (o1) - 100u, (o1) >= 100u)) + 100u)]);
    let v6 = select(exp(v5) / (1.0 + exp(v5)), 1.0 / (1.0 + exp(-(v5))), v5 >= 0.0);
    let v7 = 0.00999999978 * v6;
    let v8 = -(v7);
    let v9 = select(v8, 0.0, (o1) < 100u);
    v[1] = v9;
  }
  if (row < 200u && c4 * 4u + 2u < 1u) {
    let o2 = row * 1u + c4 * 4u + 2u;
    let v10 = -(temp[78400u + ((select(0u, (o2) - 100u, (o2) >= 100u)) + 100u)]);
    let v11 = select(exp(v10) / (1.0 + exp(v10)), 1.0 / (1.0 + exp(-(v10))), v10 >= 0.0);
    let v12 = 0.00999999978 * v11;
    let v13 = -(v12);
    let v14 = select(v13, 0.0, (o2) < 100u);
    v[2] = v14;
  }
  if (row < 200u && c4 * 4u + 3u < 1u) {
    let o3 = row * 1u + c4 * 4u + 3u;
    let v15 = -(temp[78400u + ((select(0u, (o3) - 100u, (o3) >= 100u)) + 100u)]);
    let v16 = select(exp(v15) / (1.0 + exp(v15)), 1.0 / (1.0 + exp(-(v15))), v15 >= 0.0);
    let v17 = 0.00999999978 * v16;
    let v18 = -(v17);
    let v19 = select(v18, 0.0, (o3) < 100u);
    v[3] = v19;
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
