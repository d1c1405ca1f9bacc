// g: pack reshape -> [2048, 1024]
// fuses: permute, max, mul; spec line 37

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_0_conv2d_add = 11022848u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 256u || row >= 2048u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 2048u) {
    let o0 = row * 1024u + c4 * 4u + 0u;
    let o1 = row * 1024u + c4 * 4u + 1u;
    let o2 = row * 1024u + c4 * 4u + 2u;
    let o3 = row * 1024u + c4 * 4u + 3u;
    let v0 = temp[t_D_0_conv2d_add + ((((o0 / 16384u) % 128u) * 16384u + ((o0 / 1024u) % 16u) * 16u + ((o0 / 64u) % 16u) * 1u + (o0 % 64u) * 256u))] * 0.200000003;
    let v1 = max(temp[t_D_0_conv2d_add + ((((o0 / 16384u) % 128u) * 16384u + ((o0 / 1024u) % 16u) * 16u + ((o0 / 64u) % 16u) * 1u + (o0 % 64u) * 256u))], v0);
    let v2 = temp[t_D_0_conv2d_add + ((((o1 / 16384u) % 128u) * 16384u + ((o1 / 1024u) % 16u) * 16u + ((o1 / 64u) % 16u) * 1u + (o1 % 64u) * 256u))] * 0.200000003;
    let v3 = max(temp[t_D_0_conv2d_add + ((((o1 / 16384u) % 128u) * 16384u + ((o1 / 1024u) % 16u) * 16u + ((o1 / 64u) % 16u) * 1u + (o1 % 64u) * 256u))], v2);
    let v4 = temp[t_D_0_conv2d_add + ((((o2 / 16384u) % 128u) * 16384u + ((o2 / 1024u) % 16u) * 16u + ((o2 / 64u) % 16u) * 1u + (o2 % 64u) * 256u))] * 0.200000003;
    let v5 = max(temp[t_D_0_conv2d_add + ((((o2 / 16384u) % 128u) * 16384u + ((o2 / 1024u) % 16u) * 16u + ((o2 / 64u) % 16u) * 1u + (o2 % 64u) * 256u))], v4);
    let v6 = temp[t_D_0_conv2d_add + ((((o3 / 16384u) % 128u) * 16384u + ((o3 / 1024u) % 16u) * 16u + ((o3 / 64u) % 16u) * 1u + (o3 % 64u) * 256u))] * 0.200000003;
    let v7 = max(temp[t_D_0_conv2d_add + ((((o3 / 16384u) % 128u) * 16384u + ((o3 / 1024u) % 16u) * 16u + ((o3 / 64u) % 16u) * 1u + (o3 % 64u) * 256u))], v6);
    v = vec4<f32>(v1, v3, v5, v7);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
