// g: pack reshape -> [2304, 256]
// fuses: permute

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_4_0_3_weight = 3025408u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 64u || row >= 2304u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 2304u) {
    let o0 = row * 256u + c4 * 4u + 0u;
    let o1 = row * 256u + c4 * 4u + 1u;
    let o2 = row * 256u + c4 * 4u + 2u;
    let o3 = row * 256u + c4 * 4u + 3u;

    v = vec4<f32>(state[G_4_0_3_weight + ((((o0 / 196608u) % 3u) * 3u + ((o0 / 65536u) % 3u) * 1u + ((o0 / 256u) % 256u) * 9u + (o0 % 256u) * 2304u))], state[G_4_0_3_weight + ((((o1 / 196608u) % 3u) * 3u + ((o1 / 65536u) % 3u) * 1u + ((o1 / 256u) % 256u) * 9u + (o1 % 256u) * 2304u))], state[G_4_0_3_weight + ((((o2 / 196608u) % 3u) * 3u + ((o2 / 65536u) % 3u) * 1u + ((o2 / 256u) % 256u) * 9u + (o2 % 256u) * 2304u))], state[G_4_0_3_weight + ((((o3 / 196608u) % 3u) * 3u + ((o3 / 65536u) % 3u) * 1u + ((o3 / 256u) % 256u) * 9u + (o3 % 256u) * 2304u))]);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
