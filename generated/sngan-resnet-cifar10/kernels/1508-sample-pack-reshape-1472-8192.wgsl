// sample: pack reshape -> [1472, 8192]
// fuses: permute

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_G_6_relu_max = 19789568u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 2048u || row >= 1472u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 1472u) {
    let o0 = row * 8192u + c4 * 4u + 0u;
    let o1 = row * 8192u + c4 * 4u + 1u;
    let o2 = row * 8192u + c4 * 4u + 2u;
    let o3 = row * 8192u + c4 * 4u + 3u;

    v = vec4<f32>(temp[t_G_6_relu_max + ((((o0 / 262144u) % 46u) * 262144u + ((o0 / 8192u) % 32u) * 32u + ((o0 / 256u) % 32u) * 1u + (o0 % 256u) * 1024u))], temp[t_G_6_relu_max + ((((o1 / 262144u) % 46u) * 262144u + ((o1 / 8192u) % 32u) * 32u + ((o1 / 256u) % 32u) * 1u + (o1 % 256u) * 1024u))], temp[t_G_6_relu_max + ((((o2 / 262144u) % 46u) * 262144u + ((o2 / 8192u) % 32u) * 32u + ((o2 / 256u) % 32u) * 1u + (o2 % 256u) * 1024u))], temp[t_G_6_relu_max + ((((o3 / 262144u) % 46u) * 262144u + ((o3 / 8192u) % 32u) * 32u + ((o3 / 256u) % 32u) * 1u + (o3 % 256u) * 1024u))]);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
