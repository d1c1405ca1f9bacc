// d0: pack reshape -> [512, 1024]
// fuses: permute, max, add, mul x2, sub; spec lines 23, 24

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_2_gamma = 413696u;
const G_2_beta = 413952u;
const t_G_2_batchnorm_reshape = 6161152u;
const t_G_2_batchnorm_reshape_2 = 6161408u;
const t_G_1_reshape = 6173952u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 256u || row >= 512u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 512u) {
    let o0 = row * 1024u + c4 * 4u + 0u;
    let o1 = row * 1024u + c4 * 4u + 1u;
    let o2 = row * 1024u + c4 * 4u + 2u;
    let o3 = row * 1024u + c4 * 4u + 3u;
    let v0 = temp[t_G_1_reshape + ((((o0 / 4096u) % 128u) * 4096u + ((o0 / 1024u) % 4u) * 4u + ((o0 / 256u) % 4u) * 1u + (o0 % 256u) * 16u))] - temp[t_G_2_batchnorm_reshape + ((((((((o0 / 4096u) % 128u) * 4096u + ((o0 / 1024u) % 4u) * 4u + ((o0 / 256u) % 4u) * 1u + (o0 % 256u) * 16u)) / 16u) % 256u) * 1u))];
    let v1 = v0 * temp[t_G_2_batchnorm_reshape_2 + ((((((((o0 / 4096u) % 128u) * 4096u + ((o0 / 1024u) % 4u) * 4u + ((o0 / 256u) % 4u) * 1u + (o0 % 256u) * 16u)) / 16u) % 256u) * 1u))];
    let v2 = v1 * state[G_2_gamma + ((((((((o0 / 4096u) % 128u) * 4096u + ((o0 / 1024u) % 4u) * 4u + ((o0 / 256u) % 4u) * 1u + (o0 % 256u) * 16u)) / 16u) % 256u) * 1u))];
    let v3 = v2 + state[G_2_beta + ((((((((o0 / 4096u) % 128u) * 4096u + ((o0 / 1024u) % 4u) * 4u + ((o0 / 256u) % 4u) * 1u + (o0 % 256u) * 16u)) / 16u) % 256u) * 1u))];
    let v4 = max(v3, 0.0);
    let v5 = temp[t_G_1_reshape + ((((o1 / 4096u) % 128u) * 4096u + ((o1 / 1024u) % 4u) * 4u + ((o1 / 256u) % 4u) * 1u + (o1 % 256u) * 16u))] - temp[t_G_2_batchnorm_reshape + ((((((((o1 / 4096u) % 128u) * 4096u + ((o1 / 1024u) % 4u) * 4u + ((o1 / 256u) % 4u) * 1u + (o1 % 256u) * 16u)) / 16u) % 256u) * 1u))];
    let v6 = v5 * temp[t_G_2_batchnorm_reshape_2 + ((((((((o1 / 4096u) % 128u) * 4096u + ((o1 / 1024u) % 4u) * 4u + ((o1 / 256u) % 4u) * 1u + (o1 % 256u) * 16u)) / 16u) % 256u) * 1u))];
    let v7 = v6 * state[G_2_gamma + ((((((((o1 / 4096u) % 128u) * 4096u + ((o1 / 1024u) % 4u) * 4u + ((o1 / 256u) % 4u) * 1u + (o1 % 256u) * 16u)) / 16u) % 256u) * 1u))];
    let v8 = v7 + state[G_2_beta + ((((((((o1 / 4096u) % 128u) * 4096u + ((o1 / 1024u) % 4u) * 4u + ((o1 / 256u) % 4u) * 1u + (o1 % 256u) * 16u)) / 16u) % 256u) * 1u))];
    let v9 = max(v8, 0.0);
    let v10 = temp[t_G_1_reshape + ((((o2 / 4096u) % 128u) * 4096u + ((o2 / 1024u) % 4u) * 4u + ((o2 / 256u) % 4u) * 1u + (o2 % 256u) * 16u))] - temp[t_G_2_batchnorm_reshape + ((((((((o2 / 4096u) % 128u) * 4096u + ((o2 / 1024u) % 4u) * 4u + ((o2 / 256u) % 4u) * 1u + (o2 % 256u) * 16u)) / 16u) % 256u) * 1u))];
    let v11 = v10 * temp[t_G_2_batchnorm_reshape_2 + ((((((((o2 / 4096u) % 128u) * 4096u + ((o2 / 1024u) % 4u) * 4u + ((o2 / 256u) % 4u) * 1u + (o2 % 256u) * 16u)) / 16u) % 256u) * 1u))];
    let v12 = v11 * state[G_2_gamma + ((((((((o2 / 4096u) % 128u) * 4096u + ((o2 / 1024u) % 4u) * 4u + ((o2 / 256u) % 4u) * 1u + (o2 % 256u) * 16u)) / 16u) % 256u) * 1u))];
    let v13 = v12 + state[G_2_beta + ((((((((o2 / 4096u) % 128u) * 4096u + ((o2 / 1024u) % 4u) * 4u + ((o2 / 256u) % 4u) * 1u + (o2 % 256u) * 16u)) / 16u) % 256u) * 1u))];
    let v14 = max(v13, 0.0);
    let v15 = temp[t_G_1_reshape + ((((o3 / 4096u) % 128u) * 4096u + ((o3 / 1024u) % 4u) * 4u + ((o3 / 256u) % 4u) * 1u + (o3 % 256u) * 16u))] - temp[t_G_2_batchnorm_reshape + ((((((((o3 / 4096u) % 128u) * 4096u + ((o3 / 1024u) % 4u) * 4u + ((o3 / 256u) % 4u) * 1u + (o3 % 256u) * 16u)) / 16u) % 256u) * 1u))];
    let v16 = v15 * temp[t_G_2_batchnorm_reshape_2 + ((((((((o3 / 4096u) % 128u) * 4096u + ((o3 / 1024u) % 4u) * 4u + ((o3 / 256u) % 4u) * 1u + (o3 % 256u) * 16u)) / 16u) % 256u) * 1u))];
    let v17 = v16 * state[G_2_gamma + ((((((((o3 / 4096u) % 128u) * 4096u + ((o3 / 1024u) % 4u) * 4u + ((o3 / 256u) % 4u) * 1u + (o3 % 256u) * 16u)) / 16u) % 256u) * 1u))];
    let v18 = v17 + state[G_2_beta + ((((((((o3 / 4096u) % 128u) * 4096u + ((o3 / 1024u) % 4u) * 4u + ((o3 / 256u) % 4u) * 1u + (o3 % 256u) * 16u)) / 16u) % 256u) * 1u))];
    let v19 = max(v18, 0.0);
    v = vec4<f32>(v4, v9, v14, v19);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
