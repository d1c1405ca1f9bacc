// g: pack reshape -> [4096, 128]
// fuses: permute

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_4_weight = 414720u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 32u || row >= 4096u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 4096u) {
    let o0 = row * 128u + c4 * 4u + 0u;
    let o1 = row * 128u + c4 * 4u + 1u;
    let o2 = row * 128u + c4 * 4u + 2u;
    let o3 = row * 128u + c4 * 4u + 3u;

    v = vec4<f32>(state[G_4_weight + ((((o0 / 131072u) % 4u) * 4u + ((o0 / 32768u) % 4u) * 1u + ((o0 / 128u) % 256u) * 2048u + (o0 % 128u) * 16u))], state[G_4_weight + ((((o1 / 131072u) % 4u) * 4u + ((o1 / 32768u) % 4u) * 1u + ((o1 / 128u) % 256u) * 2048u + (o1 % 128u) * 16u))], state[G_4_weight + ((((o2 / 131072u) % 4u) * 4u + ((o2 / 32768u) % 4u) * 1u + ((o2 / 128u) % 256u) * 2048u + (o2 % 128u) * 16u))], state[G_4_weight + ((((o3 / 131072u) % 4u) * 4u + ((o3 / 32768u) % 4u) * 1u + ((o3 / 128u) % 256u) * 2048u + (o3 % 128u) * 16u))]);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
