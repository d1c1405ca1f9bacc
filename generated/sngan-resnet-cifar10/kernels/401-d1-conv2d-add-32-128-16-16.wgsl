// d1: conv2d + add -> [32, 128, 16, 16] (D.0.0.shortcut.1 conv2d (line 51))
// fuses: add, conv2d, div; spec line 51

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_0_0_shortcut_1_weight = 4431748u;
const D_0_0_shortcut_1_bias = 4432260u;
const t_D_0_0_shortcut_1_conv2d_reshape = 54556u;
const t_D_0_0_shortcut_0_avg_pool_mul = 58836u;
const t_D_0_0_shortcut_1_conv2d_add = 206292u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1024u + wg.x) * 64u + li;
  if (i >= 65536u) { return; }
  let p0 = temp[t_D_0_0_shortcut_1_conv2d_reshape + (0u)];
  let q = i % 16u; let p = (i / 16u) % 16u; let co0 = ((i / 256u) % 8u) * 16u;
  let n = i / 2048u;
  let at = ((n * 128u + co0) * 16u + p) * 16u + q;
  var acc0 = 0.0; var acc1 = 0.0; var acc2 = 0.0; var acc3 = 0.0; var acc4 = 0.0; var acc5 = 0.0; var acc6 = 0.0; var acc7 = 0.0; var acc8 = 0.0; var acc9 = 0.0; var acc10 = 0.0; var acc11 = 0.0; var acc12 = 0.0; var acc13 = 0.0; var acc14 = 0.0; var acc15 = 0.0;
  for (var ci = 0u; ci < 3u; ci++) { for (var ti = 0u; ti < 1u; ti++) {
    let y = i32(p * 1u + ti) - 0;
    if (y < 0 || y >= 16) { continue; }
    for (var tj = 0u; tj < 1u; tj++) {
      let xx = i32(q * 1u + tj) - 0;
      if (xx < 0 || xx >= 16) { continue; }
      let v0 = state[D_0_0_shortcut_1_weight + (((min(co0 + 0u, 127u) * 3u + ci) * 1u + ti) * 1u + tj)] / p0;
      let v1 = state[D_0_0_shortcut_1_weight + (((min(co0 + 1u, 127u) * 3u + ci) * 1u + ti) * 1u + tj)] / p0;
      let v2 = state[D_0_0_shortcut_1_weight + (((min(co0 + 2u, 127u) * 3u + ci) * 1u + ti) * 1u + tj)] / p0;
      let v3 = state[D_0_0_shortcut_1_weight + (((min(co0 + 3u, 127u) * 3u + ci) * 1u + ti) * 1u + tj)] / p0;
      let v4 = state[D_0_0_shortcut_1_weight + (((min(co0 + 4u, 127u) * 3u + ci) * 1u + ti) * 1u + tj)] / p0;
      let v5 = state[D_0_0_shortcut_1_weight + (((min(co0 + 5u, 127u) * 3u + ci) * 1u + ti) * 1u + tj)] / p0;
      let v6 = state[D_0_0_shortcut_1_weight + (((min(co0 + 6u, 127u) * 3u + ci) * 1u + ti) * 1u + tj)] / p0;
      let v7 = state[D_0_0_shortcut_1_weight + (((min(co0 + 7u, 127u) * 3u + ci) * 1u + ti) * 1u + tj)] / p0;
      let v8 = state[D_0_0_shortcut_1_weight + (((min(co0 + 8u, 127u) * 3u + ci) * 1u + ti) * 1u + tj)] / p0;
      let v9 = state[D_0_0_shortcut_1_weight + (((min(co0 + 9u, 127u) * 3u + ci) * 1u + ti) * 1u + tj)] / p0;
      let v10 = state[D_0_0_shortcut_1_weight + (((min(co0 + 10u, 127u) * 3u + ci) * 1u + ti) * 1u + tj)] / p0;
      let v11 = state[D_0_0_shortcut_1_weight + (((min(co0 + 11u, 127u) * 3u + ci) * 1u + ti) * 1u + tj)] / p0;
      let v12 = state[D_0_0_shortcut_1_weight + (((min(co0 + 12u, 127u) * 3u + ci) * 1u + ti) * 1u + tj)] / p0;
      let v13 = state[D_0_0_shortcut_1_weight + (((min(co0 + 13u, 127u) * 3u + ci) * 1u + ti) * 1u + tj)] / p0;
      let v14 = state[D_0_0_shortcut_1_weight + (((min(co0 + 14u, 127u) * 3u + ci) * 1u + ti) * 1u + tj)] / p0;
      let v15 = state[D_0_0_shortcut_1_weight + (((min(co0 + 15u, 127u) * 3u + ci) * 1u + ti) * 1u + tj)] / p0;
      acc0 = fma(temp[t_D_0_0_shortcut_0_avg_pool_mul + (((n * 3u + ci) * 16u + u32(y)) * 16u + u32(xx))], v0, acc0); acc1 = fma(temp[t_D_0_0_shortcut_0_avg_pool_mul + (((n * 3u + ci) * 16u + u32(y)) * 16u + u32(xx))], v1, acc1); acc2 = fma(temp[t_D_0_0_shortcut_0_avg_pool_mul + (((n * 3u + ci) * 16u + u32(y)) * 16u + u32(xx))], v2, acc2); acc3 = fma(temp[t_D_0_0_shortcut_0_avg_pool_mul + (((n * 3u + ci) * 16u + u32(y)) * 16u + u32(xx))], v3, acc3); acc4 = fma(temp[t_D_0_0_shortcut_0_avg_pool_mul + (((n * 3u + ci) * 16u + u32(y)) * 16u + u32(xx))], v4, acc4); acc5 = fma(temp[t_D_0_0_shortcut_0_avg_pool_mul + (((n * 3u + ci) * 16u + u32(y)) * 16u + u32(xx))], v5, acc5); acc6 = fma(temp[t_D_0_0_shortcut_0_avg_pool_mul + (((n * 3u + ci) * 16u + u32(y)) * 16u + u32(xx))], v6, acc6); acc7 = fma(temp[t_D_0_0_shortcut_0_avg_pool_mul + (((n * 3u + ci) * 16u + u32(y)) * 16u + u32(xx))], v7, acc7); acc8 = fma(temp[t_D_0_0_shortcut_0_avg_pool_mul + (((n * 3u + ci) * 16u + u32(y)) * 16u + u32(xx))], v8, acc8); acc9 = fma(temp[t_D_0_0_shortcut_0_avg_pool_mul + (((n * 3u + ci) * 16u + u32(y)) * 16u + u32(xx))], v9, acc9); acc10 = fma(temp[t_D_0_0_shortcut_0_avg_pool_mul + (((n * 3u + ci) * 16u + u32(y)) * 16u + u32(xx))], v10, acc10); acc11 = fma(temp[t_D_0_0_shortcut_0_avg_pool_mul + (((n * 3u + ci) * 16u + u32(y)) * 16u + u32(xx))], v11, acc11); acc12 = fma(temp[t_D_0_0_shortcut_0_avg_pool_mul + (((n * 3u + ci) * 16u + u32(y)) * 16u + u32(xx))], v12, acc12); acc13 = fma(temp[t_D_0_0_shortcut_0_avg_pool_mul + (((n * 3u + ci) * 16u + u32(y)) * 16u + u32(xx))], v13, acc13); acc14 = fma(temp[t_D_0_0_shortcut_0_avg_pool_mul + (((n * 3u + ci) * 16u + u32(y)) * 16u + u32(xx))], v14, acc14); acc15 = fma(temp[t_D_0_0_shortcut_0_avg_pool_mul + (((n * 3u + ci) * 16u + u32(y)) * 16u + u32(xx))], v15, acc15);
    }
  } }
  if (co0 + 0u < 128u) {
    let o0 = at + 0u;
    let v0 = acc0 + state[D_0_0_shortcut_1_bias + ((((o0 / 256u) % 128u) * 1u))];
    temp[t_D_0_0_shortcut_1_conv2d_add + o0] = v0;
  }
  if (co0 + 1u < 128u) {
    let o1 = at + 256u;
    let v0 = acc1 + state[D_0_0_shortcut_1_bias + ((((o1 / 256u) % 128u) * 1u))];
    temp[t_D_0_0_shortcut_1_conv2d_add + o1] = v0;
  }
  if (co0 + 2u < 128u) {
    let o2 = at + 512u;
    let v0 = acc2 + state[D_0_0_shortcut_1_bias + ((((o2 / 256u) % 128u) * 1u))];
    temp[t_D_0_0_shortcut_1_conv2d_add + o2] = v0;
  }
  if (co0 + 3u < 128u) {
    let o3 = at + 768u;
    let v0 = acc3 + state[D_0_0_shortcut_1_bias + ((((o3 / 256u) % 128u) * 1u))];
    temp[t_D_0_0_shortcut_1_conv2d_add + o3] = v0;
  }
  if (co0 + 4u < 128u) {
    let o4 = at + 1024u;
    let v0 = acc4 + state[D_0_0_shortcut_1_bias + ((((o4 / 256u) % 128u) * 1u))];
    temp[t_D_0_0_shortcut_1_conv2d_add + o4] = v0;
  }
  if (co0 + 5u < 128u) {
    let o5 = at + 1280u;
    let v0 = acc5 + state[D_0_0_shortcut_1_bias + ((((o5 / 256u) % 128u) * 1u))];
    temp[t_D_0_0_shortcut_1_conv2d_add + o5] = v0;
  }
  if (co0 + 6u < 128u) {
    let o6 = at + 1536u;
    let v0 = acc6 + state[D_0_0_shortcut_1_bias + ((((o6 / 256u) % 128u) * 1u))];
    temp[t_D_0_0_shortcut_1_conv2d_add + o6] = v0;
  }
  if (co0 + 7u < 128u) {
    let o7 = at + 1792u;
    let v0 = acc7 + state[D_0_0_shortcut_1_bias + ((((o7 / 256u) % 128u) * 1u))];
    temp[t_D_0_0_shortcut_1_conv2d_add + o7] = v0;
  }
  if (co0 + 8u < 128u) {
    let o8 = at + 2048u;
    let v0 = acc8 + state[D_0_0_shortcut_1_bias + ((((o8 / 256u) % 128u) * 1u))];
    temp[t_D_0_0_shortcut_1_conv2d_add + o8] = v0;
  }
  if (co0 + 9u < 128u) {
    let o9 = at + 2304u;
    let v0 = acc9 + state[D_0_0_shortcut_1_bias + ((((o9 / 256u) % 128u) * 1u))];
    temp[t_D_0_0_shortcut_1_conv2d_add + o9] = v0;
  }
  if (co0 + 10u < 128u) {
    let o10 = at + 2560u;
    let v0 = acc10 + state[D_0_0_shortcut_1_bias + ((((o10 / 256u) % 128u) * 1u))];
    temp[t_D_0_0_shortcut_1_conv2d_add + o10] = v0;
  }
  if (co0 + 11u < 128u) {
    let o11 = at + 2816u;
    let v0 = acc11 + state[D_0_0_shortcut_1_bias + ((((o11 / 256u) % 128u) * 1u))];
    temp[t_D_0_0_shortcut_1_conv2d_add + o11] = v0;
  }
  if (co0 + 12u < 128u) {
    let o12 = at + 3072u;
    let v0 = acc12 + state[D_0_0_shortcut_1_bias + ((((o12 / 256u) % 128u) * 1u))];
    temp[t_D_0_0_shortcut_1_conv2d_add + o12] = v0;
  }
  if (co0 + 13u < 128u) {
    let o13 = at + 3328u;
    let v0 = acc13 + state[D_0_0_shortcut_1_bias + ((((o13 / 256u) % 128u) * 1u))];
    temp[t_D_0_0_shortcut_1_conv2d_add + o13] = v0;
  }
  if (co0 + 14u < 128u) {
    let o14 = at + 3584u;
    let v0 = acc14 + state[D_0_0_shortcut_1_bias + ((((o14 / 256u) % 128u) * 1u))];
    temp[t_D_0_0_shortcut_1_conv2d_add + o14] = v0;
  }
  if (co0 + 15u < 128u) {
    let o15 = at + 3840u;
    let v0 = acc15 + state[D_0_0_shortcut_1_bias + ((((o15 / 256u) % 128u) * 1u))];
    temp[t_D_0_0_shortcut_1_conv2d_add + o15] = v0;
  }
}
