// d0: matmul + add -> [128, 1] (D.9 dense (line 45))
// fuses: add x2, matmul, max, mul; spec lines 42, 43, 45

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_6_gamma = 1733508u;
const D_6_beta = 1733764u;
const D_9_weight = 1734532u;
const D_9_bias = 1738628u;
const t_D_9_dense_add = 9700992u;
const t_D_6_batchnorm_mul = 11941120u;
const t_D_7_leaky_relu_mul = 12465408u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2u + wg.x) * 64u + li;
  if (i >= 128u) { return; }
  let p0 = state[D_9_bias + (0u)];
  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 4096u; k++) {
    let v0 = temp[t_D_6_batchnorm_mul + (row * 4096u + k)] * state[D_6_gamma + (((((row * 4096u + k) / 16u) % 256u) * 1u))];
    let v1 = v0 + state[D_6_beta + (((((row * 4096u + k) / 16u) % 256u) * 1u))];
    let v2 = max(v1, temp[t_D_7_leaky_relu_mul + (row * 4096u + k)]);
    acc = fma(v2, state[D_9_weight + (k * 1u + col)], acc);
  }
  let v0 = acc + p0;
  temp[t_D_9_dense_add + i] = v0;
}
