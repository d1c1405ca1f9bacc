// d0: add -> [128, 10]
// fuses: add x3, concat x2, mul x5, div x2, exp x2, sub x2, slice x3, detach x2, neg, onehot x2, permute x2; spec line 23

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_real_0 = 0u;
const t_generated_labels_random = 50240u;
const t_D_5_dense_add = 50564u;
const t_auxiliary_classifier_maxr_2 = 51844u;
const t_auxiliary_classifier_sum_2 = 51908u;
const t_auxiliary_classifier_maxr = 51972u;
const t_auxiliary_classifier_sum = 52036u;
const t_add = 52100u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 20u + wg.x) * 64u + li;
  if (i >= 1280u) { return; }

  let v0 = 0.0156250000 / temp[t_auxiliary_classifier_sum + (((((min(i, 639u)) / 10u) % 64u) * 1u))];
  let v1 = (temp[t_auxiliary_classifier_maxr + (((((min(i, 639u)) / 10u) % 64u) * 1u))]);
  let v2 = temp[t_D_5_dense_add + (min(i, 639u))] - v1;
  let v3 = exp(v2);
  let v4 = v0 * v3;
  let v5 = -(0.0156250000);
  let v6 = select(0.0, 1.0, min(floor(temp[t_real_0 + ((((((((((min(i, 639u)) / 10u) % 64u) * 1u + 0u * 64u)) + 50176u) / 64u) % 785u) * 1u + (((((((min(i, 639u)) / 10u) % 64u) * 1u + 0u * 64u)) + 50176u) % 64u) * 785u))]), 9.0) == f32((min(i, 639u)) % 10u));
  let v7 = v5 * v6;
  let v8 = v4 + v7;
  let v9 = select(0.0, v8, (i) < 640u);
  let v10 = 0.0156250000 / temp[t_auxiliary_classifier_sum_2 + (((((select(0u, (i) - 640u, (i) >= 640u)) / 10u) % 64u) * 1u))];
  let v11 = (temp[t_auxiliary_classifier_maxr_2 + (((((select(0u, (i) - 640u, (i) >= 640u)) / 10u) % 64u) * 1u))]);
  let v12 = temp[t_D_5_dense_add + ((select(0u, (i) - 640u, (i) >= 640u)) + 640u)] - v11;
  let v13 = exp(v12);
  let v14 = v10 * v13;
  let v15 = -(0.0156250000);
  let v16 = temp[t_generated_labels_random + ((select(0u, (i) - 640u, (i) >= 640u)) / 10u)] * 10.0;
  let v17 = select(0.0, 1.0, min(floor(v16), 9.0) == f32((select(0u, (i) - 640u, (i) >= 640u)) % 10u));
  let v18 = v15 * v17;
  let v19 = v14 + v18;
  let v20 = select(v19, 0.0, (i) < 640u);
  let v21 = v9 + v20;
  temp[t_add + i] = v21;
}
