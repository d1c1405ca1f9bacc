// d0: pack reshape -> [896, 896]
// fuses: permute, max, add, mul x2, sub; spec lines 25, 26

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_5_gamma = 765120u;
const G_5_beta = 765184u;
const t_G_5_batchnorm_reshape = 50368u;
const t_G_5_batchnorm_reshape_2 = 50432u;
const t_G_4_conv2d_transpose_add = 458176u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 224u || row >= 896u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 896u) {
    let o0 = row * 896u + c4 * 4u + 0u;
    let o1 = row * 896u + c4 * 4u + 1u;
    let o2 = row * 896u + c4 * 4u + 2u;
    let o3 = row * 896u + c4 * 4u + 3u;
    let v0 = temp[t_G_4_conv2d_transpose_add + ((((o0 / 12544u) % 64u) * 12544u + ((o0 / 896u) % 14u) * 14u + ((o0 / 64u) % 14u) * 1u + (o0 % 64u) * 196u))] - temp[t_G_5_batchnorm_reshape + ((((((((o0 / 12544u) % 64u) * 12544u + ((o0 / 896u) % 14u) * 14u + ((o0 / 64u) % 14u) * 1u + (o0 % 64u) * 196u)) / 196u) % 64u) * 1u))];
    let v1 = v0 * temp[t_G_5_batchnorm_reshape_2 + ((((((((o0 / 12544u) % 64u) * 12544u + ((o0 / 896u) % 14u) * 14u + ((o0 / 64u) % 14u) * 1u + (o0 % 64u) * 196u)) / 196u) % 64u) * 1u))];
    let v2 = v1 * state[G_5_gamma + ((((((((o0 / 12544u) % 64u) * 12544u + ((o0 / 896u) % 14u) * 14u + ((o0 / 64u) % 14u) * 1u + (o0 % 64u) * 196u)) / 196u) % 64u) * 1u))];
    let v3 = v2 + state[G_5_beta + ((((((((o0 / 12544u) % 64u) * 12544u + ((o0 / 896u) % 14u) * 14u + ((o0 / 64u) % 14u) * 1u + (o0 % 64u) * 196u)) / 196u) % 64u) * 1u))];
    let v4 = max(v3, 0.0);
    let v5 = temp[t_G_4_conv2d_transpose_add + ((((o1 / 12544u) % 64u) * 12544u + ((o1 / 896u) % 14u) * 14u + ((o1 / 64u) % 14u) * 1u + (o1 % 64u) * 196u))] - temp[t_G_5_batchnorm_reshape + ((((((((o1 / 12544u) % 64u) * 12544u + ((o1 / 896u) % 14u) * 14u + ((o1 / 64u) % 14u) * 1u + (o1 % 64u) * 196u)) / 196u) % 64u) * 1u))];
    let v6 = v5 * temp[t_G_5_batchnorm_reshape_2 + ((((((((o1 / 12544u) % 64u) * 12544u + ((o1 / 896u) % 14u) * 14u + ((o1 / 64u) % 14u) * 1u + (o1 % 64u) * 196u)) / 196u) % 64u) * 1u))];
    let v7 = v6 * state[G_5_gamma + ((((((((o1 / 12544u) % 64u) * 12544u + ((o1 / 896u) % 14u) * 14u + ((o1 / 64u) % 14u) * 1u + (o1 % 64u) * 196u)) / 196u) % 64u) * 1u))];
    let v8 = v7 + state[G_5_beta + ((((((((o1 / 12544u) % 64u) * 12544u + ((o1 / 896u) % 14u) * 14u + ((o1 / 64u) % 14u) * 1u + (o1 % 64u) * 196u)) / 196u) % 64u) * 1u))];
    let v9 = max(v8, 0.0);
    let v10 = temp[t_G_4_conv2d_transpose_add + ((((o2 / 12544u) % 64u) * 12544u + ((o2 / 896u) % 14u) * 14u + ((o2 / 64u) % 14u) * 1u + (o2 % 64u) * 196u))] - temp[t_G_5_batchnorm_reshape + ((((((((o2 / 12544u) % 64u) * 12544u + ((o2 / 896u) % 14u) * 14u + ((o2 / 64u) % 14u) * 1u + (o2 % 64u) * 196u)) / 196u) % 64u) * 1u))];
    let v11 = v10 * temp[t_G_5_batchnorm_reshape_2 + ((((((((o2 / 12544u) % 64u) * 12544u + ((o2 / 896u) % 14u) * 14u + ((o2 / 64u) % 14u) * 1u + (o2 % 64u) * 196u)) / 196u) % 64u) * 1u))];
    let v12 = v11 * state[G_5_gamma + ((((((((o2 / 12544u) % 64u) * 12544u + ((o2 / 896u) % 14u) * 14u + ((o2 / 64u) % 14u) * 1u + (o2 % 64u) * 196u)) / 196u) % 64u) * 1u))];
    let v13 = v12 + state[G_5_beta + ((((((((o2 / 12544u) % 64u) * 12544u + ((o2 / 896u) % 14u) * 14u + ((o2 / 64u) % 14u) * 1u + (o2 % 64u) * 196u)) / 196u) % 64u) * 1u))];
    let v14 = max(v13, 0.0);
    let v15 = temp[t_G_4_conv2d_transpose_add + ((((o3 / 12544u) % 64u) * 12544u + ((o3 / 896u) % 14u) * 14u + ((o3 / 64u) % 14u) * 1u + (o3 % 64u) * 196u))] - temp[t_G_5_batchnorm_reshape + ((((((((o3 / 12544u) % 64u) * 12544u + ((o3 / 896u) % 14u) * 14u + ((o3 / 64u) % 14u) * 1u + (o3 % 64u) * 196u)) / 196u) % 64u) * 1u))];
    let v16 = v15 * temp[t_G_5_batchnorm_reshape_2 + ((((((((o3 / 12544u) % 64u) * 12544u + ((o3 / 896u) % 14u) * 14u + ((o3 / 64u) % 14u) * 1u + (o3 % 64u) * 196u)) / 196u) % 64u) * 1u))];
    let v17 = v16 * state[G_5_gamma + ((((((((o3 / 12544u) % 64u) * 12544u + ((o3 / 896u) % 14u) * 14u + ((o3 / 64u) % 14u) * 1u + (o3 % 64u) * 196u)) / 196u) % 64u) * 1u))];
    let v18 = v17 + state[G_5_beta + ((((((((o3 / 12544u) % 64u) * 12544u + ((o3 / 896u) % 14u) * 14u + ((o3 / 64u) % 14u) * 1u + (o3 % 64u) * 196u)) / 196u) % 64u) * 1u))];
    let v19 = max(v18, 0.0);
    v = vec4<f32>(v4, v9, v14, v19);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
