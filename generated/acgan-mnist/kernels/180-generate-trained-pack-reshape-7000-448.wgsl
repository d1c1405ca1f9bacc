// sample: pack reshape -> [7000, 448]
// fuses: permute

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_G_8_relu_max = 1623500u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 112u || row >= 7000u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 7000u) {
    let o0 = row * 448u + c4 * 4u + 0u;
    let o1 = row * 448u + c4 * 4u + 1u;
    let o2 = row * 448u + c4 * 4u + 2u;
    let o3 = row * 448u + c4 * 4u + 3u;

    v = vec4<f32>(temp[t_G_8_relu_max + ((((o0 / 6272u) % 500u) * 6272u + ((o0 / 448u) % 14u) * 14u + ((o0 / 32u) % 14u) * 1u + (o0 % 32u) * 196u))], temp[t_G_8_relu_max + ((((o1 / 6272u) % 500u) * 6272u + ((o1 / 448u) % 14u) * 14u + ((o1 / 32u) % 14u) * 1u + (o1 % 32u) * 196u))], temp[t_G_8_relu_max + ((((o2 / 6272u) % 500u) * 6272u + ((o2 / 448u) % 14u) * 14u + ((o2 / 32u) % 14u) * 1u + (o2 % 32u) * 196u))], temp[t_G_8_relu_max + ((((o3 / 6272u) % 500u) * 6272u + ((o3 / 448u) % 14u) * 14u + ((o3 / 32u) % 14u) * 1u + (o3 % 32u) * 196u))]);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
