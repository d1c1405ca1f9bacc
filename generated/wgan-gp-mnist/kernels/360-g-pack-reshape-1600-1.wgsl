// g: pack reshape -> [1600, 1]
// fuses: permute

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_0_weight = 766404u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 1u || row >= 1600u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 1600u && c4 * 4u + 0u < 1u) {
    let o0 = row * 1u + c4 * 4u + 0u;

    v[0] = state[D_0_weight + ((((o0 / 320u) % 5u) * 5u + ((o0 / 64u) % 5u) * 1u + (o0 % 64u) * 25u + 0u * 25u))];
  }
  if (row < 1600u && c4 * 4u + 1u < 1u) {
    let o1 = row * 1u + c4 * 4u + 1u;

    v[1] = state[D_0_weight + ((((o1 / 320u) % 5u) * 5u + ((o1 / 64u) % 5u) * 1u + (o1 % 64u) * 25u + 0u * 25u))];
  }
  if (row < 1600u && c4 * 4u + 2u < 1u) {
    let o2 = row * 1u + c4 * 4u + 2u;

    v[2] = state[D_0_weight + ((((o2 / 320u) % 5u) * 5u + ((o2 / 64u) % 5u) * 1u + (o2 % 64u) * 25u + 0u * 25u))];
  }
  if (row < 1600u && c4 * 4u + 3u < 1u) {
    let o3 = row * 1u + c4 * 4u + 3u;

    v[3] = state[D_0_weight + ((((o3 / 320u) % 5u) * 5u + ((o3 / 64u) % 5u) * 1u + (o3 % 64u) * 25u + 0u * 25u))];
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
