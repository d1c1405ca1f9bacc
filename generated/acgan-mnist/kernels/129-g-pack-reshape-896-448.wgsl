// g: pack reshape -> [896, 448]
// fuses: permute, add, mul x4, sub, cmplt; spec line 38

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_0_conv2d_add = 1813440u;
const t_conv2d_t = 2214848u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 112u || row >= 896u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 896u) {
    let o0 = row * 448u + c4 * 4u + 0u;
    let o1 = row * 448u + c4 * 4u + 1u;
    let o2 = row * 448u + c4 * 4u + 2u;
    let o3 = row * 448u + c4 * 4u + 3u;
    let v0 = temp[t_D_0_conv2d_add + ((((o0 / 6272u) % 64u) * 6272u + ((o0 / 448u) % 14u) * 14u + ((o0 / 32u) % 14u) * 1u + (o0 % 32u) * 196u))] * 0.200000003;
    let v1 = select(0.0, 1.0, temp[t_D_0_conv2d_add + ((((o0 / 6272u) % 64u) * 6272u + ((o0 / 448u) % 14u) * 14u + ((o0 / 32u) % 14u) * 1u + (o0 % 32u) * 196u))] < v0);
    let v2 = 1.0 - v1;
    let v3 = temp[t_conv2d_t + ((((o0 / 6272u) % 64u) * 6272u + ((o0 / 448u) % 14u) * 14u + ((o0 / 32u) % 14u) * 1u + (o0 % 32u) * 196u))] * v2;
    let v4 = temp[t_conv2d_t + ((((o0 / 6272u) % 64u) * 6272u + ((o0 / 448u) % 14u) * 14u + ((o0 / 32u) % 14u) * 1u + (o0 % 32u) * 196u))] * v1;
    let v5 = v4 * 0.200000003;
    let v6 = v3 + v5;
    let v7 = temp[t_D_0_conv2d_add + ((((o1 / 6272u) % 64u) * 6272u + ((o1 / 448u) % 14u) * 14u + ((o1 / 32u) % 14u) * 1u + (o1 % 32u) * 196u))] * 0.200000003;
    let v8 = select(0.0, 1.0, temp[t_D_0_conv2d_add + ((((o1 / 6272u) % 64u) * 6272u + ((o1 / 448u) % 14u) * 14u + ((o1 / 32u) % 14u) * 1u + (o1 % 32u) * 196u))] < v7);
    let v9 = 1.0 - v8;
    let v10 = temp[t_conv2d_t + ((((o1 / 6272u) % 64u) * 6272u + ((o1 / 448u) % 14u) * 14u + ((o1 / 32u) % 14u) * 1u + (o1 % 32u) * 196u))] * v9;
    let v11 = temp[t_conv2d_t + ((((o1 / 6272u) % 64u) * 6272u + ((o1 / 448u) % 14u) * 14u + ((o1 / 32u) % 14u) * 1u + (o1 % 32u) * 196u))] * v8;
    let v12 = v11 * 0.200000003;
    let v13 = v10 + v12;
    let v14 = temp[t_D_0_conv2d_add + ((((o2 / 6272u) % 64u) * 6272u + ((o2 / 448u) % 14u) * 14u + ((o2 / 32u) % 14u) * 1u + (o2 % 32u) * 196u))] * 0.200000003;
    let v15 = select(0.0, 1.0, temp[t_D_0_conv2d_add + ((((o2 / 6272u) % 64u) * 6272u + ((o2 / 448u) % 14u) * 14u + ((o2 / 32u) % 14u) * 1u + (o2 % 32u) * 196u))] < v14);
    let v16 = 1.0 - v15;
    let v17 = temp[t_conv2d_t + ((((o2 / 6272u) % 64u) * 6272u + ((o2 / 448u) % 14u) * 14u + ((o2 / 32u) % 14u) * 1u + (o2 % 32u) * 196u))] * v16;
    let v18 = temp[t_conv2d_t + ((((o2 / 6272u) % 64u) * 6272u + ((o2 / 448u) % 14u) * 14u + ((o2 / 32u) % 14u) * 1u + (o2 % 32u) * 196u))] * v15;
    let v19 = v18 * 0.200000003;
    let v20 = v17 + v19;
    let v21 = temp[t_D_0_conv2d_add + ((((o3 / 6272u) % 64u) * 6272u + ((o3 / 448u) % 14u) * 14u + ((o3 / 32u) % 14u) * 1u + (o3 % 32u) * 196u))] * 0.200000003;
    let v22 = select(0.0, 1.0, temp[t_D_0_conv2d_add + ((((o3 / 6272u) % 64u) * 6272u + ((o3 / 448u) % 14u) * 14u + ((o3 / 32u) % 14u) * 1u + (o3 % 32u) * 196u))] < v21);
    let v23 = 1.0 - v22;
    let v24 = temp[t_conv2d_t + ((((o3 / 6272u) % 64u) * 6272u + ((o3 / 448u) % 14u) * 14u + ((o3 / 32u) % 14u) * 1u + (o3 % 32u) * 196u))] * v23;
    let v25 = temp[t_conv2d_t + ((((o3 / 6272u) % 64u) * 6272u + ((o3 / 448u) % 14u) * 14u + ((o3 / 32u) % 14u) * 1u + (o3 % 32u) * 196u))] * v22;
    let v26 = v25 * 0.200000003;
    let v27 = v24 + v26;
    v = vec4<f32>(v6, v13, v20, v27);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
