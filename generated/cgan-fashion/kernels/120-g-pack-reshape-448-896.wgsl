// g: pack reshape -> [448, 896]
// fuses: permute, max, add, mul; spec lines 27, 28

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_G_4_batchnorm_reshape_2 = 64u;
const t_G_4_batchnorm_reshape = 8256u;
const t_G_4_batchnorm_mul = 426048u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 224u || row >= 448u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 448u) {
    let o0 = row * 896u + c4 * 4u + 0u;
    let o1 = row * 896u + c4 * 4u + 1u;
    let o2 = row * 896u + c4 * 4u + 2u;
    let o3 = row * 896u + c4 * 4u + 3u;
    let v0 = temp[t_G_4_batchnorm_mul + ((((o0 / 6272u) % 64u) * 6272u + ((o0 / 896u) % 7u) * 7u + ((o0 / 128u) % 7u) * 1u + (o0 % 128u) * 49u))] * temp[t_G_4_batchnorm_reshape + ((((((((o0 / 6272u) % 64u) * 6272u + ((o0 / 896u) % 7u) * 7u + ((o0 / 128u) % 7u) * 1u + (o0 % 128u) * 49u)) / 6272u) % 64u) * 128u + ((((((o0 / 6272u) % 64u) * 6272u + ((o0 / 896u) % 7u) * 7u + ((o0 / 128u) % 7u) * 1u + (o0 % 128u) * 49u)) / 49u) % 128u) * 1u))];
    let v1 = v0 + temp[t_G_4_batchnorm_reshape_2 + ((((((((o0 / 6272u) % 64u) * 6272u + ((o0 / 896u) % 7u) * 7u + ((o0 / 128u) % 7u) * 1u + (o0 % 128u) * 49u)) / 6272u) % 64u) * 128u + ((((((o0 / 6272u) % 64u) * 6272u + ((o0 / 896u) % 7u) * 7u + ((o0 / 128u) % 7u) * 1u + (o0 % 128u) * 49u)) / 49u) % 128u) * 1u))];
    let v2 = max(v1, 0.0);
    let v3 = temp[t_G_4_batchnorm_mul + ((((o1 / 6272u) % 64u) * 6272u + ((o1 / 896u) % 7u) * 7u + ((o1 / 128u) % 7u) * 1u + (o1 % 128u) * 49u))] * temp[t_G_4_batchnorm_reshape + ((((((((o1 / 6272u) % 64u) * 6272u + ((o1 / 896u) % 7u) * 7u + ((o1 / 128u) % 7u) * 1u + (o1 % 128u) * 49u)) / 6272u) % 64u) * 128u + ((((((o1 / 6272u) % 64u) * 6272u + ((o1 / 896u) % 7u) * 7u + ((o1 / 128u) % 7u) * 1u + (o1 % 128u) * 49u)) / 49u) % 128u) * 1u))];
    let v4 = v3 + temp[t_G_4_batchnorm_reshape_2 + ((((((((o1 / 6272u) % 64u) * 6272u + ((o1 / 896u) % 7u) * 7u + ((o1 / 128u) % 7u) * 1u + (o1 % 128u) * 49u)) / 6272u) % 64u) * 128u + ((((((o1 / 6272u) % 64u) * 6272u + ((o1 / 896u) % 7u) * 7u + ((o1 / 128u) % 7u) * 1u + (o1 % 128u) * 49u)) / 49u) % 128u) * 1u))];
    let v5 = max(v4, 0.0);
    let v6 = temp[t_G_4_batchnorm_mul + ((((o2 / 6272u) % 64u) * 6272u + ((o2 / 896u) % 7u) * 7u + ((o2 / 128u) % 7u) * 1u + (o2 % 128u) * 49u))] * temp[t_G_4_batchnorm_reshape + ((((((((o2 / 6272u) % 64u) * 6272u + ((o2 / 896u) % 7u) * 7u + ((o2 / 128u) % 7u) * 1u + (o2 % 128u) * 49u)) / 6272u) % 64u) * 128u + ((((((o2 / 6272u) % 64u) * 6272u + ((o2 / 896u) % 7u) * 7u + ((o2 / 128u) % 7u) * 1u + (o2 % 128u) * 49u)) / 49u) % 128u) * 1u))];
    let v7 = v6 + temp[t_G_4_batchnorm_reshape_2 + ((((((((o2 / 6272u) % 64u) * 6272u + ((o2 / 896u) % 7u) * 7u + ((o2 / 128u) % 7u) * 1u + (o2 % 128u) * 49u)) / 6272u) % 64u) * 128u + ((((((o2 / 6272u) % 64u) * 6272u + ((o2 / 896u) % 7u) * 7u + ((o2 / 128u) % 7u) * 1u + (o2 % 128u) * 49u)) / 49u) % 128u) * 1u))];
    let v8 = max(v7, 0.0);
    let v9 = temp[t_G_4_batchnorm_mul + ((((o3 / 6272u) % 64u) * 6272u + ((o3 / 896u) % 7u) * 7u + ((o3 / 128u) % 7u) * 1u + (o3 % 128u) * 49u))] * temp[t_G_4_batchnorm_reshape + ((((((((o3 / 6272u) % 64u) * 6272u + ((o3 / 896u) % 7u) * 7u + ((o3 / 128u) % 7u) * 1u + (o3 % 128u) * 49u)) / 6272u) % 64u) * 128u + ((((((o3 / 6272u) % 64u) * 6272u + ((o3 / 896u) % 7u) * 7u + ((o3 / 128u) % 7u) * 1u + (o3 % 128u) * 49u)) / 49u) % 128u) * 1u))];
    let v10 = v9 + temp[t_G_4_batchnorm_reshape_2 + ((((((((o3 / 6272u) % 64u) * 6272u + ((o3 / 896u) % 7u) * 7u + ((o3 / 128u) % 7u) * 1u + (o3 % 128u) * 49u)) / 6272u) % 64u) * 128u + ((((((o3 / 6272u) % 64u) * 6272u + ((o3 / 896u) % 7u) * 7u + ((o3 / 128u) % 7u) * 1u + (o3 % 128u) * 49u)) / 49u) % 128u) * 1u))];
    let v11 = max(v10, 0.0);
    v = vec4<f32>(v2, v5, v8, v11);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
