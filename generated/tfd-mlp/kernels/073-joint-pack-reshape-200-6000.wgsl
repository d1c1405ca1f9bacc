// joint: pack reshape -> [200, 6000]
// fuses: div, mul, cmpeq

@group(0) @binding(0) var<storage, read_write> temp: array<f32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_reshape = 24u;
const t_D_4_maxout_maxr = 4220816u;
const t_D_4_maxout_reshape = 4460816u;
const t_reshape_2 = 5660816u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 1500u || row >= 200u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 200u) {
    let o0 = row * 6000u + c4 * 4u + 0u;
    let o1 = row * 6000u + c4 * 4u + 1u;
    let o2 = row * 6000u + c4 * 4u + 2u;
    let o3 = row * 6000u + c4 * 4u + 3u;
    let v0 = select(0.0, 1.0, temp[t_D_4_maxout_reshape + (o0)] == temp[t_D_4_maxout_maxr + ((((o0 / 6000u) % 200u) * 1200u + ((o0 / 5u) % 1200u) * 1u))]);
    let v1 = v0 * temp[t_reshape + ((((o0 / 6000u) % 200u) * 1200u + ((o0 / 5u) % 1200u) * 1u))];
    let v2 = v1 / temp[t_reshape_2 + ((((o0 / 6000u) % 200u) * 1200u + ((o0 / 5u) % 1200u) * 1u))];
    let v3 = select(0.0, 1.0, temp[t_D_4_maxout_reshape + (o1)] == temp[t_D_4_maxout_maxr + ((((o1 / 6000u) % 200u) * 1200u + ((o1 / 5u) % 1200u) * 1u))]);
    let v4 = v3 * temp[t_reshape + ((((o1 / 6000u) % 200u) * 1200u + ((o1 / 5u) % 1200u) * 1u))];
    let v5 = v4 / temp[t_reshape_2 + ((((o1 / 6000u) % 200u) * 1200u + ((o1 / 5u) % 1200u) * 1u))];
    let v6 = select(0.0, 1.0, temp[t_D_4_maxout_reshape + (o2)] == temp[t_D_4_maxout_maxr + ((((o2 / 6000u) % 200u) * 1200u + ((o2 / 5u) % 1200u) * 1u))]);
    let v7 = v6 * temp[t_reshape + ((((o2 / 6000u) % 200u) * 1200u + ((o2 / 5u) % 1200u) * 1u))];
    let v8 = v7 / temp[t_reshape_2 + ((((o2 / 6000u) % 200u) * 1200u + ((o2 / 5u) % 1200u) * 1u))];
    let v9 = select(0.0, 1.0, temp[t_D_4_maxout_reshape + (o3)] == temp[t_D_4_maxout_maxr + ((((o3 / 6000u) % 200u) * 1200u + ((o3 / 5u) % 1200u) * 1u))]);
    let v10 = v9 * temp[t_reshape + ((((o3 / 6000u) % 200u) * 1200u + ((o3 / 5u) % 1200u) * 1u))];
    let v11 = v10 / temp[t_reshape_2 + ((((o3 / 6000u) % 200u) * 1200u + ((o3 / 5u) % 1200u) * 1u))];
    v = vec4<f32>(v2, v5, v8, v11);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
