// g: conv2d + mul -> [64, 64, 14, 14]
// fuses: mul x2, conv2d, sub, cmplt, add; spec line 25

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_5_gamma = 765120u;
const G_5_beta = 765184u;
const G_7_weight = 765376u;
const t_mul_2 = 859392u;
const t_G_5_batchnorm_mul = 2013440u;
const t_mul = 2816256u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 784u + wg.x) * 64u + li;
  if (i >= 50176u) { return; }

  let q = i % 14u; let p = (i / 14u) % 14u; let co0 = ((i / 196u) % 4u) * 16u;
  let n = i / 784u;
  let at = ((n * 64u + co0) * 14u + p) * 14u + q;
  var acc0 = 0.0; var acc1 = 0.0; var acc2 = 0.0; var acc3 = 0.0; var acc4 = 0.0; var acc5 = 0.0; var acc6 = 0.0; var acc7 = 0.0; var acc8 = 0.0; var acc9 = 0.0; var acc10 = 0.0; var acc11 = 0.0; var acc12 = 0.0; var acc13 = 0.0; var acc14 = 0.0; var acc15 = 0.0;
  for (var ci = 0u; ci < 1u; ci++) { for (var ti = 0u; ti < 4u; ti++) {
    let y = i32(p * 2u + ti) - 1;
    if (y < 0 || y >= 28) { continue; }
    for (var tj = 0u; tj < 4u; tj++) {
      let xx = i32(q * 2u + tj) - 1;
      if (xx < 0 || xx >= 28) { continue; }

      acc0 = fma(temp[t_mul_2 + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[G_7_weight + (((min(co0 + 0u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)], acc0); acc1 = fma(temp[t_mul_2 + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[G_7_weight + (((min(co0 + 1u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)], acc1); acc2 = fma(temp[t_mul_2 + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[G_7_weight + (((min(co0 + 2u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)], acc2); acc3 = fma(temp[t_mul_2 + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[G_7_weight + (((min(co0 + 3u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)], acc3); acc4 = fma(temp[t_mul_2 + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[G_7_weight + (((min(co0 + 4u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)], acc4); acc5 = fma(temp[t_mul_2 + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[G_7_weight + (((min(co0 + 5u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)], acc5); acc6 = fma(temp[t_mul_2 + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[G_7_weight + (((min(co0 + 6u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)], acc6); acc7 = fma(temp[t_mul_2 + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[G_7_weight + (((min(co0 + 7u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)], acc7); acc8 = fma(temp[t_mul_2 + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[G_7_weight + (((min(co0 + 8u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)], acc8); acc9 = fma(temp[t_mul_2 + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[G_7_weight + (((min(co0 + 9u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)], acc9); acc10 = fma(temp[t_mul_2 + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[G_7_weight + (((min(co0 + 10u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)], acc10); acc11 = fma(temp[t_mul_2 + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[G_7_weight + (((min(co0 + 11u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)], acc11); acc12 = fma(temp[t_mul_2 + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[G_7_weight + (((min(co0 + 12u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)], acc12); acc13 = fma(temp[t_mul_2 + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[G_7_weight + (((min(co0 + 13u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)], acc13); acc14 = fma(temp[t_mul_2 + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[G_7_weight + (((min(co0 + 14u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)], acc14); acc15 = fma(temp[t_mul_2 + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[G_7_weight + (((min(co0 + 15u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)], acc15);
    }
  } }
  if (co0 + 0u < 64u) {
    let o0 = at + 0u;
    let v0 = temp[t_G_5_batchnorm_mul + (o0)] * state[G_5_gamma + ((((o0 / 196u) % 64u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o0 / 196u) % 64u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc0 * v3;
    temp[t_mul + o0] = v4;
  }
  if (co0 + 1u < 64u) {
    let o1 = at + 196u;
    let v0 = temp[t_G_5_batchnorm_mul + (o1)] * state[G_5_gamma + ((((o1 / 196u) % 64u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o1 / 196u) % 64u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc1 * v3;
    temp[t_mul + o1] = v4;
  }
  if (co0 + 2u < 64u) {
    let o2 = at + 392u;
    let v0 = temp[t_G_5_batchnorm_mul + (o2)] * state[G_5_gamma + ((((o2 / 196u) % 64u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o2 / 196u) % 64u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc2 * v3;
    temp[t_mul + o2] = v4;
  }
  if (co0 + 3u < 64u) {
    let o3 = at + 588u;
    let v0 = temp[t_G_5_batchnorm_mul + (o3)] * state[G_5_gamma + ((((o3 / 196u) % 64u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o3 / 196u) % 64u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc3 * v3;
    temp[t_mul + o3] = v4;
  }
  if (co0 + 4u < 64u) {
    let o4 = at + 784u;
    let v0 = temp[t_G_5_batchnorm_mul + (o4)] * state[G_5_gamma + ((((o4 / 196u) % 64u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o4 / 196u) % 64u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc4 * v3;
    temp[t_mul + o4] = v4;
  }
  if (co0 + 5u < 64u) {
    let o5 = at + 980u;
    let v0 = temp[t_G_5_batchnorm_mul + (o5)] * state[G_5_gamma + ((((o5 / 196u) % 64u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o5 / 196u) % 64u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc5 * v3;
    temp[t_mul + o5] = v4;
  }
  if (co0 + 6u < 64u) {
    let o6 = at + 1176u;
    let v0 = temp[t_G_5_batchnorm_mul + (o6)] * state[G_5_gamma + ((((o6 / 196u) % 64u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o6 / 196u) % 64u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc6 * v3;
    temp[t_mul + o6] = v4;
  }
  if (co0 + 7u < 64u) {
    let o7 = at + 1372u;
    let v0 = temp[t_G_5_batchnorm_mul + (o7)] * state[G_5_gamma + ((((o7 / 196u) % 64u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o7 / 196u) % 64u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc7 * v3;
    temp[t_mul + o7] = v4;
  }
  if (co0 + 8u < 64u) {
    let o8 = at + 1568u;
    let v0 = temp[t_G_5_batchnorm_mul + (o8)] * state[G_5_gamma + ((((o8 / 196u) % 64u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o8 / 196u) % 64u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc8 * v3;
    temp[t_mul + o8] = v4;
  }
  if (co0 + 9u < 64u) {
    let o9 = at + 1764u;
    let v0 = temp[t_G_5_batchnorm_mul + (o9)] * state[G_5_gamma + ((((o9 / 196u) % 64u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o9 / 196u) % 64u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc9 * v3;
    temp[t_mul + o9] = v4;
  }
  if (co0 + 10u < 64u) {
    let o10 = at + 1960u;
    let v0 = temp[t_G_5_batchnorm_mul + (o10)] * state[G_5_gamma + ((((o10 / 196u) % 64u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o10 / 196u) % 64u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc10 * v3;
    temp[t_mul + o10] = v4;
  }
  if (co0 + 11u < 64u) {
    let o11 = at + 2156u;
    let v0 = temp[t_G_5_batchnorm_mul + (o11)] * state[G_5_gamma + ((((o11 / 196u) % 64u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o11 / 196u) % 64u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc11 * v3;
    temp[t_mul + o11] = v4;
  }
  if (co0 + 12u < 64u) {
    let o12 = at + 2352u;
    let v0 = temp[t_G_5_batchnorm_mul + (o12)] * state[G_5_gamma + ((((o12 / 196u) % 64u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o12 / 196u) % 64u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc12 * v3;
    temp[t_mul + o12] = v4;
  }
  if (co0 + 13u < 64u) {
    let o13 = at + 2548u;
    let v0 = temp[t_G_5_batchnorm_mul + (o13)] * state[G_5_gamma + ((((o13 / 196u) % 64u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o13 / 196u) % 64u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc13 * v3;
    temp[t_mul + o13] = v4;
  }
  if (co0 + 14u < 64u) {
    let o14 = at + 2744u;
    let v0 = temp[t_G_5_batchnorm_mul + (o14)] * state[G_5_gamma + ((((o14 / 196u) % 64u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o14 / 196u) % 64u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc14 * v3;
    temp[t_mul + o14] = v4;
  }
  if (co0 + 15u < 64u) {
    let o15 = at + 2940u;
    let v0 = temp[t_G_5_batchnorm_mul + (o15)] * state[G_5_gamma + ((((o15 / 196u) % 64u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o15 / 196u) % 64u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc15 * v3;
    temp[t_mul + o15] = v4;
  }
}
