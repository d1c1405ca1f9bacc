// d2: pack reshape -> [1152, 128]
// fuses: permute, div; spec line 76

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_3_0_1_weight = 5039876u;
const t_D_3_0_1_conv2d_reshape = 50444u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 32u || row >= 1152u) { return; }
  let p0 = temp[t_D_3_0_1_conv2d_reshape + (0u)];
  var v = vec4<f32>(0.0);
  if (row < 1152u) {
    let o0 = row * 128u + c4 * 4u + 0u;
    let o1 = row * 128u + c4 * 4u + 1u;
    let o2 = row * 128u + c4 * 4u + 2u;
    let o3 = row * 128u + c4 * 4u + 3u;
    let v0 = state[D_3_0_1_weight + ((((o0 / 49152u) % 3u) * 3u + ((o0 / 16384u) % 3u) * 1u + ((o0 / 128u) % 128u) * 9u + (o0 % 128u) * 1152u))] / p0;
    let v1 = state[D_3_0_1_weight + ((((o1 / 49152u) % 3u) * 3u + ((o1 / 16384u) % 3u) * 1u + ((o1 / 128u) % 128u) * 9u + (o1 % 128u) * 1152u))] / p0;
    let v2 = state[D_3_0_1_weight + ((((o2 / 49152u) % 3u) * 3u + ((o2 / 16384u) % 3u) * 1u + ((o2 / 128u) % 128u) * 9u + (o2 % 128u) * 1152u))] / p0;
    let v3 = state[D_3_0_1_weight + ((((o3 / 49152u) % 3u) * 3u + ((o3 / 16384u) % 3u) * 1u + ((o3 / 128u) % 128u) * 9u + (o3 % 128u) * 1152u))] / p0;
    v = vec4<f32>(v0, v1, v2, v3);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
