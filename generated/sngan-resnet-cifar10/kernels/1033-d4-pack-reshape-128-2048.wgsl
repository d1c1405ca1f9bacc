// d4: pack reshape -> [128, 2048]
// fuses: permute, max, add, mul x2, sub; spec lines 32, 33

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_2_0_4_gamma = 1119488u;
const G_2_0_4_beta = 1119744u;
const t_G_2_0_4_batchnorm_reshape = 58836u;
const t_G_2_0_4_batchnorm_reshape_2 = 59092u;
const t_G_2_0_3_conv2d_add = 388564u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 512u || row >= 128u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 128u) {
    let o0 = row * 2048u + c4 * 4u + 0u;
    let o1 = row * 2048u + c4 * 4u + 1u;
    let o2 = row * 2048u + c4 * 4u + 2u;
    let o3 = row * 2048u + c4 * 4u + 3u;
    let v0 = temp[t_G_2_0_3_conv2d_add + ((((o0 / 16384u) % 16u) * 16384u + ((o0 / 2048u) % 8u) * 8u + ((o0 / 256u) % 8u) * 1u + (o0 % 256u) * 64u))] - temp[t_G_2_0_4_batchnorm_reshape + ((((((((o0 / 16384u) % 16u) * 16384u + ((o0 / 2048u) % 8u) * 8u + ((o0 / 256u) % 8u) * 1u + (o0 % 256u) * 64u)) / 64u) % 256u) * 1u))];
    let v1 = v0 * temp[t_G_2_0_4_batchnorm_reshape_2 + ((((((((o0 / 16384u) % 16u) * 16384u + ((o0 / 2048u) % 8u) * 8u + ((o0 / 256u) % 8u) * 1u + (o0 % 256u) * 64u)) / 64u) % 256u) * 1u))];
    let v2 = v1 * state[G_2_0_4_gamma + ((((((((o0 / 16384u) % 16u) * 16384u + ((o0 / 2048u) % 8u) * 8u + ((o0 / 256u) % 8u) * 1u + (o0 % 256u) * 64u)) / 64u) % 256u) * 1u))];
    let v3 = v2 + state[G_2_0_4_beta + ((((((((o0 / 16384u) % 16u) * 16384u + ((o0 / 2048u) % 8u) * 8u + ((o0 / 256u) % 8u) * 1u + (o0 % 256u) * 64u)) / 64u) % 256u) * 1u))];
    let v4 = max(v3, 0.0);
    let v5 = temp[t_G_2_0_3_conv2d_add + ((((o1 / 16384u) % 16u) * 16384u + ((o1 / 2048u) % 8u) * 8u + ((o1 / 256u) % 8u) * 1u + (o1 % 256u) * 64u))] - temp[t_G_2_0_4_batchnorm_reshape + ((((((((o1 / 16384u) % 16u) * 16384u + ((o1 / 2048u) % 8u) * 8u + ((o1 / 256u) % 8u) * 1u + (o1 % 256u) * 64u)) / 64u) % 256u) * 1u))];
    let v6 = v5 * temp[t_G_2_0_4_batchnorm_reshape_2 + ((((((((o1 / 16384u) % 16u) * 16384u + ((o1 / 2048u) % 8u) * 8u + ((o1 / 256u) % 8u) * 1u + (o1 % 256u) * 64u)) / 64u) % 256u) * 1u))];
    let v7 = v6 * state[G_2_0_4_gamma + ((((((((o1 / 16384u) % 16u) * 16384u + ((o1 / 2048u) % 8u) * 8u + ((o1 / 256u) % 8u) * 1u + (o1 % 256u) * 64u)) / 64u) % 256u) * 1u))];
    let v8 = v7 + state[G_2_0_4_beta + ((((((((o1 / 16384u) % 16u) * 16384u + ((o1 / 2048u) % 8u) * 8u + ((o1 / 256u) % 8u) * 1u + (o1 % 256u) * 64u)) / 64u) % 256u) * 1u))];
    let v9 = max(v8, 0.0);
    let v10 = temp[t_G_2_0_3_conv2d_add + ((((o2 / 16384u) % 16u) * 16384u + ((o2 / 2048u) % 8u) * 8u + ((o2 / 256u) % 8u) * 1u + (o2 % 256u) * 64u))] - temp[t_G_2_0_4_batchnorm_reshape + ((((((((o2 / 16384u) % 16u) * 16384u + ((o2 / 2048u) % 8u) * 8u + ((o2 / 256u) % 8u) * 1u + (o2 % 256u) * 64u)) / 64u) % 256u) * 1u))];
    let v11 = v10 * temp[t_G_2_0_4_batchnorm_reshape_2 + ((((((((o2 / 16384u) % 16u) * 16384u + ((o2 / 2048u) % 8u) * 8u + ((o2 / 256u) % 8u) * 1u + (o2 % 256u) * 64u)) / 64u) % 256u) * 1u))];
    let v12 = v11 * state[G_2_0_4_gamma + ((((((((o2 / 16384u) % 16u) * 16384u + ((o2 / 2048u) % 8u) * 8u + ((o2 / 256u) % 8u) * 1u + (o2 % 256u) * 64u)) / 64u) % 256u) * 1u))];
    let v13 = v12 + state[G_2_0_4_beta + ((((((((o2 / 16384u) % 16u) * 16384u + ((o2 / 2048u) % 8u) * 8u + ((o2 / 256u) % 8u) * 1u + (o2 % 256u) * 64u)) / 64u) % 256u) * 1u))];
    let v14 = max(v13, 0.0);
    let v15 = temp[t_G_2_0_3_conv2d_add + ((((o3 / 16384u) % 16u) * 16384u + ((o3 / 2048u) % 8u) * 8u + ((o3 / 256u) % 8u) * 1u + (o3 % 256u) * 64u))] - temp[t_G_2_0_4_batchnorm_reshape + ((((((((o3 / 16384u) % 16u) * 16384u + ((o3 / 2048u) % 8u) * 8u + ((o3 / 256u) % 8u) * 1u + (o3 % 256u) * 64u)) / 64u) % 256u) * 1u))];
    let v16 = v15 * temp[t_G_2_0_4_batchnorm_reshape_2 + ((((((((o3 / 16384u) % 16u) * 16384u + ((o3 / 2048u) % 8u) * 8u + ((o3 / 256u) % 8u) * 1u + (o3 % 256u) * 64u)) / 64u) % 256u) * 1u))];
    let v17 = v16 * state[G_2_0_4_gamma + ((((((((o3 / 16384u) % 16u) * 16384u + ((o3 / 2048u) % 8u) * 8u + ((o3 / 256u) % 8u) * 1u + (o3 % 256u) * 64u)) / 64u) % 256u) * 1u))];
    let v18 = v17 + state[G_2_0_4_beta + ((((((((o3 / 16384u) % 16u) * 16384u + ((o3 / 2048u) % 8u) * 8u + ((o3 / 256u) % 8u) * 1u + (o3 % 256u) * 64u)) / 64u) % 256u) * 1u))];
    let v19 = max(v18, 0.0);
    v = vec4<f32>(v4, v9, v14, v19);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
