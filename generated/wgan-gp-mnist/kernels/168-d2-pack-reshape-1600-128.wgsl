// d2: pack reshape -> [1600, 128]
// fuses: permute

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_2_weight = 768068u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 32u || row >= 1600u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 1600u) {
    let o0 = row * 128u + c4 * 4u + 0u;
    let o1 = row * 128u + c4 * 4u + 1u;
    let o2 = row * 128u + c4 * 4u + 2u;
    let o3 = row * 128u + c4 * 4u + 3u;

    v = vec4<f32>(state[D_2_weight + ((((o0 / 40960u) % 5u) * 5u + ((o0 / 8192u) % 5u) * 1u + ((o0 / 128u) % 64u) * 25u + (o0 % 128u) * 1600u))], state[D_2_weight + ((((o1 / 40960u) % 5u) * 5u + ((o1 / 8192u) % 5u) * 1u + ((o1 / 128u) % 64u) * 25u + (o1 % 128u) * 1600u))], state[D_2_weight + ((((o2 / 40960u) % 5u) * 5u + ((o2 / 8192u) % 5u) * 1u + ((o2 / 128u) % 64u) * 25u + (o2 % 128u) * 1600u))], state[D_2_weight + ((((o3 / 40960u) % 5u) * 5u + ((o3 / 8192u) % 5u) * 1u + ((o3 / 128u) % 64u) * 25u + (o3 % 128u) * 1600u))]);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
