// d0: pack mul -> [128, 6272]
// fuses: mul x2, max; spec line 40

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_add = 57764u;
const t_D_2_conv2d_add = 208292u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 1568u || row >= 128u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 128u) {
    let o0 = row * 6272u + c4 * 4u + 0u;
    let o1 = row * 6272u + c4 * 4u + 1u;
    let o2 = row * 6272u + c4 * 4u + 2u;
    let o3 = row * 6272u + c4 * 4u + 3u;
    let v0 = temp[t_D_2_conv2d_add + (o0)] * 0.100000001;
    let v1 = max(temp[t_D_2_conv2d_add + (o0)], v0);
    let v2 = temp[t_add + ((((o0 / 6272u) % 128u) * 1u))] * v1;
    let v3 = temp[t_D_2_conv2d_add + (o1)] * 0.100000001;
    let v4 = max(temp[t_D_2_conv2d_add + (o1)], v3);
    let v5 = temp[t_add + ((((o1 / 6272u) % 128u) * 1u))] * v4;
    let v6 = temp[t_D_2_conv2d_add + (o2)] * 0.100000001;
    let v7 = max(temp[t_D_2_conv2d_add + (o2)], v6);
    let v8 = temp[t_add + ((((o2 / 6272u) % 128u) * 1u))] * v7;
    let v9 = temp[t_D_2_conv2d_add + (o3)] * 0.100000001;
    let v10 = max(temp[t_D_2_conv2d_add + (o3)], v9);
    let v11 = temp[t_add + ((((o3 / 6272u) % 128u) * 1u))] * v10;
    v = vec4<f32>(v2, v5, v8, v11);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
