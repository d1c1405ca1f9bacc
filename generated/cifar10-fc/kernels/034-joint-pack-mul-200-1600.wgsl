// joint: pack mul -> [200, 1600] (D.3 dropout (line 36))
// fuses: mul x2, cmplt; spec line 36

@group(0) @binding(0) var<storage, read_write> temp: array<f32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_2_maxout_maxr = 16u;
const t_D_3_dropout_random = 2240016u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 400u || row >= 200u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 200u) {
    let o0 = row * 1600u + c4 * 4u + 0u;
    let o1 = row * 1600u + c4 * 4u + 1u;
    let o2 = row * 1600u + c4 * 4u + 2u;
    let o3 = row * 1600u + c4 * 4u + 3u;
    let v0 = select(0.0, 1.0, temp[t_D_3_dropout_random + (o0)] < 0.500000000);
    let v1 = v0 * 2.0;
    let v2 = temp[t_D_2_maxout_maxr + (o0)] * v1;
    let v3 = select(0.0, 1.0, temp[t_D_3_dropout_random + (o1)] < 0.500000000);
    let v4 = v3 * 2.0;
    let v5 = temp[t_D_2_maxout_maxr + (o1)] * v4;
    let v6 = select(0.0, 1.0, temp[t_D_3_dropout_random + (o2)] < 0.500000000);
    let v7 = v6 * 2.0;
    let v8 = temp[t_D_2_maxout_maxr + (o2)] * v7;
    let v9 = select(0.0, 1.0, temp[t_D_3_dropout_random + (o3)] < 0.500000000);
    let v10 = v9 * 2.0;
    let v11 = temp[t_D_2_maxout_maxr + (o3)] * v10;
    v = vec4<f32>(v2, v5, v8, v11);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
