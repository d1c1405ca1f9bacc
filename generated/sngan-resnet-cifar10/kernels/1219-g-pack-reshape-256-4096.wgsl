// g: pack reshape -> [256, 4096]
// fuses: permute

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_G_3_0_5_relu_max = 4327424u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 1024u || row >= 256u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 256u) {
    let o0 = row * 4096u + c4 * 4u + 0u;
    let o1 = row * 4096u + c4 * 4u + 1u;
    let o2 = row * 4096u + c4 * 4u + 2u;
    let o3 = row * 4096u + c4 * 4u + 3u;

    v = vec4<f32>(temp[t_G_3_0_5_relu_max + ((((o0 / 65536u) % 16u) * 65536u + ((o0 / 4096u) % 16u) * 16u + ((o0 / 256u) % 16u) * 1u + (o0 % 256u) * 256u))], temp[t_G_3_0_5_relu_max + ((((o1 / 65536u) % 16u) * 65536u + ((o1 / 4096u) % 16u) * 16u + ((o1 / 256u) % 16u) * 1u + (o1 % 256u) * 256u))], temp[t_G_3_0_5_relu_max + ((((o2 / 65536u) % 16u) * 65536u + ((o2 / 4096u) % 16u) * 16u + ((o2 / 256u) % 16u) * 1u + (o2 % 256u) * 256u))], temp[t_G_3_0_5_relu_max + ((((o3 / 65536u) % 16u) * 65536u + ((o3 / 4096u) % 16u) * 16u + ((o3 / 256u) % 16u) * 1u + (o3 % 256u) * 256u))]);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
