// g: matmul + neg -> [64, 1] (loss)
// fuses: neg, add, matmul, max, mul; spec lines 36, 38

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_6_weight = 899204u;
const D_6_bias = 905476u;
const t_loss_neg = 640u;
const t_D_3_batchnorm_add = 4823296u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 64u) { return; }
  let p0 = state[D_6_bias + (0u)];
  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 6272u; k++) {
    let v0 = temp[t_D_3_batchnorm_add + (row * 6272u + k)] * 0.200000003;
    let v1 = max(temp[t_D_3_batchnorm_add + (row * 6272u + k)], v0);
    acc = fma(v1, state[D_6_weight + (k * 1u + col)], acc);
  }
  let v0 = acc + p0;
  let v1 = -(v0);
  temp[t_loss_neg + i] = v1;
}
