// g: pack reshape -> [512, 4096]
// fuses: permute, max; spec line 46

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_0_0_0_conv2d_add = 27396096u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 1024u || row >= 512u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 512u) {
    let o0 = row * 4096u + c4 * 4u + 0u;
    let o1 = row * 4096u + c4 * 4u + 1u;
    let o2 = row * 4096u + c4 * 4u + 2u;
    let o3 = row * 4096u + c4 * 4u + 3u;
    let v0 = max(temp[t_D_0_0_0_conv2d_add + ((((o0 / 131072u) % 16u) * 131072u + ((o0 / 4096u) % 32u) * 32u + ((o0 / 128u) % 32u) * 1u + (o0 % 128u) * 1024u))], 0.0);
    let v1 = max(temp[t_D_0_0_0_conv2d_add + ((((o1 / 131072u) % 16u) * 131072u + ((o1 / 4096u) % 32u) * 32u + ((o1 / 128u) % 32u) * 1u + (o1 % 128u) * 1024u))], 0.0);
    let v2 = max(temp[t_D_0_0_0_conv2d_add + ((((o2 / 131072u) % 16u) * 131072u + ((o2 / 4096u) % 32u) * 32u + ((o2 / 128u) % 32u) * 1u + (o2 % 128u) * 1024u))], 0.0);
    let v3 = max(temp[t_D_0_0_0_conv2d_add + ((((o3 / 131072u) % 16u) * 131072u + ((o3 / 4096u) % 32u) * 32u + ((o3 / 128u) % 32u) * 1u + (o3 % 128u) * 1024u))], 0.0);
    v = vec4<f32>(v0, v1, v2, v3);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
