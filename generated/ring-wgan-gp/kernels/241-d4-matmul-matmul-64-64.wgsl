// d4: matmul + matmul -> [64, 64]
// fuses: matmul, permute

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_matmul = 10240u;
const t_penalty_mul = 91008u;
const t_mul = 107392u;

@compute @workgroup_size(8, 8)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let row0 = gid.y * 8u;
  let col0 = gid.x * 8u;
  if (row0 >= 64u || col0 >= 64u) { return; }

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
  for (var k = 0u; k < 128u; k++) {

    let a0 = select(0.0, temp[t_penalty_mul + ((((((row0 + 0u) * 128u + k) / 128u) % 64u) * 1u + (((row0 + 0u) * 128u + k) % 128u) * 64u))], row0 + 0u < 64u);
    let a1 = select(0.0, temp[t_penalty_mul + ((((((row0 + 1u) * 128u + k) / 128u) % 64u) * 1u + (((row0 + 1u) * 128u + k) % 128u) * 64u))], row0 + 1u < 64u);
    let a2 = select(0.0, temp[t_penalty_mul + ((((((row0 + 2u) * 128u + k) / 128u) % 64u) * 1u + (((row0 + 2u) * 128u + k) % 128u) * 64u))], row0 + 2u < 64u);
    let a3 = select(0.0, temp[t_penalty_mul + ((((((row0 + 3u) * 128u + k) / 128u) % 64u) * 1u + (((row0 + 3u) * 128u + k) % 128u) * 64u))], row0 + 3u < 64u);
    let a4 = select(0.0, temp[t_penalty_mul + ((((((row0 + 4u) * 128u + k) / 128u) % 64u) * 1u + (((row0 + 4u) * 128u + k) % 128u) * 64u))], row0 + 4u < 64u);
    let a5 = select(0.0, temp[t_penalty_mul + ((((((row0 + 5u) * 128u + k) / 128u) % 64u) * 1u + (((row0 + 5u) * 128u + k) % 128u) * 64u))], row0 + 5u < 64u);
    let a6 = select(0.0, temp[t_penalty_mul + ((((((row0 + 6u) * 128u + k) / 128u) % 64u) * 1u + (((row0 + 6u) * 128u + k) % 128u) * 64u))], row0 + 6u < 64u);
    let a7 = select(0.0, temp[t_penalty_mul + ((((((row0 + 7u) * 128u + k) / 128u) % 64u) * 1u + (((row0 + 7u) * 128u + k) % 128u) * 64u))], row0 + 7u < 64u);
    let b0 = select(0.0, temp[t_mul + (k * 64u + col0 + 0u)], col0 + 0u < 64u);
    let b1 = select(0.0, temp[t_mul + (k * 64u + col0 + 1u)], col0 + 1u < 64u);
    let b2 = select(0.0, temp[t_mul + (k * 64u + col0 + 2u)], col0 + 2u < 64u);
    let b3 = select(0.0, temp[t_mul + (k * 64u + col0 + 3u)], col0 + 3u < 64u);
    let b4 = select(0.0, temp[t_mul + (k * 64u + col0 + 4u)], col0 + 4u < 64u);
    let b5 = select(0.0, temp[t_mul + (k * 64u + col0 + 5u)], col0 + 5u < 64u);
    let b6 = select(0.0, temp[t_mul + (k * 64u + col0 + 6u)], col0 + 6u < 64u);
    let b7 = select(0.0, temp[t_mul + (k * 64u + col0 + 7u)], col0 + 7u < 64u);
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
  if (row0 + 0u < 64u && col0 + 0u < 64u) {
    let o = (row0 + 0u) * 64u + col0 + 0u;

    temp[t_matmul + o] = acc0_0;
  }
  if (row0 + 0u < 64u && col0 + 1u < 64u) {
    let o = (row0 + 0u) * 64u + col0 + 1u;

    temp[t_matmul + o] = acc0_1;
  }
  if (row0 + 0u < 64u && col0 + 2u < 64u) {
    let o = (row0 + 0u) * 64u + col0 + 2u;

    temp[t_matmul + o] = acc0_2;
  }
  if (row0 + 0u < 64u && col0 + 3u < 64u) {
    let o = (row0 + 0u) * 64u + col0 + 3u;

    temp[t_matmul + o] = acc0_3;
  }
  if (row0 + 0u < 64u && col0 + 4u < 64u) {
    let o = (row0 + 0u) * 64u + col0 + 4u;

    temp[t_matmul + o] = acc0_4;
  }
  if (row0 + 0u < 64u && col0 + 5u < 64u) {
    let o = (row0 + 0u) * 64u + col0 + 5u;

    temp[t_matmul + o] = acc0_5;
  }
  if (row0 + 0u < 64u && col0 + 6u < 64u) {
    let o = (row0 + 0u) * 64u + col0 + 6u;

    temp[t_matmul + o] = acc0_6;
  }
  if (row0 + 0u < 64u && col0 + 7u < 64u) {
    let o = (row0 + 0u) * 64u + col0 + 7u;

    temp[t_matmul + o] = acc0_7;
  }
  if (row0 + 1u < 64u && col0 + 0u < 64u) {
    let o = (row0 + 1u) * 64u + col0 + 0u;

    temp[t_matmul + o] = acc1_0;
  }
  if (row0 + 1u < 64u && col0 + 1u < 64u) {
    let o = (row0 + 1u) * 64u + col0 + 1u;

    temp[t_matmul + o] = acc1_1;
  }
  if (row0 + 1u < 64u && col0 + 2u < 64u) {
    let o = (row0 + 1u) * 64u + col0 + 2u;

    temp[t_matmul + o] = acc1_2;
  }
  if (row0 + 1u < 64u && col0 + 3u < 64u) {
    let o = (row0 + 1u) * 64u + col0 + 3u;

    temp[t_matmul + o] = acc1_3;
  }
  if (row0 + 1u < 64u && col0 + 4u < 64u) {
    let o = (row0 + 1u) * 64u + col0 + 4u;

    temp[t_matmul + o] = acc1_4;
  }
  if (row0 + 1u < 64u && col0 + 5u < 64u) {
    let o = (row0 + 1u) * 64u + col0 + 5u;

    temp[t_matmul + o] = acc1_5;
  }
  if (row0 + 1u < 64u && col0 + 6u < 64u) {
    let o = (row0 + 1u) * 64u + col0 + 6u;

    temp[t_matmul + o] = acc1_6;
  }
  if (row0 + 1u < 64u && col0 + 7u < 64u) {
    let o = (row0 + 1u) * 64u + col0 + 7u;

    temp[t_matmul + o] = acc1_7;
  }
  if (row0 + 2u < 64u && col0 + 0u < 64u) {
    let o = (row0 + 2u) * 64u + col0 + 0u;

    temp[t_matmul + o] = acc2_0;
  }
  if (row0 + 2u < 64u && col0 + 1u < 64u) {
    let o = (row0 + 2u) * 64u + col0 + 1u;

    temp[t_matmul + o] = acc2_1;
  }
  if (row0 + 2u < 64u && col0 + 2u < 64u) {
    let o = (row0 + 2u) * 64u + col0 + 2u;

    temp[t_matmul + o] = acc2_2;
  }
  if (row0 + 2u < 64u && col0 + 3u < 64u) {
    let o = (row0 + 2u) * 64u + col0 + 3u;

    temp[t_matmul + o] = acc2_3;
  }
  if (row0 + 2u < 64u && col0 + 4u < 64u) {
    let o = (row0 + 2u) * 64u + col0 + 4u;

    temp[t_matmul + o] = acc2_4;
  }
  if (row0 + 2u < 64u && col0 + 5u < 64u) {
    let o = (row0 + 2u) * 64u + col0 + 5u;

    temp[t_matmul + o] = acc2_5;
  }
  if (row0 + 2u < 64u && col0 + 6u < 64u) {
    let o = (row0 + 2u) * 64u + col0 + 6u;

    temp[t_matmul + o] = acc2_6;
  }
  if (row0 + 2u < 64u && col0 + 7u < 64u) {
    let o = (row0 + 2u) * 64u + col0 + 7u;

    temp[t_matmul + o] = acc2_7;
  }
  if (row0 + 3u < 64u && col0 + 0u < 64u) {
    let o = (row0 + 3u) * 64u + col0 + 0u;

    temp[t_matmul + o] = acc3_0;
  }
  if (row0 + 3u < 64u && col0 + 1u < 64u) {
    let o = (row0 + 3u) * 64u + col0 + 1u;

    temp[t_matmul + o] = acc3_1;
  }
  if (row0 + 3u < 64u && col0 + 2u < 64u) {
    let o = (row0 + 3u) * 64u + col0 + 2u;

    temp[t_matmul + o] = acc3_2;
  }
  if (row0 + 3u < 64u && col0 + 3u < 64u) {
    let o = (row0 + 3u) * 64u + col0 + 3u;

    temp[t_matmul + o] = acc3_3;
  }
  if (row0 + 3u < 64u && col0 + 4u < 64u) {
    let o = (row0 + 3u) * 64u + col0 + 4u;

    temp[t_matmul + o] = acc3_4;
  }
  if (row0 + 3u < 64u && col0 + 5u < 64u) {
    let o = (row0 + 3u) * 64u + col0 + 5u;

    temp[t_matmul + o] = acc3_5;
  }
  if (row0 + 3u < 64u && col0 + 6u < 64u) {
    let o = (row0 + 3u) * 64u + col0 + 6u;

    temp[t_matmul + o] = acc3_6;
  }
  if (row0 + 3u < 64u && col0 + 7u < 64u) {
    let o = (row0 + 3u) * 64u + col0 + 7u;

    temp[t_matmul + o] = acc3_7;
  }
  if (row0 + 4u < 64u && col0 + 0u < 64u) {
    let o = (row0 + 4u) * 64u + col0 + 0u;

    temp[t_matmul + o] = acc4_0;
  }
  if (row0 + 4u < 64u && col0 + 1u < 64u) {
    let o = (row0 + 4u) * 64u + col0 + 1u;

    temp[t_matmul + o] = acc4_1;
  }
  if (row0 + 4u < 64u && col0 + 2u < 64u) {
    let o = (row0 + 4u) * 64u + col0 + 2u;

    temp[t_matmul + o] = acc4_2;
  }
  if (row0 + 4u < 64u && col0 + 3u < 64u) {
    let o = (row0 + 4u) * 64u + col0 + 3u;

    temp[t_matmul + o] = acc4_3;
  }
  if (row0 + 4u < 64u && col0 + 4u < 64u) {
    let o = (row0 + 4u) * 64u + col0 + 4u;

    temp[t_matmul + o] = acc4_4;
  }
  if (row0 + 4u < 64u && col0 + 5u < 64u) {
    let o = (row0 + 4u) * 64u + col0 + 5u;

    temp[t_matmul + o] = acc4_5;
  }
  if (row0 + 4u < 64u && col0 + 6u < 64u) {
    let o = (row0 + 4u) * 64u + col0 + 6u;

    temp[t_matmul + o] = acc4_6;
  }
  if (row0 + 4u < 64u && col0 + 7u < 64u) {
    let o = (row0 + 4u) * 64u + col0 + 7u;

    temp[t_matmul + o] = acc4_7;
  }
  if (row0 + 5u < 64u && col0 + 0u < 64u) {
    let o = (row0 + 5u) * 64u + col0 + 0u;

    temp[t_matmul + o] = acc5_0;
  }
  if (row0 + 5u < 64u && col0 + 1u < 64u) {
    let o = (row0 + 5u) * 64u + col0 + 1u;

    temp[t_matmul + o] = acc5_1;
  }
  if (row0 + 5u < 64u && col0 + 2u < 64u) {
    let o = (row0 + 5u) * 64u + col0 + 2u;

    temp[t_matmul + o] = acc5_2;
  }
  if (row0 + 5u < 64u && col0 + 3u < 64u) {
    let o = (row0 + 5u) * 64u + col0 + 3u;

    temp[t_matmul + o] = acc5_3;
  }
  if (row0 + 5u < 64u && col0 + 4u < 64u) {
    let o = (row0 + 5u) * 64u + col0 + 4u;

    temp[t_matmul + o] = acc5_4;
  }
  if (row0 + 5u < 64u && col0 + 5u < 64u) {
    let o = (row0 + 5u) * 64u + col0 + 5u;

    temp[t_matmul + o] = acc5_5;
  }
  if (row0 + 5u < 64u && col0 + 6u < 64u) {
    let o = (row0 + 5u) * 64u + col0 + 6u;

    temp[t_matmul + o] = acc5_6;
  }
  if (row0 + 5u < 64u && col0 + 7u < 64u) {
    let o = (row0 + 5u) * 64u + col0 + 7u;

    temp[t_matmul + o] = acc5_7;
  }
  if (row0 + 6u < 64u && col0 + 0u < 64u) {
    let o = (row0 + 6u) * 64u + col0 + 0u;

    temp[t_matmul + o] = acc6_0;
  }
  if (row0 + 6u < 64u && col0 + 1u < 64u) {
    let o = (row0 + 6u) * 64u + col0 + 1u;

    temp[t_matmul + o] = acc6_1;
  }
  if (row0 + 6u < 64u && col0 + 2u < 64u) {
    let o = (row0 + 6u) * 64u + col0 + 2u;

    temp[t_matmul + o] = acc6_2;
  }
  if (row0 + 6u < 64u && col0 + 3u < 64u) {
    let o = (row0 + 6u) * 64u + col0 + 3u;

    temp[t_matmul + o] = acc6_3;
  }
  if (row0 + 6u < 64u && col0 + 4u < 64u) {
    let o = (row0 + 6u) * 64u + col0 + 4u;

    temp[t_matmul + o] = acc6_4;
  }
  if (row0 + 6u < 64u && col0 + 5u < 64u) {
    let o = (row0 + 6u) * 64u + col0 + 5u;

    temp[t_matmul + o] = acc6_5;
  }
  if (row0 + 6u < 64u && col0 + 6u < 64u) {
    let o = (row0 + 6u) * 64u + col0 + 6u;

    temp[t_matmul + o] = acc6_6;
  }
  if (row0 + 6u < 64u && col0 + 7u < 64u) {
    let o = (row0 + 6u) * 64u + col0 + 7u;

    temp[t_matmul + o] = acc6_7;
  }
  if (row0 + 7u < 64u && col0 + 0u < 64u) {
    let o = (row0 + 7u) * 64u + col0 + 0u;

    temp[t_matmul + o] = acc7_0;
  }
  if (row0 + 7u < 64u && col0 + 1u < 64u) {
    let o = (row0 + 7u) * 64u + col0 + 1u;

    temp[t_matmul + o] = acc7_1;
  }
  if (row0 + 7u < 64u && col0 + 2u < 64u) {
    let o = (row0 + 7u) * 64u + col0 + 2u;

    temp[t_matmul + o] = acc7_2;
  }
  if (row0 + 7u < 64u && col0 + 3u < 64u) {
    let o = (row0 + 7u) * 64u + col0 + 3u;

    temp[t_matmul + o] = acc7_3;
  }
  if (row0 + 7u < 64u && col0 + 4u < 64u) {
    let o = (row0 + 7u) * 64u + col0 + 4u;

    temp[t_matmul + o] = acc7_4;
  }
  if (row0 + 7u < 64u && col0 + 5u < 64u) {
    let o = (row0 + 7u) * 64u + col0 + 5u;

    temp[t_matmul + o] = acc7_5;
  }
  if (row0 + 7u < 64u && col0 + 6u < 64u) {
    let o = (row0 + 7u) * 64u + col0 + 6u;

    temp[t_matmul + o] = acc7_6;
  }
  if (row0 + 7u < 64u && col0 + 7u < 64u) {
    let o = (row0 + 7u) * 64u + col0 + 7u;

    temp[t_matmul + o] = acc7_7;
  }
}
