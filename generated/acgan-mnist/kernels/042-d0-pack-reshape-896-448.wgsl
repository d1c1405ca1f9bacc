// d0: pack reshape -> [896, 448]
// fuses: permute, max, add, mul x2, sub; spec lines 30, 31

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_7_gamma = 381252u;
const G_7_beta = 381284u;
const t_G_7_batchnorm_reshape = 50304u;
const t_G_7_batchnorm_reshape_2 = 50336u;
const t_G_6_conv2d_transpose_add = 258048u;

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
    let v0 = temp[t_G_6_conv2d_transpose_add + ((((o0 / 6272u) % 64u) * 6272u + ((o0 / 448u) % 14u) * 14u + ((o0 / 32u) % 14u) * 1u + (o0 % 32u) * 196u))] - temp[t_G_7_batchnorm_reshape + ((((((((o0 / 6272u) % 64u) * 6272u + ((o0 / 448u) % 14u) * 14u + ((o0 / 32u) % 14u) * 1u + (o0 % 32u) * 196u)) / 196u) % 32u) * 1u))];
    let v1 = v0 * temp[t_G_7_batchnorm_reshape_2 + ((((((((o0 / 6272u) % 64u) * 6272u + ((o0 / 448u) % 14u) * 14u + ((o0 / 32u) % 14u) * 1u + (o0 % 32u) * 196u)) / 196u) % 32u) * 1u))];
    let v2 = v1 * state[G_7_gamma + ((((((((o0 / 6272u) % 64u) * 6272u + ((o0 / 448u) % 14u) * 14u + ((o0 / 32u) % 14u) * 1u + (o0 % 32u) * 196u)) / 196u) % 32u) * 1u))];
    let v3 = v2 + state[G_7_beta + ((((((((o0 / 6272u) % 64u) * 6272u + ((o0 / 448u) % 14u) * 14u + ((o0 / 32u) % 14u) * 1u + (o0 % 32u) * 196u)) / 196u) % 32u) * 1u))];
    let v4 = max(v3, 0.0);
    let v5 = temp[t_G_6_conv2d_transpose_add + ((((o1 / 6272u) % 64u) * 6272u + ((o1 / 448u) % 14u) * 14u + ((o1 / 32u) % 14u) * 1u + (o1 % 32u) * 196u))] - temp[t_G_7_batchnorm_reshape + ((((((((o1 / 6272u) % 64u) * 6272u + ((o1 / 448u) % 14u) * 14u + ((o1 / 32u) % 14u) * 1u + (o1 % 32u) * 196u)) / 196u) % 32u) * 1u))];
    let v6 = v5 * temp[t_G_7_batchnorm_reshape_2 + ((((((((o1 / 6272u) % 64u) * 6272u + ((o1 / 448u) % 14u) * 14u + ((o1 / 32u) % 14u) * 1u + (o1 % 32u) * 196u)) / 196u) % 32u) * 1u))];
    let v7 = v6 * state[G_7_gamma + ((((((((o1 / 6272u) % 64u) * 6272u + ((o1 / 448u) % 14u) * 14u + ((o1 / 32u) % 14u) * 1u + (o1 % 32u) * 196u)) / 196u) % 32u) * 1u))];
    let v8 = v7 + state[G_7_beta + ((((((((o1 / 6272u) % 64u) * 6272u + ((o1 / 448u) % 14u) * 14u + ((o1 / 32u) % 14u) * 1u + (o1 % 32u) * 196u)) / 196u) % 32u) * 1u))];
    let v9 = max(v8, 0.0);
    let v10 = temp[t_G_6_conv2d_transpose_add + ((((o2 / 6272u) % 64u) * 6272u + ((o2 / 448u) % 14u) * 14u + ((o2 / 32u) % 14u) * 1u + (o2 % 32u) * 196u))] - temp[t_G_7_batchnorm_reshape + ((((((((o2 / 6272u) % 64u) * 6272u + ((o2 / 448u) % 14u) * 14u + ((o2 / 32u) % 14u) * 1u + (o2 % 32u) * 196u)) / 196u) % 32u) * 1u))];
    let v11 = v10 * temp[t_G_7_batchnorm_reshape_2 + ((((((((o2 / 6272u) % 64u) * 6272u + ((o2 / 448u) % 14u) * 14u + ((o2 / 32u) % 14u) * 1u + (o2 % 32u) * 196u)) / 196u) % 32u) * 1u))];
    let v12 = v11 * state[G_7_gamma + ((((((((o2 / 6272u) % 64u) * 6272u + ((o2 / 448u) % 14u) * 14u + ((o2 / 32u) % 14u) * 1u + (o2 % 32u) * 196u)) / 196u) % 32u) * 1u))];
    let v13 = v12 + state[G_7_beta + ((((((((o2 / 6272u) % 64u) * 6272u + ((o2 / 448u) % 14u) * 14u + ((o2 / 32u) % 14u) * 1u + (o2 % 32u) * 196u)) / 196u) % 32u) * 1u))];
    let v14 = max(v13, 0.0);
    let v15 = temp[t_G_6_conv2d_transpose_add + ((((o3 / 6272u) % 64u) * 6272u + ((o3 / 448u) % 14u) * 14u + ((o3 / 32u) % 14u) * 1u + (o3 % 32u) * 196u))] - temp[t_G_7_batchnorm_reshape + ((((((((o3 / 6272u) % 64u) * 6272u + ((o3 / 448u) % 14u) * 14u + ((o3 / 32u) % 14u) * 1u + (o3 % 32u) * 196u)) / 196u) % 32u) * 1u))];
    let v16 = v15 * temp[t_G_7_batchnorm_reshape_2 + ((((((((o3 / 6272u) % 64u) * 6272u + ((o3 / 448u) % 14u) * 14u + ((o3 / 32u) % 14u) * 1u + (o3 % 32u) * 196u)) / 196u) % 32u) * 1u))];
    let v17 = v16 * state[G_7_gamma + ((((((((o3 / 6272u) % 64u) * 6272u + ((o3 / 448u) % 14u) * 14u + ((o3 / 32u) % 14u) * 1u + (o3 % 32u) * 196u)) / 196u) % 32u) * 1u))];
    let v18 = v17 + state[G_7_beta + ((((((((o3 / 6272u) % 64u) * 6272u + ((o3 / 448u) % 14u) * 14u + ((o3 / 32u) % 14u) * 1u + (o3 % 32u) * 196u)) / 196u) % 32u) * 1u))];
    let v19 = max(v18, 0.0);
    v = vec4<f32>(v4, v9, v14, v19);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
