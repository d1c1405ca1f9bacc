// sample: pack reshape -> [256, 1024]
// fuses: permute

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_G_3_relu_max = 6400u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 256u || row >= 256u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 256u) {
    let o0 = row * 1024u + c4 * 4u + 0u;
    let o1 = row * 1024u + c4 * 4u + 1u;
    let o2 = row * 1024u + c4 * 4u + 2u;
    let o3 = row * 1024u + c4 * 4u + 3u;

    v = vec4<f32>(temp[t_G_3_relu_max + ((((o0 / 4096u) % 64u) * 4096u + ((o0 / 1024u) % 4u) * 4u + ((o0 / 256u) % 4u) * 1u + (o0 % 256u) * 16u))], temp[t_G_3_relu_max + ((((o1 / 4096u) % 64u) * 4096u + ((o1 / 1024u) % 4u) * 4u + ((o1 / 256u) % 4u) * 1u + (o1 % 256u) * 16u))], temp[t_G_3_relu_max + ((((o2 / 4096u) % 64u) * 4096u + ((o2 / 1024u) % 4u) * 4u + ((o2 / 256u) % 4u) * 1u + (o2 % 256u) * 16u))], temp[t_G_3_relu_max + ((((o3 / 4096u) % 64u) * 4096u + ((o3 / 1024u) % 4u) * 4u + ((o3 / 256u) % 4u) * 1u + (o3 % 256u) * 16u))]);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
