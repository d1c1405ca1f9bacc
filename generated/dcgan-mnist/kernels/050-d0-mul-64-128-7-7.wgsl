// d0: mul -> [64, 128, 7, 7] (D.4 leaky_relu (line 36))
// fuses: mul x2, add; spec lines 35, 36

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_3_gamma = 898692u;
const D_3_beta = 898820u;
const t_D_3_batchnorm_mul = 3268096u;
const t_D_4_leaky_relu_mul = 3669504u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 6272u + wg.x) * 64u + li;
  if (i >= 401408u) { return; }

  let v0 = temp[t_D_3_batchnorm_mul + (i)] * state[D_3_gamma + ((((i / 49u) % 128u) * 1u))];
  let v1 = v0 + state[D_3_beta + ((((i / 49u) % 128u) * 1u))];
  let v2 = v1 * 0.200000003;
  temp[t_D_4_leaky_relu_mul + i] = v2;
}
