// joint: pack mul -> [200, 784] (D.1 dropout (line 38))
// fuses: mul x2, concat, cmplt; spec line 38

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_real_0 = 0u;
const t_G_5_sigmoid = 328400u;
const t_D_1_dropout_random = 406800u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 196u || row >= 200u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 200u) {
    let o0 = row * 784u + c4 * 4u + 0u;
    let o1 = row * 784u + c4 * 4u + 1u;
    let o2 = row * 784u + c4 * 4u + 2u;
    let o3 = row * 784u + c4 * 4u + 3u;
    let v0 = select(temp[t_G_5_sigmoid + (select(0u, (o0) - 78400u, (o0) >= 78400u))], temp[t_real_0 + (min(o0, 78399u))], (o0) < 78400u);
    let v1 = select(0.0, 1.0, temp[t_D_1_dropout_random + (o0)] < 0.800000012);
    let v2 = v1 * 1.25000000;
    let v3 = v0 * v2;
    let v4 = select(temp[t_G_5_sigmoid + (select(0u, (o1) - 78400u, (o1) >= 78400u))], temp[t_real_0 + (min(o1, 78399u))], (o1) < 78400u);
    let v5 = select(0.0, 1.0, temp[t_D_1_dropout_random + (o1)] < 0.800000012);
    let v6 = v5 * 1.25000000;
    let v7 = v4 * v6;
    let v8 = select(temp[t_G_5_sigmoid + (select(0u, (o2) - 78400u, (o2) >= 78400u))], temp[t_real_0 + (min(o2, 78399u))], (o2) < 78400u);
    let v9 = select(0.0, 1.0, temp[t_D_1_dropout_random + (o2)] < 0.800000012);
    let v10 = v9 * 1.25000000;
    let v11 = v8 * v10;
    let v12 = select(temp[t_G_5_sigmoid + (select(0u, (o3) - 78400u, (o3) >= 78400u))], temp[t_real_0 + (min(o3, 78399u))], (o3) < 78400u);
    let v13 = select(0.0, 1.0, temp[t_D_1_dropout_random + (o3)] < 0.800000012);
    let v14 = v13 * 1.25000000;
    let v15 = v12 * v14;
    v = vec4<f32>(v3, v7, v11, v15);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
