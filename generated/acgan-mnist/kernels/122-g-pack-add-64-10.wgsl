// g: pack add -> [64, 10]
// fuses: add, mul x3, div, exp, sub, detach, neg, onehot; spec line 23

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_generated_labels_random = 0u;
const t_D_5_dense_add = 256u;
const t_auxiliary_classifier_maxr = 896u;
const t_auxiliary_classifier_sum = 960u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 3u || row >= 64u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 64u && c4 * 4u + 0u < 10u) {
    let o0 = row * 10u + c4 * 4u + 0u;
    let v0 = 0.0156250000 / temp[t_auxiliary_classifier_sum + ((((o0 / 10u) % 64u) * 1u))];
    let v1 = (temp[t_auxiliary_classifier_maxr + ((((o0 / 10u) % 64u) * 1u))]);
    let v2 = temp[t_D_5_dense_add + (o0)] - v1;
    let v3 = exp(v2);
    let v4 = v0 * v3;
    let v5 = -(0.0156250000);
    let v6 = temp[t_generated_labels_random + ((o0) / 10u)] * 10.0;
    let v7 = select(0.0, 1.0, min(floor(v6), 9.0) == f32((o0) % 10u));
    let v8 = v5 * v7;
    let v9 = v4 + v8;
    v[0] = v9;
  }
  if (row < 64u && c4 * 4u + 1u < 10u) {
    let o1 = row * 10u + c4 * 4u + 1u;
    let v10 = 0.0156250000 / temp[t_auxiliary_classifier_sum + ((((o1 / 10u) % 64u) * 1u))];
    let v11 = (temp[t_auxiliary_classifier_maxr + ((((o1 / 10u) % 64u) * 1u))]);
    let v12 = temp[t_D_5_dense_add + (o1)] - v11;
    let v13 = exp(v12);
    let v14 = v10 * v13;
    let v15 = -(0.0156250000);
    let v16 = temp[t_generated_labels_random + ((o1) / 10u)] * 10.0;
    let v17 = select(0.0, 1.0, min(floor(v16), 9.0) == f32((o1) % 10u));
    let v18 = v15 * v17;
    let v19 = v14 + v18;
    v[1] = v19;
  }
  if (row < 64u && c4 * 4u + 2u < 10u) {
    let o2 = row * 10u + c4 * 4u + 2u;
    let v20 = 0.0156250000 / temp[t_auxiliary_classifier_sum + ((((o2 / 10u) % 64u) * 1u))];
    let v21 = (temp[t_auxiliary_classifier_maxr + ((((o2 / 10u) % 64u) * 1u))]);
    let v22 = temp[t_D_5_dense_add + (o2)] - v21;
    let v23 = exp(v22);
    let v24 = v20 * v23;
    let v25 = -(0.0156250000);
    let v26 = temp[t_generated_labels_random + ((o2) / 10u)] * 10.0;
    let v27 = select(0.0, 1.0, min(floor(v26), 9.0) == f32((o2) % 10u));
    let v28 = v25 * v27;
    let v29 = v24 + v28;
    v[2] = v29;
  }
  if (row < 64u && c4 * 4u + 3u < 10u) {
    let o3 = row * 10u + c4 * 4u + 3u;
    let v30 = 0.0156250000 / temp[t_auxiliary_classifier_sum + ((((o3 / 10u) % 64u) * 1u))];
    let v31 = (temp[t_auxiliary_classifier_maxr + ((((o3 / 10u) % 64u) * 1u))]);
    let v32 = temp[t_D_5_dense_add + (o3)] - v31;
    let v33 = exp(v32);
    let v34 = v30 * v33;
    let v35 = -(0.0156250000);
    let v36 = temp[t_generated_labels_random + ((o3) / 10u)] * 10.0;
    let v37 = select(0.0, 1.0, min(floor(v36), 9.0) == f32((o3) % 10u));
    let v38 = v35 * v37;
    let v39 = v34 + v38;
    v[3] = v39;
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
