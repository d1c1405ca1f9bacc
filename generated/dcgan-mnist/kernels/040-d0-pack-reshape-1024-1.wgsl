// d0: pack reshape -> [1024, 1]
// fuses: permute

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_7_weight = 765376u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 1u || row >= 1024u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 1024u && c4 * 4u + 0u < 1u) {
    let o0 = row * 1u + c4 * 4u + 0u;

    v[0] = state[G_7_weight + ((((o0 / 256u) % 4u) * 4u + ((o0 / 64u) % 4u) * 1u + (o0 % 64u) * 16u + 0u * 16u))];
  }
  if (row < 1024u && c4 * 4u + 1u < 1u) {
    let o1 = row * 1u + c4 * 4u + 1u;

    v[1] = state[G_7_weight + ((((o1 / 256u) % 4u) * 4u + ((o1 / 64u) % 4u) * 1u + (o1 % 64u) * 16u + 0u * 16u))];
  }
  if (row < 1024u && c4 * 4u + 2u < 1u) {
    let o2 = row * 1u + c4 * 4u + 2u;

    v[2] = state[G_7_weight + ((((o2 / 256u) % 4u) * 4u + ((o2 / 64u) % 4u) * 1u + (o2 % 64u) * 16u + 0u * 16u))];
  }
  if (row < 1024u && c4 * 4u + 3u < 1u) {
    let o3 = row * 1u + c4 * 4u + 3u;

    v[3] = state[G_7_weight + ((((o3 / 256u) % 4u) * 4u + ((o3 / 64u) % 4u) * 1u + (o3 % 64u) * 16u + 0u * 16u))];
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
