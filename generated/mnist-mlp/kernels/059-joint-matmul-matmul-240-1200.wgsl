// joint: matmul + matmul -> [240, 1200]
// fuses: matmul, permute, mul x3, cmplt, random, cmpeq; spec line 40

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

fn mulhi(a: u32, b: u32) -> u32 {
  let al = a & 0xffffu; let ah = a >> 16u; let bl = b & 0xffffu; let bh = b >> 16u;
  let t = al * bl;
  let m1 = ah * bl + (t >> 16u);
  let m2 = al * bh + (m1 & 0xffffu);
  return ah * bh + (m1 >> 16u) + (m2 >> 16u);
}
fn philox(c_in: vec4<u32>, k_in: vec2<u32>) -> vec4<u32> {
  var c = c_in; var k = k_in;
  for (var r = 0u; r < 10u; r++) {
    if (r > 0u) { k = k + vec2<u32>(0x9e3779b9u, 0xbb67ae85u); }
    let hi0 = mulhi(0xd2511f53u, c.x); let lo0 = 0xd2511f53u * c.x;
    let hi1 = mulhi(0xcd9e8d57u, c.z); let lo1 = 0xcd9e8d57u * c.z;
    c = vec4<u32>(hi1 ^ c.y ^ k.x, lo1, hi0 ^ c.w ^ k.y, lo0);
  }
  return c;
}
fn unit(w: u32) -> f32 { return f32(w >> 8u) * 5.9604644775390625e-8; }
fn rand_uniform(stream: u32, draw: u32, i: u32) -> f32 {
  let w = philox(vec4<u32>(i / 4u, clock[2], draw, 0u), vec2<u32>(clock[3], stream));
  return unit(w[i % 4u]);
}
fn rand_normal(stream: u32, draw: u32, i: u32) -> f32 {
  let w = philox(vec4<u32>(i / 2u, clock[2], draw, 0u), vec2<u32>(clock[3], stream));
  let j = (i % 2u) * 2u;
  let u1 = 1.0 - unit(w[j]);
  let u2 = unit(w[j + 1u]);
  return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}

