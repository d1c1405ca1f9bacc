// d0: pack onehot -> [128, 10] (D.6 embedding (line 43))
// fuses: onehot, concat, permute x2, slice, mul; spec line 43

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_real_0 = 0u;
const t_generated_labels_random = 57552u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 3u || row >= 128u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 128u && c4 * 4u + 0u < 10u) {
    let o0 = row * 10u + c4 * 4u + 0u;
    let v0 = temp[t_generated_labels_random + (select(0u, ((o0) / 10u) - 64u, ((o0) / 10u) >= 64u))] * 10.0;
    let v1 = select(v0, temp[t_real_0 + (((((((((min((o0) / 10u, 63u)) % 64u) * 1u + 0u * 64u)) + 50176u) / 64u) % 785u) * 1u + ((((((min((o0) / 10u, 63u)) % 64u) * 1u + 0u * 64u)) + 50176u) % 64u) * 785u))], ((o0) / 10u) < 64u);
    let v2 = select(0.0, 1.0, min(floor(v1), 9.0) == f32((o0) % 10u));
    v[0] = v2;
  }
  if (row < 128u && c4 * 4u + 1u < 10u) {
    let o1 = row * 10u + c4 * 4u + 1u;
    let v3 = temp[t_generated_labels_random + (select(0u, ((o1) / 10u) - 64u, ((o1) / 10u) >= 64u))] * 10.0;
    let v4 = select(v3, temp[t_real_0 + (((((((((min((o1) / 10u, 63u)) % 64u) * 1u + 0u * 64u)) + 50176u) / 64u) % 785u) * 1u + ((((((min((o1) / 10u, 63u)) % 64u) * 1u + 0u * 64u)) + 50176u) % 64u) * 785u))], ((o1) / 10u) < 64u);
    let v5 = select(0.0, 1.0, min(floor(v4), 9.0) == f32((o1) % 10u));
    v[1] = v5;
  }
  if (row < 128u && c4 * 4u + 2u < 10u) {
    let o2 = row * 10u + c4 * 4u + 2u;
    let v6 = temp[t_generated_labels_random + (select(0u, ((o2) / 10u) - 64u, ((o2) / 10u) >= 64u))] * 10.0;
    let v7 = select(v6, temp[t_real_0 + (((((((((min((o2) / 10u, 63u)) % 64u) * 1u + 0u * 64u)) + 50176u) / 64u) % 785u) * 1u + ((((((min((o2) / 10u, 63u)) % 64u) * 1u + 0u * 64u)) + 50176u) % 64u) * 785u))], ((o2) / 10u) < 64u);
    let v8 = select(0.0, 1.0, min(floor(v7), 9.0) == f32((o2) % 10u));
    v[2] = v8;
  }
  if (row < 128u && c4 * 4u + 3u < 10u) {
    let o3 = row * 10u + c4 * 4u + 3u;
    let v9 = temp[t_generated_labels_random + (select(0u, ((o3) / 10u) - 64u, ((o3) / 10u) >= 64u))] * 10.0;
    let v10 = select(v9, temp[t_real_0 + (((((((((min((o3) / 10u, 63u)) % 64u) * 1u + 0u * 64u)) + 50176u) / 64u) % 785u) * 1u + ((((((min((o3) / 10u, 63u)) % 64u) * 1u + 0u * 64u)) + 50176u) % 64u) * 785u))], ((o3) / 10u) < 64u);
    let v11 = select(0.0, 1.0, min(floor(v10), 9.0) == f32((o3) % 10u));
    v[3] = v11;
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
