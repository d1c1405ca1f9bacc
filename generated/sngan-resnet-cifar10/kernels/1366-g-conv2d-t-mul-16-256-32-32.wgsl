// g: conv2d_t + mul -> [16, 256, 32, 32]
// fuses: mul x2, conv2d_t, sub, cmplt, add; spec line 98

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_5_gamma = 4272384u;
const G_5_beta = 4272640u;
const G_7_weight = 4273408u;
const t_mul_2 = 1244692u;
const t_G_5_batchnorm_mul = 5376000u;
const t_mul = 23201792u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 4096u + wg.x) * 64u + li;
  if (i >= 262144u) { return; }

  let xo = i % 32u; let yo = (i / 32u) % 32u; let co0 = ((i / 1024u) % 16u) * 16u;
  let n = i / 16384u;
  let at = ((n * 256u + co0) * 32u + yo) * 32u + xo;
  var acc0 = 0.0; var acc1 = 0.0; var acc2 = 0.0; var acc3 = 0.0; var acc4 = 0.0; var acc5 = 0.0; var acc6 = 0.0; var acc7 = 0.0; var acc8 = 0.0; var acc9 = 0.0; var acc10 = 0.0; var acc11 = 0.0; var acc12 = 0.0; var acc13 = 0.0; var acc14 = 0.0; var acc15 = 0.0;
  for (var ti = 0u; ti < 3u; ti++) {
    let py = i32(yo) + 1 - i32(ti);
    if (py < 0 || py % 1 != 0 || py / 1 >= 32) { continue; }
    let p = u32(py / 1);
    for (var tj = 0u; tj < 3u; tj++) {
      let qx = i32(xo) + 1 - i32(tj);
      if (qx < 0 || qx % 1 != 0 || qx / 1 >= 32) { continue; }
      let q = u32(qx / 1);
      for (var ci = 0u; ci < 3u; ci++) {

        acc0 = fma(temp[t_mul_2 + (((n * 3u + ci) * 32u + p) * 32u + q)], state[G_7_weight + (((ci * 256u + min(co0 + 0u, 255u)) * 3u + ti) * 3u + tj)], acc0); acc1 = fma(temp[t_mul_2 + (((n * 3u + ci) * 32u + p) * 32u + q)], state[G_7_weight + (((ci * 256u + min(co0 + 1u, 255u)) * 3u + ti) * 3u + tj)], acc1); acc2 = fma(temp[t_mul_2 + (((n * 3u + ci) * 32u + p) * 32u + q)], state[G_7_weight + (((ci * 256u + min(co0 + 2u, 255u)) * 3u + ti) * 3u + tj)], acc2); acc3 = fma(temp[t_mul_2 + (((n * 3u + ci) * 32u + p) * 32u + q)], state[G_7_weight + (((ci * 256u + min(co0 + 3u, 255u)) * 3u + ti) * 3u + tj)], acc3); acc4 = fma(temp[t_mul_2 + (((n * 3u + ci) * 32u + p) * 32u + q)], state[G_7_weight + (((ci * 256u + min(co0 + 4u, 255u)) * 3u + ti) * 3u + tj)], acc4); acc5 = fma(temp[t_mul_2 + (((n * 3u + ci) * 32u + p) * 32u + q)], state[G_7_weight + (((ci * 256u + min(co0 + 5u, 255u)) * 3u + ti) * 3u + tj)], acc5); acc6 = fma(temp[t_mul_2 + (((n * 3u + ci) * 32u + p) * 32u + q)], state[G_7_weight + (((ci * 256u + min(co0 + 6u, 255u)) * 3u + ti) * 3u + tj)], acc6); acc7 = fma(temp[t_mul_2 + (((n * 3u + ci) * 32u + p) * 32u + q)], state[G_7_weight + (((ci * 256u + min(co0 + 7u, 255u)) * 3u + ti) * 3u + tj)], acc7); acc8 = fma(temp[t_mul_2 + (((n * 3u + ci) * 32u + p) * 32u + q)], state[G_7_weight + (((ci * 256u + min(co0 + 8u, 255u)) * 3u + ti) * 3u + tj)], acc8); acc9 = fma(temp[t_mul_2 + (((n * 3u + ci) * 32u + p) * 32u + q)], state[G_7_weight + (((ci * 256u + min(co0 + 9u, 255u)) * 3u + ti) * 3u + tj)], acc9); acc10 = fma(temp[t_mul_2 + (((n * 3u + ci) * 32u + p) * 32u + q)], state[G_7_weight + (((ci * 256u + min(co0 + 10u, 255u)) * 3u + ti) * 3u + tj)], acc10); acc11 = fma(temp[t_mul_2 + (((n * 3u + ci) * 32u + p) * 32u + q)], state[G_7_weight + (((ci * 256u + min(co0 + 11u, 255u)) * 3u + ti) * 3u + tj)], acc11); acc12 = fma(temp[t_mul_2 + (((n * 3u + ci) * 32u + p) * 32u + q)], state[G_7_weight + (((ci * 256u + min(co0 + 12u, 255u)) * 3u + ti) * 3u + tj)], acc12); acc13 = fma(temp[t_mul_2 + (((n * 3u + ci) * 32u + p) * 32u + q)], state[G_7_weight + (((ci * 256u + min(co0 + 13u, 255u)) * 3u + ti) * 3u + tj)], acc13); acc14 = fma(temp[t_mul_2 + (((n * 3u + ci) * 32u + p) * 32u + q)], state[G_7_weight + (((ci * 256u + min(co0 + 14u, 255u)) * 3u + ti) * 3u + tj)], acc14); acc15 = fma(temp[t_mul_2 + (((n * 3u + ci) * 32u + p) * 32u + q)], state[G_7_weight + (((ci * 256u + min(co0 + 15u, 255u)) * 3u + ti) * 3u + tj)], acc15);
      }
    }
  }
  if (co0 + 0u < 256u) {
    let o0 = at + 0u;
    let v0 = temp[t_G_5_batchnorm_mul + (o0)] * state[G_5_gamma + ((((o0 / 1024u) % 256u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o0 / 1024u) % 256u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc0 * v3;
    temp[t_mul + o0] = v4;
  }
  if (co0 + 1u < 256u) {
    let o1 = at + 1024u;
    let v0 = temp[t_G_5_batchnorm_mul + (o1)] * state[G_5_gamma + ((((o1 / 1024u) % 256u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o1 / 1024u) % 256u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc1 * v3;
    temp[t_mul + o1] = v4;
  }
  if (co0 + 2u < 256u) {
    let o2 = at + 2048u;
    let v0 = temp[t_G_5_batchnorm_mul + (o2)] * state[G_5_gamma + ((((o2 / 1024u) % 256u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o2 / 1024u) % 256u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc2 * v3;
    temp[t_mul + o2] = v4;
  }
  if (co0 + 3u < 256u) {
    let o3 = at + 3072u;
    let v0 = temp[t_G_5_batchnorm_mul + (o3)] * state[G_5_gamma + ((((o3 / 1024u) % 256u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o3 / 1024u) % 256u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc3 * v3;
    temp[t_mul + o3] = v4;
  }
  if (co0 + 4u < 256u) {
    let o4 = at + 4096u;
    let v0 = temp[t_G_5_batchnorm_mul + (o4)] * state[G_5_gamma + ((((o4 / 1024u) % 256u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o4 / 1024u) % 256u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc4 * v3;
    temp[t_mul + o4] = v4;
  }
  if (co0 + 5u < 256u) {
    let o5 = at + 5120u;
    let v0 = temp[t_G_5_batchnorm_mul + (o5)] * state[G_5_gamma + ((((o5 / 1024u) % 256u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o5 / 1024u) % 256u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc5 * v3;
    temp[t_mul + o5] = v4;
  }
  if (co0 + 6u < 256u) {
    let o6 = at + 6144u;
    let v0 = temp[t_G_5_batchnorm_mul + (o6)] * state[G_5_gamma + ((((o6 / 1024u) % 256u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o6 / 1024u) % 256u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc6 * v3;
    temp[t_mul + o6] = v4;
  }
  if (co0 + 7u < 256u) {
    let o7 = at + 7168u;
    let v0 = temp[t_G_5_batchnorm_mul + (o7)] * state[G_5_gamma + ((((o7 / 1024u) % 256u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o7 / 1024u) % 256u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc7 * v3;
    temp[t_mul + o7] = v4;
  }
  if (co0 + 8u < 256u) {
    let o8 = at + 8192u;
    let v0 = temp[t_G_5_batchnorm_mul + (o8)] * state[G_5_gamma + ((((o8 / 1024u) % 256u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o8 / 1024u) % 256u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc8 * v3;
    temp[t_mul + o8] = v4;
  }
  if (co0 + 9u < 256u) {
    let o9 = at + 9216u;
    let v0 = temp[t_G_5_batchnorm_mul + (o9)] * state[G_5_gamma + ((((o9 / 1024u) % 256u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o9 / 1024u) % 256u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc9 * v3;
    temp[t_mul + o9] = v4;
  }
  if (co0 + 10u < 256u) {
    let o10 = at + 10240u;
    let v0 = temp[t_G_5_batchnorm_mul + (o10)] * state[G_5_gamma + ((((o10 / 1024u) % 256u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o10 / 1024u) % 256u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc10 * v3;
    temp[t_mul + o10] = v4;
  }
  if (co0 + 11u < 256u) {
    let o11 = at + 11264u;
    let v0 = temp[t_G_5_batchnorm_mul + (o11)] * state[G_5_gamma + ((((o11 / 1024u) % 256u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o11 / 1024u) % 256u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc11 * v3;
    temp[t_mul + o11] = v4;
  }
  if (co0 + 12u < 256u) {
    let o12 = at + 12288u;
    let v0 = temp[t_G_5_batchnorm_mul + (o12)] * state[G_5_gamma + ((((o12 / 1024u) % 256u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o12 / 1024u) % 256u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc12 * v3;
    temp[t_mul + o12] = v4;
  }
  if (co0 + 13u < 256u) {
    let o13 = at + 13312u;
    let v0 = temp[t_G_5_batchnorm_mul + (o13)] * state[G_5_gamma + ((((o13 / 1024u) % 256u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o13 / 1024u) % 256u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc13 * v3;
    temp[t_mul + o13] = v4;
  }
  if (co0 + 14u < 256u) {
    let o14 = at + 14336u;
    let v0 = temp[t_G_5_batchnorm_mul + (o14)] * state[G_5_gamma + ((((o14 / 1024u) % 256u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o14 / 1024u) % 256u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc14 * v3;
    temp[t_mul + o14] = v4;
  }
  if (co0 + 15u < 256u) {
    let o15 = at + 15360u;
    let v0 = temp[t_G_5_batchnorm_mul + (o15)] * state[G_5_gamma + ((((o15 / 1024u) % 256u) * 1u))];
    let v1 = v0 + state[G_5_beta + ((((o15 / 1024u) % 256u) * 1u))];
    let v2 = select(0.0, 1.0, v1 < 0.0);
    let v3 = 1.0 - v2;
    let v4 = acc15 * v3;
    temp[t_mul + o15] = v4;
  }
}
