// d1: pack add -> [192, 1]
// fuses: copy into a texture

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_add = 50176u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 1u || row >= 192u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 192u && c4 * 4u + 0u < 1u) {
    let o0 = row * 1u + c4 * 4u + 0u;

    v[0] = temp[t_add + (o0)];
  }
  if (row < 192u && c4 * 4u + 1u < 1u) {
    let o1 = row * 1u + c4 * 4u + 1u;

    v[1] = temp[t_add + (o1)];
  }
  if (row < 192u && c4 * 4u + 2u < 1u) {
    let o2 = row * 1u + c4 * 4u + 2u;

    v[2] = temp[t_add + (o2)];
  }
  if (row < 192u && c4 * 4u + 3u < 1u) {
    let o3 = row * 1u + c4 * 4u + 3u;

    v[3] = temp[t_add + (o3)];
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
