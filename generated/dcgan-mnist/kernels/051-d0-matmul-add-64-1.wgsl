// d0: matmul + add -> [64, 1] (D.6 dense (line 38))
// fuses: add x2, matmul, max, mul; spec lines 35, 36, 38

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_3_gamma = 898692u;
const D_3_beta = 898820u;
const D_6_weight = 899204u;
const D_6_bias = 905476u;
const t_D_6_dense_add = 2107968u;
const t_D_3_batchnorm_mul = 3268096u;
const t_D_4_leaky_relu_mul = 3669504u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 64u) { return; }
  let p0 = state[D_6_bias + (0u)];
  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 6272u; k++) {
    let v0 = temp[t_D_3_batchnorm_mul + (row * 6272u + k)] * state[D_3_gamma + (((((row * 6272u + k) / 49u) % 128u) * 1u))];
    let v1 = v0 + state[D_3_beta + (((((row * 6272u + k) / 49u) % 128u) * 1u))];
    let v2 = max(v1, temp[t_D_4_leaky_relu_mul + (row * 6272u + k)]);
    acc = fma(v2, state[D_6_weight + (k * 1u + col)], acc);
  }
  let v0 = acc + p0;
  temp[t_D_6_dense_add + i] = v0;
}
