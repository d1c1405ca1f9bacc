// d3: pack reshape -> [256, 1024]
// fuses: permute, max; spec line 77

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_3_0_1_conv2d_add = 5973460u;

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
    let v0 = max(temp[t_D_3_0_1_conv2d_add + ((((o0 / 8192u) % 32u) * 8192u + ((o0 / 1024u) % 8u) * 8u + ((o0 / 128u) % 8u) * 1u + (o0 % 128u) * 64u))], 0.0);
    let v1 = max(temp[t_D_3_0_1_conv2d_add + ((((o1 / 8192u) % 32u) * 8192u + ((o1 / 1024u) % 8u) * 8u + ((o1 / 128u) % 8u) * 1u + (o1 % 128u) * 64u))], 0.0);
    let v2 = max(temp[t_D_3_0_1_conv2d_add + ((((o2 / 8192u) % 32u) * 8192u + ((o2 / 1024u) % 8u) * 8u + ((o2 / 128u) % 8u) * 1u + (o2 % 128u) * 64u))], 0.0);
    let v3 = max(temp[t_D_3_0_1_conv2d_add + ((((o3 / 8192u) % 32u) * 8192u + ((o3 / 1024u) % 8u) * 8u + ((o3 / 128u) % 8u) * 1u + (o3 % 128u) * 64u))], 0.0);
    v = vec4<f32>(v0, v1, v2, v3);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
