// d3: conv2d + conv2d -> [192, 64, 14, 14]
// fuses: conv2d

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_0_weight = 766404u;
const t_concat = 401664u;
const t_conv2d = 6077888u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2352u + wg.x) * 64u + li;
  if (i >= 150528u) { return; }

  let q = i % 14u; let p = (i / 14u) % 14u; let co0 = ((i / 196u) % 4u) * 16u;
  let n = i / 784u;
  let at = ((n * 64u + co0) * 14u + p) * 14u + q;
  var acc0 = 0.0; var acc1 = 0.0; var acc2 = 0.0; var acc3 = 0.0; var acc4 = 0.0; var acc5 = 0.0; var acc6 = 0.0; var acc7 = 0.0; var acc8 = 0.0; var acc9 = 0.0; var acc10 = 0.0; var acc11 = 0.0; var acc12 = 0.0; var acc13 = 0.0; var acc14 = 0.0; var acc15 = 0.0;
  for (var ci = 0u; ci < 1u; ci++) { for (var ti = 0u; ti < 5u; ti++) {
    let y = i32(p * 2u + ti) - 2;
    if (y < 0 || y >= 28) { continue; }
    for (var tj = 0u; tj < 5u; tj++) {
      let xx = i32(q * 2u + tj) - 2;
      if (xx < 0 || xx >= 28) { continue; }

      acc0 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[D_0_weight + (((min(co0 + 0u, 63u) * 1u + ci) * 5u + ti) * 5u + tj)], acc0); acc1 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[D_0_weight + (((min(co0 + 1u, 63u) * 1u + ci) * 5u + ti) * 5u + tj)], acc1); acc2 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[D_0_weight + (((min(co0 + 2u, 63u) * 1u + ci) * 5u + ti) * 5u + tj)], acc2); acc3 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[D_0_weight + (((min(co0 + 3u, 63u) * 1u + ci) * 5u + ti) * 5u + tj)], acc3); acc4 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[D_0_weight + (((min(co0 + 4u, 63u) * 1u + ci) * 5u + ti) * 5u + tj)], acc4); acc5 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[D_0_weight + (((min(co0 + 5u, 63u) * 1u + ci) * 5u + ti) * 5u + tj)], acc5); acc6 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[D_0_weight + (((min(co0 + 6u, 63u) * 1u + ci) * 5u + ti) * 5u + tj)], acc6); acc7 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[D_0_weight + (((min(co0 + 7u, 63u) * 1u + ci) * 5u + ti) * 5u + tj)], acc7); acc8 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[D_0_weight + (((min(co0 + 8u, 63u) * 1u + ci) * 5u + ti) * 5u + tj)], acc8); acc9 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[D_0_weight + (((min(co0 + 9u, 63u) * 1u + ci) * 5u + ti) * 5u + tj)], acc9); acc10 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[D_0_weight + (((min(co0 + 10u, 63u) * 1u + ci) * 5u + ti) * 5u + tj)], acc10); acc11 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[D_0_weight + (((min(co0 + 11u, 63u) * 1u + ci) * 5u + ti) * 5u + tj)], acc11); acc12 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[D_0_weight + (((min(co0 + 12u, 63u) * 1u + ci) * 5u + ti) * 5u + tj)], acc12); acc13 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[D_0_weight + (((min(co0 + 13u, 63u) * 1u + ci) * 5u + ti) * 5u + tj)], acc13); acc14 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[D_0_weight + (((min(co0 + 14u, 63u) * 1u + ci) * 5u + ti) * 5u + tj)], acc14); acc15 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[D_0_weight + (((min(co0 + 15u, 63u) * 1u + ci) * 5u + ti) * 5u + tj)], acc15);
    }
  } }
  if (co0 + 0u < 64u) {
    let o0 = at + 0u;

    temp[t_conv2d + o0] = acc0;
  }
  if (co0 + 1u < 64u) {
    let o1 = at + 196u;

    temp[t_conv2d + o1] = acc1;
  }
  if (co0 + 2u < 64u) {
    let o2 = at + 392u;

    temp[t_conv2d + o2] = acc2;
  }
  if (co0 + 3u < 64u) {
    let o3 = at + 588u;

    temp[t_conv2d + o3] = acc3;
  }
  if (co0 + 4u < 64u) {
    let o4 = at + 784u;

    temp[t_conv2d + o4] = acc4;
  }
  if (co0 + 5u < 64u) {
    let o5 = at + 980u;

    temp[t_conv2d + o5] = acc5;
  }
  if (co0 + 6u < 64u) {
    let o6 = at + 1176u;

    temp[t_conv2d + o6] = acc6;
  }
  if (co0 + 7u < 64u) {
    let o7 = at + 1372u;

    temp[t_conv2d + o7] = acc7;
  }
  if (co0 + 8u < 64u) {
    let o8 = at + 1568u;

    temp[t_conv2d + o8] = acc8;
  }
  if (co0 + 9u < 64u) {
    let o9 = at + 1764u;

    temp[t_conv2d + o9] = acc9;
  }
  if (co0 + 10u < 64u) {
    let o10 = at + 1960u;

    temp[t_conv2d + o10] = acc10;
  }
  if (co0 + 11u < 64u) {
    let o11 = at + 2156u;

    temp[t_conv2d + o11] = acc11;
  }
  if (co0 + 12u < 64u) {
    let o12 = at + 2352u;

    temp[t_conv2d + o12] = acc12;
  }
  if (co0 + 13u < 64u) {
    let o13 = at + 2548u;

    temp[t_conv2d + o13] = acc13;
  }
  if (co0 + 14u < 64u) {
    let o14 = at + 2744u;

    temp[t_conv2d + o14] = acc14;
  }
  if (co0 + 15u < 64u) {
    let o15 = at + 2940u;

    temp[t_conv2d + o15] = acc15;
  }
}
