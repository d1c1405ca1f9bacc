// d2: conv2d + add -> [32, 128, 32, 32] (D.0.0.0 conv2d (line 45))
// fuses: add, conv2d, div; spec line 45

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_0_0_0_weight = 4280324u;
const D_0_0_0_bias = 4283908u;
const t_D_0_0_0_conv2d_reshape = 54564u;
const t_concat = 107988u;
const t_D_0_0_0_conv2d_add = 1254868u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 4096u + wg.x) * 64u + li;
  if (i >= 262144u) { return; }
  let p0 = temp[t_D_0_0_0_conv2d_reshape + (0u)];
  let q = i % 32u; let p = (i / 32u) % 32u; let co0 = ((i / 1024u) % 8u) * 16u;
  let n = i / 8192u;
  let at = ((n * 128u + co0) * 32u + p) * 32u + q;
  var acc0 = 0.0; var acc1 = 0.0; var acc2 = 0.0; var acc3 = 0.0; var acc4 = 0.0; var acc5 = 0.0; var acc6 = 0.0; var acc7 = 0.0; var acc8 = 0.0; var acc9 = 0.0; var acc10 = 0.0; var acc11 = 0.0; var acc12 = 0.0; var acc13 = 0.0; var acc14 = 0.0; var acc15 = 0.0;
  for (var ci = 0u; ci < 3u; ci++) { for (var ti = 0u; ti < 3u; ti++) {
    let y = i32(p * 1u + ti) - 1;
    if (y < 0 || y >= 32) { continue; }
    for (var tj = 0u; tj < 3u; tj++) {
      let xx = i32(q * 1u + tj) - 1;
      if (xx < 0 || xx >= 32) { continue; }
      let v0 = state[D_0_0_0_weight + (((min(co0 + 0u, 127u) * 3u + ci) * 3u + ti) * 3u + tj)] / p0;
      let v1 = state[D_0_0_0_weight + (((min(co0 + 1u, 127u) * 3u + ci) * 3u + ti) * 3u + tj)] / p0;
      let v2 = state[D_0_0_0_weight + (((min(co0 + 2u, 127u) * 3u + ci) * 3u + ti) * 3u + tj)] / p0;
      let v3 = state[D_0_0_0_weight + (((min(co0 + 3u, 127u) * 3u + ci) * 3u + ti) * 3u + tj)] / p0;
      let v4 = state[D_0_0_0_weight + (((min(co0 + 4u, 127u) * 3u + ci) * 3u + ti) * 3u + tj)] / p0;
      let v5 = state[D_0_0_0_weight + (((min(co0 + 5u, 127u) * 3u + ci) * 3u + ti) * 3u + tj)] / p0;
      let v6 = state[D_0_0_0_weight + (((min(co0 + 6u, 127u) * 3u + ci) * 3u + ti) * 3u + tj)] / p0;
      let v7 = state[D_0_0_0_weight + (((min(co0 + 7u, 127u) * 3u + ci) * 3u + ti) * 3u + tj)] / p0;
      let v8 = state[D_0_0_0_weight + (((min(co0 + 8u, 127u) * 3u + ci) * 3u + ti) * 3u + tj)] / p0;
      let v9 = state[D_0_0_0_weight + (((min(co0 + 9u, 127u) * 3u + ci) * 3u + ti) * 3u + tj)] / p0;
      let v10 = state[D_0_0_0_weight + (((min(co0 + 10u, 127u) * 3u + ci) * 3u + ti) * 3u + tj)] / p0;
      let v11 = state[D_0_0_0_weight + (((min(co0 + 11u, 127u) * 3u + ci) * 3u + ti) * 3u + tj)] / p0;
      let v12 = state[D_0_0_0_weight + (((min(co0 + 12u, 127u) * 3u + ci) * 3u + ti) * 3u + tj)] / p0;
      let v13 = state[D_0_0_0_weight + (((min(co0 + 13u, 127u) * 3u + ci) * 3u + ti) * 3u + tj)] / p0;
      let v14 = state[D_0_0_0_weight + (((min(co0 + 14u, 127u) * 3u + ci) * 3u + ti) * 3u + tj)] / p0;
      let v15 = state[D_0_0_0_weight + (((min(co0 + 15u, 127u) * 3u + ci) * 3u + ti) * 3u + tj)] / p0;
      acc0 = fma(temp[t_concat + (((n * 3u + ci) * 32u + u32(y)) * 32u + u32(xx))], v0, acc0); acc1 = fma(temp[t_concat + (((n * 3u + ci) * 32u + u32(y)) * 32u + u32(xx))], v1, acc1); acc2 = fma(temp[t_concat + (((n * 3u + ci) * 32u + u32(y)) * 32u + u32(xx))], v2, acc2); acc3 = fma(temp[t_concat + (((n * 3u + ci) * 32u + u32(y)) * 32u + u32(xx))], v3, acc3); acc4 = fma(temp[t_concat + (((n * 3u + ci) * 32u + u32(y)) * 32u + u32(xx))], v4, acc4); acc5 = fma(temp[t_concat + (((n * 3u + ci) * 32u + u32(y)) * 32u + u32(xx))], v5, acc5); acc6 = fma(temp[t_concat + (((n * 3u + ci) * 32u + u32(y)) * 32u + u32(xx))], v6, acc6); acc7 = fma(temp[t_concat + (((n * 3u + ci) * 32u + u32(y)) * 32u + u32(xx))], v7, acc7); acc8 = fma(temp[t_concat + (((n * 3u + ci) * 32u + u32(y)) * 32u + u32(xx))], v8, acc8); acc9 = fma(temp[t_concat + (((n * 3u + ci) * 32u + u32(y)) * 32u + u32(xx))], v9, acc9); acc10 = fma(temp[t_concat + (((n * 3u + ci) * 32u + u32(y)) * 32u + u32(xx))], v10, acc10); acc11 = fma(temp[t_concat + (((n * 3u + ci) * 32u + u32(y)) * 32u + u32(xx))], v11, acc11); acc12 = fma(temp[t_concat + (((n * 3u + ci) * 32u + u32(y)) * 32u + u32(xx))], v12, acc12); acc13 = fma(temp[t_concat + (((n * 3u + ci) * 32u + u32(y)) * 32u + u32(xx))], v13, acc13); acc14 = fma(temp[t_concat + (((n * 3u + ci) * 32u + u32(y)) * 32u + u32(xx))], v14, acc14); acc15 = fma(temp[t_concat + (((n * 3u + ci) * 32u + u32(y)) * 32u + u32(xx))], v15, acc15);
    }
  } }
  if (co0 + 0u < 128u) {
    let o0 = at + 0u;
    let v0 = acc0 + state[D_0_0_0_bias + ((((o0 / 1024u) % 128u) * 1u))];
    temp[t_D_0_0_0_conv2d_add + o0] = v0;
  }
  if (co0 + 1u < 128u) {
    let o1 = at + 1024u;
    let v0 = acc1 + state[D_0_0_0_bias + ((((o1 / 1024u) % 128u) * 1u))];
    temp[t_D_0_0_0_conv2d_add + o1] = v0;
  }
  if (co0 + 2u < 128u) {
    let o2 = at + 2048u;
    let v0 = acc2 + state[D_0_0_0_bias + ((((o2 / 1024u) % 128u) * 1u))];
    temp[t_D_0_0_0_conv2d_add + o2] = v0;
  }
  if (co0 + 3u < 128u) {
    let o3 = at + 3072u;
    let v0 = acc3 + state[D_0_0_0_bias + ((((o3 / 1024u) % 128u) * 1u))];
    temp[t_D_0_0_0_conv2d_add + o3] = v0;
  }
  if (co0 + 4u < 128u) {
    let o4 = at + 4096u;
    let v0 = acc4 + state[D_0_0_0_bias + ((((o4 / 1024u) % 128u) * 1u))];
    temp[t_D_0_0_0_conv2d_add + o4] = v0;
  }
  if (co0 + 5u < 128u) {
    let o5 = at + 5120u;
    let v0 = acc5 + state[D_0_0_0_bias + ((((o5 / 1024u) % 128u) * 1u))];
    temp[t_D_0_0_0_conv2d_add + o5] = v0;
  }
  if (co0 + 6u < 128u) {
    let o6 = at + 6144u;
    let v0 = acc6 + state[D_0_0_0_bias + ((((o6 / 1024u) % 128u) * 1u))];
    temp[t_D_0_0_0_conv2d_add + o6] = v0;
  }
  if (co0 + 7u < 128u) {
    let o7 = at + 7168u;
    let v0 = acc7 + state[D_0_0_0_bias + ((((o7 / 1024u) % 128u) * 1u))];
    temp[t_D_0_0_0_conv2d_add + o7] = v0;
  }
  if (co0 + 8u < 128u) {
    let o8 = at + 8192u;
    let v0 = acc8 + state[D_0_0_0_bias + ((((o8 / 1024u) % 128u) * 1u))];
    temp[t_D_0_0_0_conv2d_add + o8] = v0;
  }
  if (co0 + 9u < 128u) {
    let o9 = at + 9216u;
    let v0 = acc9 + state[D_0_0_0_bias + ((((o9 / 1024u) % 128u) * 1u))];
    temp[t_D_0_0_0_conv2d_add + o9] = v0;
  }
  if (co0 + 10u < 128u) {
    let o10 = at + 10240u;
    let v0 = acc10 + state[D_0_0_0_bias + ((((o10 / 1024u) % 128u) * 1u))];
    temp[t_D_0_0_0_conv2d_add + o10] = v0;
  }
  if (co0 + 11u < 128u) {
    let o11 = at + 11264u;
    let v0 = acc11 + state[D_0_0_0_bias + ((((o11 / 1024u) % 128u) * 1u))];
    temp[t_D_0_0_0_conv2d_add + o11] = v0;
  }
  if (co0 + 12u < 128u) {
    let o12 = at + 12288u;
    let v0 = acc12 + state[D_0_0_0_bias + ((((o12 / 1024u) % 128u) * 1u))];
    temp[t_D_0_0_0_conv2d_add + o12] = v0;
  }
  if (co0 + 13u < 128u) {
    let o13 = at + 13312u;
    let v0 = acc13 + state[D_0_0_0_bias + ((((o13 / 1024u) % 128u) * 1u))];
    temp[t_D_0_0_0_conv2d_add + o13] = v0;
  }
  if (co0 + 14u < 128u) {
    let o14 = at + 14336u;
    let v0 = acc14 + state[D_0_0_0_bias + ((((o14 / 1024u) % 128u) * 1u))];
    temp[t_D_0_0_0_conv2d_add + o14] = v0;
  }
  if (co0 + 15u < 128u) {
    let o15 = at + 15360u;
    let v0 = acc15 + state[D_0_0_0_bias + ((((o15 / 1024u) % 128u) * 1u))];
    temp[t_D_0_0_0_conv2d_add + o15] = v0;
  }
}
