// g: pack reshape -> [1152, 3]
// fuses: permute, div; spec line 45

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_0_0_0_weight = 4280324u;
const t_D_0_0_0_conv2d_reshape = 1232400u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 1u || row >= 1152u) { return; }
  let p0 = temp[t_D_0_0_0_conv2d_reshape + (0u)];
  var v = vec4<f32>(0.0);
  if (row < 1152u && c4 * 4u + 0u < 3u) {
    let o0 = row * 3u + c4 * 4u + 0u;
    let v0 = state[D_0_0_0_weight + ((((o0 / 1152u) % 3u) * 3u + ((o0 / 384u) % 3u) * 1u + ((o0 / 3u) % 128u) * 27u + (o0 % 3u) * 9u))] / p0;
    v[0] = v0;
  }
  if (row < 1152u && c4 * 4u + 1u < 3u) {
    let o1 = row * 3u + c4 * 4u + 1u;
    let v1 = state[D_0_0_0_weight + ((((o1 / 1152u) % 3u) * 3u + ((o1 / 384u) % 3u) * 1u + ((o1 / 3u) % 128u) * 27u + (o1 % 3u) * 9u))] / p0;
    v[1] = v1;
  }
  if (row < 1152u && c4 * 4u + 2u < 3u) {
    let o2 = row * 3u + c4 * 4u + 2u;
    let v2 = state[D_0_0_0_weight + ((((o2 / 1152u) % 3u) * 3u + ((o2 / 384u) % 3u) * 1u + ((o2 / 3u) % 128u) * 27u + (o2 % 3u) * 9u))] / p0;
    v[2] = v2;
  }
  if (row < 1152u && c4 * 4u + 3u < 3u) {
    let o3 = row * 3u + c4 * 4u + 3u;
    let v3 = state[D_0_0_0_weight + ((((o3 / 1152u) % 3u) * 3u + ((o3 / 384u) % 3u) * 1u + ((o3 / 3u) % 128u) * 27u + (o3 % 3u) * 9u))] / p0;
    v[3] = v3;
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