@compute @workgroup_size(8, 8)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let row0 = gid.y * 8u;
  let col0 = gid.x * 8u;
  if (row0 >= 240u || col0 >= 1200u) { return; }
  var acc0_0 = 0.0;
  var acc0_1 = 0.0;
  var acc0_2 = 0.0;
  var acc0_3 = 0.0;
  var acc0_4 = 0.0;
  var acc0_5 = 0.0;
  var acc0_6 = 0.0;
  var acc0_7 = 0.0;
  var acc1_0 = 0.0;
  var acc1_1 = 0.0;
  var acc1_2 = 0.0;
  var acc1_3 = 0.0;
  var acc1_4 = 0.0;
  var acc1_5 = 0.0;
  var acc1_6 = 0.0;
  var acc1_7 = 0.0;
  var acc2_0 = 0.0;
  var acc2_1 = 0.0;
  var acc2_2 = 0.0;
  var acc2_3 = 0.0;
  var acc2_4 = 0.0;
  var acc2_5 = 0.0;
  var acc2_6 = 0.0;
  var acc2_7 = 0.0;
  var acc3_0 = 0.0;
  var acc3_1 = 0.0;
  var acc3_2 = 0.0;
  var acc3_3 = 0.0;
  var acc3_4 = 0.0;
  var acc3_5 = 0.0;
  var acc3_6 = 0.0;
  var acc3_7 = 0.0;
  var acc4_0 = 0.0;
  var acc4_1 = 0.0;
  var acc4_2 = 0.0;
  var acc4_3 = 0.0;
  var acc4_4 = 0.0;
  var acc4_5 = 0.0;
  var acc4_6 = 0.0;
  var acc4_7 = 0.0;
  var acc5_0 = 0.0;
  var acc5_1 = 0.0;
  var acc5_2 = 0.0;
  var acc5_3 = 0.0;
  var acc5_4 = 0.0;
  var acc5_5 = 0.0;
  var acc5_6 = 0.0;
  var acc5_7 = 0.0;
  var acc6_0 = 0.0;
  var acc6_1 = 0.0;
  var acc6_2 = 0.0;
  var acc6_3 = 0.0;
  var acc6_4 = 0.0;
  var acc6_5 = 0.0;
  var acc6_6 = 0.0;
  var acc6_7 = 0.0;
  var acc7_0 = 0.0;
  var acc7_1 = 0.0;
  var acc7_2 = 0.0;
  var acc7_3 = 0.0;
  var acc7_4 = 0.0;
  var acc7_5 = 0.0;
  var acc7_6 = 0.0;
  var acc7_7 = 0.0;
  for (var k = 0u; k < 100u; k++) {
    let v0 = rand_uniform(8215u, 0u, (((((row0 + 0u) * 100u + k) / 100u) % 240u) * 1u + (((row0 + 0u) * 100u + k) % 100u) * 240u));
    let v1 = select(0.0, 1.0, v0 < 0.500000000);
    let v2 = v1 * 2.0;
    let v3 = temp[516800u + ((((((row0 + 0u) * 100u + k) / 100u) % 240u) * 1u + (((row0 + 0u) * 100u + k) % 100u) * 240u))] * v2;
    let v4 = rand_uniform(8215u, 0u, (((((row0 + 1u) * 100u + k) / 100u) % 240u) * 1u + (((row0 + 1u) * 100u + k) % 100u) * 240u));
    let v5 = select(0.0, 1.0, v4 < 0.500000000);
    let v6 = v5 * 2.0;
    let v7 = temp[516800u + ((((((row0 + 1u) * 100u + k) / 100u) % 240u) * 1u + (((row0 + 1u) * 100u + k) % 100u) * 240u))] * v6;
    let v8 = rand_uniform(8215u, 0u, (((((row0 + 2u) * 100u + k) / 100u) % 240u) * 1u + (((row0 + 2u) * 100u + k) % 100u) * 240u));
    let v9 = select(0.0, 1.0, v8 < 0.500000000);
    let v10 = v9 * 2.0;
    let v11 = temp[516800u + ((((((row0 + 2u) * 100u + k) / 100u) % 240u) * 1u + (((row0 + 2u) * 100u + k) % 100u) * 240u))] * v10;
    let v12 = rand_uniform(8215u, 0u, (((((row0 + 3u) * 100u + k) / 100u) % 240u) * 1u + (((row0 + 3u) * 100u + k) % 100u) * 240u));
    let v13 = select(0.0, 1.0, v12 < 0.500000000);
    let v14 = v13 * 2.0;
    let v15 = temp[516800u + ((((((row0 + 3u) * 100u + k) / 100u) % 240u) * 1u + (((row0 + 3u) * 100u + k) % 100u) * 240u))] * v14;
    let v16 = rand_uniform(8215u, 0u, (((((row0 + 4u) * 100u + k) / 100u) % 240u) * 1u + (((row0 + 4u) * 100u + k) % 100u) * 240u));
    let v17 = select(0.0, 1.0, v16 < 0.500000000);
    let v18 = v17 * 2.0;
    let v19 = temp[516800u + ((((((row0 + 4u) * 100u + k) / 100u) % 240u) * 1u + (((row0 + 4u) * 100u + k) % 100u) * 240u))] * v18;
    let v20 = rand_uniform(8215u, 0u, (((((row0 + 5u) * 100u + k) / 100u) % 240u) * 1u + (((row0 + 5u) * 100u + k) % 100u) * 240u));
    let v21 = select(0.0, 1.0, v20 < 0.500000000);
    let v22 = v21 * 2.0;
    let v23 = temp[516800u + ((((((row0 + 5u) * 100u + k) / 100u) % 240u) * 1u + (((row0 + 5u) * 100u + k) % 100u) * 240u))] * v22;
    let v24 = rand_uniform(8215u, 0u, (((((row0 + 6u) * 100u + k) / 100u) % 240u) * 1u + (((row0 + 6u) * 100u + k) % 100u) * 240u));
    let v25 = select(0.0, 1.0, v24 < 0.500000000);
    let v26 = v25 * 2.0;
    let v27 = temp[516800u + ((((((row0 + 6u) * 100u + k) / 100u) % 240u) * 1u + (((row0 + 6u) * 100u + k) % 100u) * 240u))] * v26;
    let v28 = rand_uniform(8215u, 0u, (((((row0 + 7u) * 100u + k) / 100u) % 240u) * 1u + (((row0 + 7u) * 100u + k) % 100u) * 240u));
    let v29 = select(0.0, 1.0, v28 < 0.500000000);
    let v30 = v29 * 2.0;
    let v31 = temp[516800u + ((((((row0 + 7u) * 100u + k) / 100u) % 240u) * 1u + (((row0 + 7u) * 100u + k) % 100u) * 240u))] * v30;
    let v32 = select(0.0, 1.0, temp[540800u + (k * 1200u + col0 + 0u)] == temp[660800u + (((((k * 1200u + col0 + 0u) / 1200u) % 100u) * 240u + (((k * 1200u + col0 + 0u) / 5u) % 240u) * 1u))]);
    let v33 = v32 * temp[224800u + (((((k * 1200u + col0 + 0u) / 1200u) % 100u) * 240u + (((k * 1200u + col0 + 0u) / 5u) % 240u) * 1u))];
    let v34 = select(0.0, 1.0, temp[540800u + (k * 1200u + col0 + 1u)] == temp[660800u + (((((k * 1200u + col0 + 1u) / 1200u) % 100u) * 240u + (((k * 1200u + col0 + 1u) / 5u) % 240u) * 1u))]);
    let v35 = v34 * temp[224800u + (((((k * 1200u + col0 + 1u) / 1200u) % 100u) * 240u + (((k * 1200u + col0 + 1u) / 5u) % 240u) * 1u))];
    let v36 = select(0.0, 1.0, temp[540800u + (k * 1200u + col0 + 2u)] == temp[660800u + (((((k * 1200u + col0 + 2u) / 1200u) % 100u) * 240u + (((k * 1200u + col0 + 2u) / 5u) % 240u) * 1u))]);
    let v37 = v36 * temp[224800u + (((((k * 1200u + col0 + 2u) / 1200u) % 100u) * 240u + (((k * 1200u + col0 + 2u) / 5u) % 240u) * 1u))];
    let v38 = select(0.0, 1.0, temp[540800u + (k * 1200u + col0 + 3u)] == temp[660800u + (((((k * 1200u + col0 + 3u) / 1200u) % 100u) * 240u + (((k * 1200u + col0 + 3u) / 5u) % 240u) * 1u))]);
    let v39 = v38 * temp[224800u + (((((k * 1200u + col0 + 3u) / 1200u) % 100u) * 240u + (((k * 1200u + col0 + 3u) / 5u) % 240u) * 1u))];
    let v40 = select(0.0, 1.0, temp[540800u + (k * 1200u + col0 + 4u)] == temp[660800u + (((((k * 1200u + col0 + 4u) / 1200u) % 100u) * 240u + (((k * 1200u + col0 + 4u) / 5u) % 240u) * 1u))]);
    let v41 = v40 * temp[224800u + (((((k * 1200u + col0 + 4u) / 1200u) % 100u) * 240u + (((k * 1200u + col0 + 4u) / 5u) % 240u) * 1u))];
    let v42 = select(0.0, 1.0, temp[540800u + (k * 1200u + col0 + 5u)] == temp[660800u + (((((k * 1200u + col0 + 5u) / 1200u) % 100u) * 240u + (((k * 1200u + col0 + 5u) / 5u) % 240u) * 1u))]);
    let v43 = v42 * temp[224800u + (((((k * 1200u + col0 + 5u) / 1200u) % 100u) * 240u + (((k * 1200u + col0 + 5u) / 5u) % 240u) * 1u))];
    let v44 = select(0.0, 1.0, temp[540800u + (k * 1200u + col0 + 6u)] == temp[660800u + (((((k * 1200u + col0 + 6u) / 1200u) % 100u) * 240u + (((k * 1200u + col0 + 6u) / 5u) % 240u) * 1u))]);
    let v45 = v44 * temp[224800u + (((((k * 1200u + col0 + 6u) / 1200u) % 100u) * 240u + (((k * 1200u + col0 + 6u) / 5u) % 240u) * 1u))];
    let v46 = select(0.0, 1.0, temp[540800u + (k * 1200u + col0 + 7u)] == temp[660800u + (((((k * 1200u + col0 + 7u) / 1200u) % 100u) * 240u + (((k * 1200u + col0 + 7u) / 5u) % 240u) * 1u))]);
    let v47 = v46 * temp[224800u + (((((k * 1200u + col0 + 7u) / 1200u) % 100u) * 240u + (((k * 1200u + col0 + 7u) / 5u) % 240u) * 1u))];
    let a0 = select(0.0, v3, row0 + 0u < 240u);
    let a1 = select(0.0, v7, row0 + 1u < 240u);
    let a2 = select(0.0, v11, row0 + 2u < 240u);
    let a3 = select(0.0, v15, row0 + 3u < 240u);
    let a4 = select(0.0, v19, row0 + 4u < 240u);
    let a5 = select(0.0, v23, row0 + 5u < 240u);
    let a6 = select(0.0, v27, row0 + 6u < 240u);
    let a7 = select(0.0, v31, row0 + 7u < 240u);
    let b0 = select(0.0, v33, col0 + 0u < 1200u);
    let b1 = select(0.0, v35, col0 + 1u < 1200u);
    let b2 = select(0.0, v37, col0 + 2u < 1200u);
    let b3 = select(0.0, v39, col0 + 3u < 1200u);
    let b4 = select(0.0, v41, col0 + 4u < 1200u);
    let b5 = select(0.0, v43, col0 + 5u < 1200u);
    let b6 = select(0.0, v45, col0 + 6u < 1200u);
    let b7 = select(0.0, v47, col0 + 7u < 1200u);
    acc0_0 = fma(a0, b0, acc0_0);
    acc0_1 = fma(a0, b1, acc0_1);
    acc0_2 = fma(a0, b2, acc0_2);
    acc0_3 = fma(a0, b3, acc0_3);
    acc0_4 = fma(a0, b4, acc0_4);
    acc0_5 = fma(a0, b5, acc0_5);
    acc0_6 = fma(a0, b6, acc0_6);
    acc0_7 = fma(a0, b7, acc0_7);
    acc1_0 = fma(a1, b0, acc1_0);
    acc1_1 = fma(a1, b1, acc1_1);
    acc1_2 = fma(a1, b2, acc1_2);
    acc1_3 = fma(a1, b3, acc1_3);
    acc1_4 = fma(a1, b4, acc1_4);
    acc1_5 = fma(a1, b5, acc1_5);
    acc1_6 = fma(a1, b6, acc1_6);
    acc1_7 = fma(a1, b7, acc1_7);
    acc2_0 = fma(a2, b0, acc2_0);
    acc2_1 = fma(a2, b1, acc2_1);
    acc2_2 = fma(a2, b2, acc2_2);
    acc2_3 = fma(a2, b3, acc2_3);
    acc2_4 = fma(a2, b4, acc2_4);
    acc2_5 = fma(a2, b5, acc2_5);
    acc2_6 = fma(a2, b6, acc2_6);
    acc2_7 = fma(a2, b7, acc2_7);
    acc3_0 = fma(a3, b0, acc3_0);
    acc3_1 = fma(a3, b1, acc3_1);
    acc3_2 = fma(a3, b2, acc3_2);
    acc3_3 = fma(a3, b3, acc3_3);
    acc3_4 = fma(a3, b4, acc3_4);
    acc3_5 = fma(a3, b5, acc3_5);
    acc3_6 = fma(a3, b6, acc3_6);
    acc3_7 = fma(a3, b7, acc3_7);
    acc4_0 = fma(a4, b0, acc4_0);
    acc4_1 = fma(a4, b1, acc4_1);
    acc4_2 = fma(a4, b2, acc4_2);
    acc4_3 = fma(a4, b3, acc4_3);
    acc4_4 = fma(a4, b4, acc4_4);
    acc4_5 = fma(a4, b5, acc4_5);
    acc4_6 = fma(a4, b6, acc4_6);
    acc4_7 = fma(a4, b7, acc4_7);
    acc5_0 = fma(a5, b0, acc5_0);
    acc5_1 = fma(a5, b1, acc5_1);
    acc5_2 = fma(a5, b2, acc5_2);
    acc5_3 = fma(a5, b3, acc5_3);
    acc5_4 = fma(a5, b4, acc5_4);
    acc5_5 = fma(a5, b5, acc5_5);
    acc5_6 = fma(a5, b6, acc5_6);
    acc5_7 = fma(a5, b7, acc5_7);
    acc6_0 = fma(a6, b0, acc6_0);
    acc6_1 = fma(a6, b1, acc6_1);
    acc6_2 = fma(a6, b2, acc6_2);
    acc6_3 = fma(a6, b3, acc6_3);
    acc6_4 = fma(a6, b4, acc6_4);
    acc6_5 = fma(a6, b5, acc6_5);
    acc6_6 = fma(a6, b6, acc6_6);
    acc6_7 = fma(a6, b7, acc6_7);
    acc7_0 = fma(a7, b0, acc7_0);
    acc7_1 = fma(a7, b1, acc7_1);
    acc7_2 = fma(a7, b2, acc7_2);
    acc7_3 = fma(a7, b3, acc7_3);
    acc7_4 = fma(a7, b4, acc7_4);
    acc7_5 = fma(a7, b5, acc7_5);
    acc7_6 = fma(a7, b6, acc7_6);
    acc7_7 = fma(a7, b7, acc7_7);
  }
  if (row0 + 0u < 240u && col0 + 0u < 1200u) {
    let o = (row0 + 0u) * 1200u + col0 + 0u;

    temp[5932900u + o] = acc0_0;
  }
  if (row0 + 0u < 240u && col0 + 1u < 1200u) {
    let o = (row0 + 0u) * 1200u + col0 + 1u;

    temp[5932900u + o] = acc0_1;
  }
  if (row0 + 0u < 240u && col0 + 2u < 1200u) {
    let o = (row0 + 0u) * 1200u + col0 + 2u;

    temp[5932900u + o] = acc0_2;
  }
  if (row0 + 0u < 240u && col0 + 3u < 1200u) {
    let o = (row0 + 0u) * 1200u + col0 + 3u;

    temp[5932900u + o] = acc0_3;
  }
  if (row0 + 0u < 240u && col0 + 4u < 1200u) {
    let o = (row0 + 0u) * 1200u + col0 + 4u;

    temp[5932900u + o] = acc0_4;
  }
  if (row0 + 0u < 240u && col0 + 5u < 1200u) {
    let o = (row0 + 0u) * 1200u + col0 + 5u;

    temp[5932900u + o] = acc0_5;
  }
  if (row0 + 0u < 240u && col0 + 6u < 1200u) {
    let o = (row0 + 0u) * 1200u + col0 + 6u;

    temp[5932900u + o] = acc0_6;
  }
  if (row0 + 0u < 240u && col0 + 7u < 1200u) {
    let o = (row0 + 0u) * 1200u + col0 + 7u;

    temp[5932900u + o] = acc0_7;
  }
  if (row0 + 1u < 240u && col0 + 0u < 1200u) {
    let o = (row0 + 1u) * 1200u + col0 + 0u;

    temp[5932900u + o] = acc1_0;
  }
  if (row0 + 1u < 240u && col0 + 1u < 1200u) {
    let o = (row0 + 1u) * 1200u + col0 + 1u;

    temp[5932900u + o] = acc1_1;
  }
  if (row0 + 1u < 240u && col0 + 2u < 1200u) {
    let o = (row0 + 1u) * 1200u + col0 + 2u;

    temp[5932900u + o] = acc1_2;
  }
  if (row0 + 1u < 240u && col0 + 3u < 1200u) {
    let o = (row0 + 1u) * 1200u + col0 + 3u;

    temp[5932900u + o] = acc1_3;
  }
  if (row0 + 1u < 240u && col0 + 4u < 1200u) {
    let o = (row0 + 1u) * 1200u + col0 + 4u;

    temp[5932900u + o] = acc1_4;
  }
  if (row0 + 1u < 240u && col0 + 5u < 1200u) {
    let o = (row0 + 1u) * 1200u + col0 + 5u;

    temp[5932900u + o] = acc1_5;
  }
  if (row0 + 1u < 240u && col0 + 6u < 1200u) {
    let o = (row0 + 1u) * 1200u + col0 + 6u;

    temp[5932900u + o] = acc1_6;
  }
  if (row0 + 1u < 240u && col0 + 7u < 1200u) {
    let o = (row0 + 1u) * 1200u + col0 + 7u;

    temp[5932900u + o] = acc1_7;
  }
  if (row0 + 2u < 240u && col0 + 0u < 1200u) {
    let o = (row0 + 2u) * 1200u + col0 + 0u;

    temp[5932900u + o] = acc2_0;
  }
  if (row0 + 2u < 240u && col0 + 1u < 1200u) {
    let o = (row0 + 2u) * 1200u + col0 + 1u;

    temp[5932900u + o] = acc2_1;
  }
  if (row0 + 2u < 240u && col0 + 2u < 1200u) {
    let o = (row0 + 2u) * 1200u + col0 + 2u;

    temp[5932900u + o] = acc2_2;
  }
  if (row0 + 2u < 240u && col0 + 3u < 1200u) {
    let o = (row0 + 2u) * 1200u + col0 + 3u;

    temp[5932900u + o] = acc2_3;
  }
  if (row0 + 2u < 240u && col0 + 4u < 1200u) {
    let o = (row0 + 2u) * 1200u + col0 + 4u;

    temp[5932900u + o] = acc2_4;
  }
  if (row0 + 2u < 240u && col0 + 5u < 1200u) {
    let o = (row0 + 2u) * 1200u + col0 + 5u;

    temp[5932900u + o] = acc2_5;
  }
  if (row0 + 2u < 240u && col0 + 6u < 1200u) {
    let o = (row0 + 2u) * 1200u + col0 + 6u;

    temp[5932900u + o] = acc2_6;
  }
  if (row0 + 2u < 240u && col0 + 7u < 1200u) {
    let o = (row0 + 2u) * 1200u + col0 + 7u;

    temp[5932900u + o] = acc2_7;
  }
  if (row0 + 3u < 240u && col0 + 0u < 1200u) {
    let o = (row0 + 3u) * 1200u + col0 + 0u;

    temp[5932900u + o] = acc3_0;
  }
  if (row0 + 3u < 240u && col0 + 1u < 1200u) {
    let o = (row0 + 3u) * 1200u + col0 + 1u;

    temp[5932900u + o] = acc3_1;
  }
  if (row0 + 3u < 240u && col0 + 2u < 1200u) {
    let o = (row0 + 3u) * 1200u + col0 + 2u;

    temp[5932900u + o] = acc3_2;
  }
  if (row0 + 3u < 240u && col0 + 3u < 1200u) {
    let o = (row0 + 3u) * 1200u + col0 + 3u;

    temp[5932900u + o] = acc3_3;
  }
  if (row0 + 3u < 240u && col0 + 4u < 1200u) {
    let o = (row0 + 3u) * 1200u + col0 + 4u;

    temp[5932900u + o] = acc3_4;
  }
  if (row0 + 3u < 240u && col0 + 5u < 1200u) {
    let o = (row0 + 3u) * 1200u + col0 + 5u;

    temp[5932900u + o] = acc3_5;
  }
  if (row0 + 3u < 240u && col0 + 6u < 1200u) {
    let o = (row0 + 3u) * 1200u + col0 + 6u;

    temp[5932900u + o] = acc3_6;
  }
  if (row0 + 3u < 240u && col0 + 7u < 1200u) {
    let o = (row0 + 3u) * 1200u + col0 + 7u;

    temp[5932900u + o] = acc3_7;
  }
  if (row0 + 4u < 240u && col0 + 0u < 1200u) {
    let o = (row0 + 4u) * 1200u + col0 + 0u;

    temp[5932900u + o] = acc4_0;
  }
  if (row0 + 4u < 240u && col0 + 1u < 1200u) {
    let o = (row0 + 4u) * 1200u + col0 + 1u;

    temp[5932900u + o] = acc4_1;
  }
  if (row0 + 4u < 240u && col0 + 2u < 1200u) {
    let o = (row0 + 4u) * 1200u + col0 + 2u;

    temp[5932900u + o] = acc4_2;
  }
  if (row0 + 4u < 240u && col0 + 3u < 1200u) {
    let o = (row0 + 4u) * 1200u + col0 + 3u;

    temp[5932900u + o] = acc4_3;
  }
  if (row0 + 4u < 240u && col0 + 4u < 1200u) {
    let o = (row0 + 4u) * 1200u + col0 + 4u;

    temp[5932900u + o] = acc4_4;
  }
  if (row0 + 4u < 240u && col0 + 5u < 1200u) {
    let o = (row0 + 4u) * 1200u + col0 + 5u;

    temp[5932900u + o] = acc4_5;
  }
  if (row0 + 4u < 240u && col0 + 6u < 1200u) {
    let o = (row0 + 4u) * 1200u + col0 + 6u;

    temp[5932900u + o] = acc4_6;
  }
  if (row0 + 4u < 240u && col0 + 7u < 1200u) {
    let o = (row0 + 4u) * 1200u + col0 + 7u;

    temp[5932900u + o] = acc4_7;
  }
  if (row0 + 5u < 240u && col0 + 0u < 1200u) {
    let o = (row0 + 5u) * 1200u + col0 + 0u;

    temp[5932900u + o] = acc5_0;
  }
  if (row0 + 5u < 240u && col0 + 1u < 1200u) {
    let o = (row0 + 5u) * 1200u + col0 + 1u;

    temp[5932900u + o] = acc5_1;
  }
  if (row0 + 5u < 240u && col0 + 2u < 1200u) {
    let o = (row0 + 5u) * 1200u + col0 + 2u;

    temp[5932900u + o] = acc5_2;
  }
  if (row0 + 5u < 240u && col0 + 3u < 1200u) {
    let o = (row0 + 5u) * 1200u + col0 + 3u;

    temp[5932900u + o] = acc5_3;
  }
  if (row0 + 5u < 240u && col0 + 4u < 1200u) {
    let o = (row0 + 5u) * 1200u + col0 + 4u;

    temp[5932900u + o] = acc5_4;
  }
  if (row0 + 5u < 240u && col0 + 5u < 1200u) {
    let o = (row0 + 5u) * 1200u + col0 + 5u;

    temp[5932900u + o] = acc5_5;
  }
  if (row0 + 5u < 240u && col0 + 6u < 1200u) {
    let o = (row0 + 5u) * 1200u + col0 + 6u;

    temp[5932900u + o] = acc5_6;
  }
  if (row0 + 5u < 240u && col0 + 7u < 1200u) {
    let o = (row0 + 5u) * 1200u + col0 + 7u;

    temp[5932900u + o] = acc5_7;
  }
  if (row0 + 6u < 240u && col0 + 0u < 1200u) {
    let o = (row0 + 6u) * 1200u + col0 + 0u;

    temp[5932900u + o] = acc6_0;
  }
  if (row0 + 6u < 240u && col0 + 1u < 1200u) {
    let o = (row0 + 6u) * 1200u + col0 + 1u;

    temp[5932900u + o] = acc6_1;
  }
  if (row0 + 6u < 240u && col0 + 2u < 1200u) {
    let o = (row0 + 6u) * 1200u + col0 + 2u;

    temp[5932900u + o] = acc6_2;
  }
  if (row0 + 6u < 240u && col0 + 3u < 1200u) {
    let o = (row0 + 6u) * 1200u + col0 + 3u;

    temp[5932900u + o] = acc6_3;
  }
  if (row0 + 6u < 240u && col0 + 4u < 1200u) {
    let o = (row0 + 6u) * 1200u + col0 + 4u;

    temp[5932900u + o] = acc6_4;
  }
  if (row0 + 6u < 240u && col0 + 5u < 1200u) {
    let o = (row0 + 6u) * 1200u + col0 + 5u;

    temp[5932900u + o] = acc6_5;
  }
  if (row0 + 6u < 240u && col0 + 6u < 1200u) {
    let o = (row0 + 6u) * 1200u + col0 + 6u;

    temp[5932900u + o] = acc6_6;
  }
  if (row0 + 6u < 240u && col0 + 7u < 1200u) {
    let o = (row0 + 6u) * 1200u + col0 + 7u;

    temp[5932900u + o] = acc6_7;
  }
  if (row0 + 7u < 240u && col0 + 0u < 1200u) {
    let o = (row0 + 7u) * 1200u + col0 + 0u;

    temp[5932900u + o] = acc7_0;
  }
  if (row0 + 7u < 240u && col0 + 1u < 1200u) {
    let o = (row0 + 7u) * 1200u + col0 + 1u;

    temp[5932900u + o] = acc7_1;
  }
  if (row0 + 7u < 240u && col0 + 2u < 1200u) {
    let o = (row0 + 7u) * 1200u + col0 + 2u;

    temp[5932900u + o] = acc7_2;
  }
  if (row0 + 7u < 240u && col0 + 3u < 1200u) {
    let o = (row0 + 7u) * 1200u + col0 + 3u;

    temp[5932900u + o] = acc7_3;
  }
  if (row0 + 7u < 240u && col0 + 4u < 1200u) {
    let o = (row0 + 7u) * 1200u + col0 + 4u;

    temp[5932900u + o] = acc7_4;
  }
  if (row0 + 7u < 240u && col0 + 5u < 1200u) {
    let o = (row0 + 7u) * 1200u + col0 + 5u;

    temp[5932900u + o] = acc7_5;
  }
  if (row0 + 7u < 240u && col0 + 6u < 1200u) {
    let o = (row0 + 7u) * 1200u + col0 + 6u;

    temp[5932900u + o] = acc7_6;
  }
  if (row0 + 7u < 240u && col0 + 7u < 1200u) {
    let o = (row0 + 7u) * 1200u + col0 + 7u;

    temp[5932900u + o] = acc7_7;
  }
}
