// d4: pack reshape -> [192, 6272] (D.4 flatten (line 36))
// fuses: max, mul; spec line 35

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_2_conv2d_add = 3669440u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 1568u || row >= 192u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 192u) {
    let o0 = row * 6272u + c4 * 4u + 0u;
    let o1 = row * 6272u + c4 * 4u + 1u;
    let o2 = row * 6272u + c4 * 4u + 2u;
    let o3 = row * 6272u + c4 * 4u + 3u;
    let v0 = temp[t_D_2_conv2d_add + (o0)] * 0.200000003;
    let v1 = max(temp[t_D_2_conv2d_add + (o0)], v0);
    let v2 = temp[t_D_2_conv2d_add + (o1)] * 0.200000003;
    let v3 = max(temp[t_D_2_conv2d_add + (o1)], v2);
    let v4 = temp[t_D_2_conv2d_add + (o2)] * 0.200000003;
    let v5 = max(temp[t_D_2_conv2d_add + (o2)], v4);
    let v6 = temp[t_D_2_conv2d_add + (o3)] * 0.200000003;
    let v7 = max(temp[t_D_2_conv2d_add + (o3)], v6);
    v = vec4<f32>(v1, v3, v5, v7);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
