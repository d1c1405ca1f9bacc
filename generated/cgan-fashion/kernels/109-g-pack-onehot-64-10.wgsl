// g: pack onehot -> [64, 10] (G.0 embedding (line 23))
// fuses: onehot, mul; spec line 23

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_generated_labels_random = 0u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 3u || row >= 64u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 64u && c4 * 4u + 0u < 10u) {
    let o0 = row * 10u + c4 * 4u + 0u;
    let v0 = temp[t_generated_labels_random + ((o0) / 10u)] * 10.0;
    let v1 = select(0.0, 1.0, min(floor(v0), 9.0) == f32((o0) % 10u));
    v[0] = v1;
  }
  if (row < 64u && c4 * 4u + 1u < 10u) {
    let o1 = row * 10u + c4 * 4u + 1u;
    let v2 = temp[t_generated_labels_random + ((o1) / 10u)] * 10.0;
    let v3 = select(0.0, 1.0, min(floor(v2), 9.0) == f32((o1) % 10u));
    v[1] = v3;
  }
  if (row < 64u && c4 * 4u + 2u < 10u) {
    let o2 = row * 10u + c4 * 4u + 2u;
    let v4 = temp[t_generated_labels_random + ((o2) / 10u)] * 10.0;
    let v5 = select(0.0, 1.0, min(floor(v4), 9.0) == f32((o2) % 10u));
    v[2] = v5;
  }
  if (row < 64u && c4 * 4u + 3u < 10u) {
    let o3 = row * 10u + c4 * 4u + 3u;
    let v6 = temp[t_generated_labels_random + ((o3) / 10u)] * 10.0;
    let v7 = select(0.0, 1.0, min(floor(v6), 9.0) == f32((o3) % 10u));
    v[3] = v7;
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
