// d0: conv2d + add -> [128, 64, 14, 14] (D.0 conv2d (line 33))
// fuses: add, conv2d, div; spec line 33

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_0_weight = 766404u;
const D_0_bias = 767492u;
const t_D_0_conv2d_reshape = 57484u;
const t_concat = 107876u;
const t_D_0_conv2d_add = 1268324u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1568u + wg.x) * 64u + li;
  if (i >= 100352u) { return; }
  let p0 = temp[t_D_0_conv2d_reshape + (0u)];
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
      let v0 = state[D_0_weight + (((min(co0 + 0u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)] / p0;
      let v1 = state[D_0_weight + (((min(co0 + 1u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)] / p0;
      let v2 = state[D_0_weight + (((min(co0 + 2u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)] / p0;
      let v3 = state[D_0_weight + (((min(co0 + 3u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)] / p0;
      let v4 = state[D_0_weight + (((min(co0 + 4u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)] / p0;
      let v5 = state[D_0_weight + (((min(co0 + 5u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)] / p0;
      let v6 = state[D_0_weight + (((min(co0 + 6u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)] / p0;
      let v7 = state[D_0_weight + (((min(co0 + 7u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)] / p0;
      let v8 = state[D_0_weight + (((min(co0 + 8u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)] / p0;
      let v9 = state[D_0_weight + (((min(co0 + 9u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)] / p0;
      let v10 = state[D_0_weight + (((min(co0 + 10u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)] / p0;
      let v11 = state[D_0_weight + (((min(co0 + 11u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)] / p0;
      let v12 = state[D_0_weight + (((min(co0 + 12u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)] / p0;
      let v13 = state[D_0_weight + (((min(co0 + 13u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)] / p0;
      let v14 = state[D_0_weight + (((min(co0 + 14u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)] / p0;
      let v15 = state[D_0_weight + (((min(co0 + 15u, 63u) * 1u + ci) * 4u + ti) * 4u + tj)] / p0;
      acc0 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], v0, acc0); acc1 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], v1, acc1); acc2 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], v2, acc2); acc3 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], v3, acc3); acc4 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], v4, acc4); acc5 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], v5, acc5); acc6 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], v6, acc6); acc7 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], v7, acc7); acc8 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], v8, acc8); acc9 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], v9, acc9); acc10 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], v10, acc10); acc11 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], v11, acc11); acc12 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], v12, acc12); acc13 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], v13, acc13); acc14 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], v14, acc14); acc15 = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], v15, acc15);
    }
  } }
  if (co0 + 0u < 64u) {
    let o0 = at + 0u;
    let v0 = acc0 + state[D_0_bias + ((((o0 / 196u) % 64u) * 1u))];
    temp[t_D_0_conv2d_add + o0] = v0;
  }
  if (co0 + 1u < 64u) {
    let o1 = at + 196u;
    let v0 = acc1 + state[D_0_bias + ((((o1 / 196u) % 64u) * 1u))];
    temp[t_D_0_conv2d_add + o1] = v0;
  }
  if (co0 + 2u < 64u) {
    let o2 = at + 392u;
    let v0 = acc2 + state[D_0_bias + ((((o2 / 196u) % 64u) * 1u))];
    temp[t_D_0_conv2d_add + o2] = v0;
  }
  if (co0 + 3u < 64u) {
    let o3 = at + 588u;
    let v0 = acc3 + state[D_0_bias + ((((o3 / 196u) % 64u) * 1u))];
    temp[t_D_0_conv2d_add + o3] = v0;
  }
  if (co0 + 4u < 64u) {
    let o4 = at + 784u;
    let v0 = acc4 + state[D_0_bias + ((((o4 / 196u) % 64u) * 1u))];
    temp[t_D_0_conv2d_add + o4] = v0;
  }
  if (co0 + 5u < 64u) {
    let o5 = at + 980u;
    let v0 = acc5 + state[D_0_bias + ((((o5 / 196u) % 64u) * 1u))];
    temp[t_D_0_conv2d_add + o5] = v0;
  }
  if (co0 + 6u < 64u) {
    let o6 = at + 1176u;
    let v0 = acc6 + state[D_0_bias + ((((o6 / 196u) % 64u) * 1u))];
    temp[t_D_0_conv2d_add + o6] = v0;
  }
  if (co0 + 7u < 64u) {
    let o7 = at + 1372u;
    let v0 = acc7 + state[D_0_bias + ((((o7 / 196u) % 64u) * 1u))];
    temp[t_D_0_conv2d_add + o7] = v0;
  }
  if (co0 + 8u < 64u) {
    let o8 = at + 1568u;
    let v0 = acc8 + state[D_0_bias + ((((o8 / 196u) % 64u) * 1u))];
    temp[t_D_0_conv2d_add + o8] = v0;
  }
  if (co0 + 9u < 64u) {
    let o9 = at + 1764u;
    let v0 = acc9 + state[D_0_bias + ((((o9 / 196u) % 64u) * 1u))];
    temp[t_D_0_conv2d_add + o9] = v0;
  }
  if (co0 + 10u < 64u) {
    let o10 = at + 1960u;
    let v0 = acc10 + state[D_0_bias + ((((o10 / 196u) % 64u) * 1u))];
    temp[t_D_0_conv2d_add + o10] = v0;
  }
  if (co0 + 11u < 64u) {
    let o11 = at + 2156u;
    let v0 = acc11 + state[D_0_bias + ((((o11 / 196u) % 64u) * 1u))];
    temp[t_D_0_conv2d_add + o11] = v0;
  }
  if (co0 + 12u < 64u) {
    let o12 = at + 2352u;
    let v0 = acc12 + state[D_0_bias + ((((o12 / 196u) % 64u) * 1u))];
    temp[t_D_0_conv2d_add + o12] = v0;
  }
  if (co0 + 13u < 64u) {
    let o13 = at + 2548u;
    let v0 = acc13 + state[D_0_bias + ((((o13 / 196u) % 64u) * 1u))];
    temp[t_D_0_conv2d_add + o13] = v0;
  }
  if (co0 + 14u < 64u) {
    let o14 = at + 2744u;
    let v0 = acc14 + state[D_0_bias + ((((o14 / 196u) % 64u) * 1u))];
    temp[t_D_0_conv2d_add + o14] = v0;
  }
  if (co0 + 15u < 64u) {
    let o15 = at + 2940u;
    let v0 = acc15 + state[D_0_bias + ((((o15 / 196u) % 64u) * 1u))];
    temp[t_D_0_conv2d_add + o15] = v0;
  }
}
