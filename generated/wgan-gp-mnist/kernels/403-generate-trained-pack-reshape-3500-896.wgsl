// sample: pack reshape -> [3500, 896]
// fuses: permute

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_G_3_relu_max = 50000u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 224u || row >= 3500u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 3500u) {
    let o0 = row * 896u + c4 * 4u + 0u;
    let o1 = row * 896u + c4 * 4u + 1u;
    let o2 = row * 896u + c4 * 4u + 2u;
    let o3 = row * 896u + c4 * 4u + 3u;

    v = vec4<f32>(temp[t_G_3_relu_max + ((((o0 / 6272u) % 500u) * 6272u + ((o0 / 896u) % 7u) * 7u + ((o0 / 128u) % 7u) * 1u + (o0 % 128u) * 49u))], temp[t_G_3_relu_max + ((((o1 / 6272u) % 500u) * 6272u + ((o1 / 896u) % 7u) * 7u + ((o1 / 128u) % 7u) * 1u + (o1 % 128u) * 49u))], temp[t_G_3_relu_max + ((((o2 / 6272u) % 500u) * 6272u + ((o2 / 896u) % 7u) * 7u + ((o2 / 128u) % 7u) * 1u + (o2 % 128u) * 49u))], temp[t_G_3_relu_max + ((((o3 / 6272u) % 500u) * 6272u + ((o3 / 896u) % 7u) * 7u + ((o3 / 128u) % 7u) * 1u + (o3 % 128u) * 49u))]);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
