// joint: pack reshape -> [100, 1200]
// fuses: div, mul, slice x2, cmpeq

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_2_maxout_maxr = 563600u;
const t_D_2_maxout_reshape = 611600u;
const t_reshape_2 = 851600u;
const t_reshape = 1331600u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 300u || row >= 100u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 100u) {
    let o0 = row * 1200u + c4 * 4u + 0u;
    let o1 = row * 1200u + c4 * 4u + 1u;
    let o2 = row * 1200u + c4 * 4u + 2u;
    let o3 = row * 1200u + c4 * 4u + 3u;
    let v0 = select(0.0, 1.0, temp[t_D_2_maxout_reshape + ((o0) + 120000u)] == temp[t_D_2_maxout_maxr + ((((((o0) + 120000u) / 1200u) % 200u) * 240u + ((((o0) + 120000u) / 5u) % 240u) * 1u))]);
    let v1 = v0 * temp[t_reshape + ((((o0 / 1200u) % 100u) * 240u + ((o0 / 5u) % 240u) * 1u))];
    let v2 = v1 / temp[t_reshape_2 + ((((((o0) + 120000u) / 1200u) % 200u) * 240u + ((((o0) + 120000u) / 5u) % 240u) * 1u))];
    let v3 = select(0.0, 1.0, temp[t_D_2_maxout_reshape + ((o1) + 120000u)] == temp[t_D_2_maxout_maxr + ((((((o1) + 120000u) / 1200u) % 200u) * 240u + ((((o1) + 120000u) / 5u) % 240u) * 1u))]);
    let v4 = v3 * temp[t_reshape + ((((o1 / 1200u) % 100u) * 240u + ((o1 / 5u) % 240u) * 1u))];
    let v5 = v4 / temp[t_reshape_2 + ((((((o1) + 120000u) / 1200u) % 200u) * 240u + ((((o1) + 120000u) / 5u) % 240u) * 1u))];
    let v6 = select(0.0, 1.0, temp[t_D_2_maxout_reshape + ((o2) + 120000u)] == temp[t_D_2_maxout_maxr + ((((((o2) + 120000u) / 1200u) % 200u) * 240u + ((((o2) + 120000u) / 5u) % 240u) * 1u))]);
    let v7 = v6 * temp[t_reshape + ((((o2 / 1200u) % 100u) * 240u + ((o2 / 5u) % 240u) * 1u))];
    let v8 = v7 / temp[t_reshape_2 + ((((((o2) + 120000u) / 1200u) % 200u) * 240u + ((((o2) + 120000u) / 5u) % 240u) * 1u))];
    let v9 = select(0.0, 1.0, temp[t_D_2_maxout_reshape + ((o3) + 120000u)] == temp[t_D_2_maxout_maxr + ((((((o3) + 120000u) / 1200u) % 200u) * 240u + ((((o3) + 120000u) / 5u) % 240u) * 1u))]);
    let v10 = v9 * temp[t_reshape + ((((o3 / 1200u) % 100u) * 240u + ((o3 / 5u) % 240u) * 1u))];
    let v11 = v10 / temp[t_reshape_2 + ((((((o3) + 120000u) / 1200u) % 200u) * 240u + ((((o3) + 120000u) / 5u) % 240u) * 1u))];
    v = vec4<f32>(v2, v5, v8, v11);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
