// d1: pack reshape -> [1344, 896]
// fuses: concat, permute, add, mul x4, slice x2, sub, cmplt; spec line 35

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_penalty_reshape = 251136u;
const t_D_2_conv2d_add = 3669440u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 224u || row >= 1344u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 1344u) {
    let o0 = row * 896u + c4 * 4u + 0u;
    let o1 = row * 896u + c4 * 4u + 1u;
    let o2 = row * 896u + c4 * 4u + 2u;
    let o3 = row * 896u + c4 * 4u + 3u;
    let v0 = temp[t_D_2_conv2d_add + ((((((select(0u, (o0) - 802816u, (o0) >= 802816u)) / 6272u) % 64u) * 6272u + (((select(0u, (o0) - 802816u, (o0) >= 802816u)) / 896u) % 7u) * 7u + (((select(0u, (o0) - 802816u, (o0) >= 802816u)) / 128u) % 7u) * 1u + ((select(0u, (o0) - 802816u, (o0) >= 802816u)) % 128u) * 49u)) + 802816u)] * 0.200000003;
    let v1 = select(0.0, 1.0, temp[t_D_2_conv2d_add + ((((((select(0u, (o0) - 802816u, (o0) >= 802816u)) / 6272u) % 64u) * 6272u + (((select(0u, (o0) - 802816u, (o0) >= 802816u)) / 896u) % 7u) * 7u + (((select(0u, (o0) - 802816u, (o0) >= 802816u)) / 128u) % 7u) * 1u + ((select(0u, (o0) - 802816u, (o0) >= 802816u)) % 128u) * 49u)) + 802816u)] < v0);
    let v2 = 1.0 - v1;
    let v3 = temp[t_penalty_reshape + (((((select(0u, (o0) - 802816u, (o0) >= 802816u)) / 6272u) % 64u) * 6272u + (((select(0u, (o0) - 802816u, (o0) >= 802816u)) / 896u) % 7u) * 7u + (((select(0u, (o0) - 802816u, (o0) >= 802816u)) / 128u) % 7u) * 1u + ((select(0u, (o0) - 802816u, (o0) >= 802816u)) % 128u) * 49u))] * v2;
    let v4 = temp[t_penalty_reshape + (((((select(0u, (o0) - 802816u, (o0) >= 802816u)) / 6272u) % 64u) * 6272u + (((select(0u, (o0) - 802816u, (o0) >= 802816u)) / 896u) % 7u) * 7u + (((select(0u, (o0) - 802816u, (o0) >= 802816u)) / 128u) % 7u) * 1u + ((select(0u, (o0) - 802816u, (o0) >= 802816u)) % 128u) * 49u))] * v1;
    let v5 = v4 * 0.200000003;
    let v6 = v3 + v5;
    let v7 = select(v6, 0.0, (o0) < 802816u);
    let v8 = temp[t_D_2_conv2d_add + ((((((select(0u, (o1) - 802816u, (o1) >= 802816u)) / 6272u) % 64u) * 6272u + (((select(0u, (o1) - 802816u, (o1) >= 802816u)) / 896u) % 7u) * 7u + (((select(0u, (o1) - 802816u, (o1) >= 802816u)) / 128u) % 7u) * 1u + ((select(0u, (o1) - 802816u, (o1) >= 802816u)) % 128u) * 49u)) + 802816u)] * 0.200000003;
    let v9 = select(0.0, 1.0, temp[t_D_2_conv2d_add + ((((((select(0u, (o1) - 802816u, (o1) >= 802816u)) / 6272u) % 64u) * 6272u + (((select(0u, (o1) - 802816u, (o1) >= 802816u)) / 896u) % 7u) * 7u + (((select(0u, (o1) - 802816u, (o1) >= 802816u)) / 128u) % 7u) * 1u + ((select(0u, (o1) - 802816u, (o1) >= 802816u)) % 128u) * 49u)) + 802816u)] < v8);
    let v10 = 1.0 - v9;
    let v11 = temp[t_penalty_reshape + (((((select(0u, (o1) - 802816u, (o1) >= 802816u)) / 6272u) % 64u) * 6272u + (((select(0u, (o1) - 802816u, (o1) >= 802816u)) / 896u) % 7u) * 7u + (((select(0u, (o1) - 802816u, (o1) >= 802816u)) / 128u) % 7u) * 1u + ((select(0u, (o1) - 802816u, (o1) >= 802816u)) % 128u) * 49u))] * v10;
    let v12 = temp[t_penalty_reshape + (((((select(0u, (o1) - 802816u, (o1) >= 802816u)) / 6272u) % 64u) * 6272u + (((select(0u, (o1) - 802816u, (o1) >= 802816u)) / 896u) % 7u) * 7u + (((select(0u, (o1) - 802816u, (o1) >= 802816u)) / 128u) % 7u) * 1u + ((select(0u, (o1) - 802816u, (o1) >= 802816u)) % 128u) * 49u))] * v9;
    let v13 = v12 * 0.200000003;
    let v14 = v11 + v13;
    let v15 = select(v14, 0.0, (o1) < 802816u);
    let v16 = temp[t_D_2_conv2d_add + ((((((select(0u, (o2) - 802816u, (o2) >= 802816u)) / 6272u) % 64u) * 6272u + (((select(0u, (o2) - 802816u, (o2) >= 802816u)) / 896u) % 7u) * 7u + (((select(0u, (o2) - 802816u, (o2) >= 802816u)) / 128u) % 7u) * 1u + ((select(0u, (o2) - 802816u, (o2) >= 802816u)) % 128u) * 49u)) + 802816u)] * 0.200000003;
    let v17 = select(0.0, 1.0, temp[t_D_2_conv2d_add + ((((((select(0u, (o2) - 802816u, (o2) >= 802816u)) / 6272u) % 64u) * 6272u + (((select(0u, (o2) - 802816u, (o2) >= 802816u)) / 896u) % 7u) * 7u + (((select(0u, (o2) - 802816u, (o2) >= 802816u)) / 128u) % 7u) * 1u + ((select(0u, (o2) - 802816u, (o2) >= 802816u)) % 128u) * 49u)) + 802816u)] < v16);
    let v18 = 1.0 - v17;
    let v19 = temp[t_penalty_reshape + (((((select(0u, (o2) - 802816u, (o2) >= 802816u)) / 6272u) % 64u) * 6272u + (((select(0u, (o2) - 802816u, (o2) >= 802816u)) / 896u) % 7u) * 7u + (((select(0u, (o2) - 802816u, (o2) >= 802816u)) / 128u) % 7u) * 1u + ((select(0u, (o2) - 802816u, (o2) >= 802816u)) % 128u) * 49u))] * v18;
    let v20 = temp[t_penalty_reshape + (((((select(0u, (o2) - 802816u, (o2) >= 802816u)) / 6272u) % 64u) * 6272u + (((select(0u, (o2) - 802816u, (o2) >= 802816u)) / 896u) % 7u) * 7u + (((select(0u, (o2) - 802816u, (o2) >= 802816u)) / 128u) % 7u) * 1u + ((select(0u, (o2) - 802816u, (o2) >= 802816u)) % 128u) * 49u))] * v17;
    let v21 = v20 * 0.200000003;
    let v22 = v19 + v21;
    let v23 = select(v22, 0.0, (o2) < 802816u);
    let v24 = temp[t_D_2_conv2d_add + ((((((select(0u, (o3) - 802816u, (o3) >= 802816u)) / 6272u) % 64u) * 6272u + (((select(0u, (o3) - 802816u, (o3) >= 802816u)) / 896u) % 7u) * 7u + (((select(0u, (o3) - 802816u, (o3) >= 802816u)) / 128u) % 7u) * 1u + ((select(0u, (o3) - 802816u, (o3) >= 802816u)) % 128u) * 49u)) + 802816u)] * 0.200000003;
    let v25 = select(0.0, 1.0, temp[t_D_2_conv2d_add + ((((((select(0u, (o3) - 802816u, (o3) >= 802816u)) / 6272u) % 64u) * 6272u + (((select(0u, (o3) - 802816u, (o3) >= 802816u)) / 896u) % 7u) * 7u + (((select(0u, (o3) - 802816u, (o3) >= 802816u)) / 128u) % 7u) * 1u + ((select(0u, (o3) - 802816u, (o3) >= 802816u)) % 128u) * 49u)) + 802816u)] < v24);
    let v26 = 1.0 - v25;
    let v27 = temp[t_penalty_reshape + (((((select(0u, (o3) - 802816u, (o3) >= 802816u)) / 6272u) % 64u) * 6272u + (((select(0u, (o3) - 802816u, (o3) >= 802816u)) / 896u) % 7u) * 7u + (((select(0u, (o3) - 802816u, (o3) >= 802816u)) / 128u) % 7u) * 1u + ((select(0u, (o3) - 802816u, (o3) >= 802816u)) % 128u) * 49u))] * v26;
    let v28 = temp[t_penalty_reshape + (((((select(0u, (o3) - 802816u, (o3) >= 802816u)) / 6272u) % 64u) * 6272u + (((select(0u, (o3) - 802816u, (o3) >= 802816u)) / 896u) % 7u) * 7u + (((select(0u, (o3) - 802816u, (o3) >= 802816u)) / 128u) % 7u) * 1u + ((select(0u, (o3) - 802816u, (o3) >= 802816u)) % 128u) * 49u))] * v25;
    let v29 = v28 * 0.200000003;
    let v30 = v27 + v29;
    let v31 = select(v30, 0.0, (o3) < 802816u);
    v = vec4<f32>(v7, v15, v23, v31);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
