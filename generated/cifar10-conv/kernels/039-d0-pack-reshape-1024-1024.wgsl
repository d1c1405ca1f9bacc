// d0: pack reshape -> [1024, 1024]
// fuses: permute, max, add, mul; spec lines 39, 40

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_3_gamma = 1208452u;
const D_3_beta = 1208580u;
const t_D_3_batchnorm_mul = 3539200u;
const t_D_4_leaky_relu_mul = 4587776u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 256u || row >= 1024u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 1024u) {
    let o0 = row * 1024u + c4 * 4u + 0u;
    let o1 = row * 1024u + c4 * 4u + 1u;
    let o2 = row * 1024u + c4 * 4u + 2u;
    let o3 = row * 1024u + c4 * 4u + 3u;
    let v0 = temp[t_D_3_batchnorm_mul + ((((o0 / 8192u) % 128u) * 8192u + ((o0 / 1024u) % 8u) * 8u + ((o0 / 128u) % 8u) * 1u + (o0 % 128u) * 64u))] * state[D_3_gamma + ((((((((o0 / 8192u) % 128u) * 8192u + ((o0 / 1024u) % 8u) * 8u + ((o0 / 128u) % 8u) * 1u + (o0 % 128u) * 64u)) / 64u) % 128u) * 1u))];
    let v1 = v0 + state[D_3_beta + ((((((((o0 / 8192u) % 128u) * 8192u + ((o0 / 1024u) % 8u) * 8u + ((o0 / 128u) % 8u) * 1u + (o0 % 128u) * 64u)) / 64u) % 128u) * 1u))];
    let v2 = max(v1, temp[t_D_4_leaky_relu_mul + ((((o0 / 8192u) % 128u) * 8192u + ((o0 / 1024u) % 8u) * 8u + ((o0 / 128u) % 8u) * 1u + (o0 % 128u) * 64u))]);
    let v3 = temp[t_D_3_batchnorm_mul + ((((o1 / 8192u) % 128u) * 8192u + ((o1 / 1024u) % 8u) * 8u + ((o1 / 128u) % 8u) * 1u + (o1 % 128u) * 64u))] * state[D_3_gamma + ((((((((o1 / 8192u) % 128u) * 8192u + ((o1 / 1024u) % 8u) * 8u + ((o1 / 128u) % 8u) * 1u + (o1 % 128u) * 64u)) / 64u) % 128u) * 1u))];
    let v4 = v3 + state[D_3_beta + ((((((((o1 / 8192u) % 128u) * 8192u + ((o1 / 1024u) % 8u) * 8u + ((o1 / 128u) % 8u) * 1u + (o1 % 128u) * 64u)) / 64u) % 128u) * 1u))];
    let v5 = max(v4, temp[t_D_4_leaky_relu_mul + ((((o1 / 8192u) % 128u) * 8192u + ((o1 / 1024u) % 8u) * 8u + ((o1 / 128u) % 8u) * 1u + (o1 % 128u) * 64u))]);
    let v6 = temp[t_D_3_batchnorm_mul + ((((o2 / 8192u) % 128u) * 8192u + ((o2 / 1024u) % 8u) * 8u + ((o2 / 128u) % 8u) * 1u + (o2 % 128u) * 64u))] * state[D_3_gamma + ((((((((o2 / 8192u) % 128u) * 8192u + ((o2 / 1024u) % 8u) * 8u + ((o2 / 128u) % 8u) * 1u + (o2 % 128u) * 64u)) / 64u) % 128u) * 1u))];
    let v7 = v6 + state[D_3_beta + ((((((((o2 / 8192u) % 128u) * 8192u + ((o2 / 1024u) % 8u) * 8u + ((o2 / 128u) % 8u) * 1u + (o2 % 128u) * 64u)) / 64u) % 128u) * 1u))];
    let v8 = max(v7, temp[t_D_4_leaky_relu_mul + ((((o2 / 8192u) % 128u) * 8192u + ((o2 / 1024u) % 8u) * 8u + ((o2 / 128u) % 8u) * 1u + (o2 % 128u) * 64u))]);
    let v9 = temp[t_D_3_batchnorm_mul + ((((o3 / 8192u) % 128u) * 8192u + ((o3 / 1024u) % 8u) * 8u + ((o3 / 128u) % 8u) * 1u + (o3 % 128u) * 64u))] * state[D_3_gamma + ((((((((o3 / 8192u) % 128u) * 8192u + ((o3 / 1024u) % 8u) * 8u + ((o3 / 128u) % 8u) * 1u + (o3 % 128u) * 64u)) / 64u) % 128u) * 1u))];
    let v10 = v9 + state[D_3_beta + ((((((((o3 / 8192u) % 128u) * 8192u + ((o3 / 1024u) % 8u) * 8u + ((o3 / 128u) % 8u) * 1u + (o3 % 128u) * 64u)) / 64u) % 128u) * 1u))];
    let v11 = max(v10, temp[t_D_4_leaky_relu_mul + ((((o3 / 8192u) % 128u) * 8192u + ((o3 / 1024u) % 8u) * 8u + ((o3 / 128u) % 8u) * 1u + (o3 % 128u) * 64u))]);
    v = vec4<f32>(v2, v5, v8, v11);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
