// d0: add -> [64, 128, 7, 7]
// fuses: add x2, mul x4, sub, cmplt; spec line 35

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_3_gamma = 898692u;
const D_3_beta = 898820u;
const t_reshape = 2866688u;
const t_D_3_batchnorm_mul = 3268096u;
const t_D_4_leaky_relu_mul = 3669504u;
const t_add = 4873728u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 6272u + wg.x) * 64u + li;
  if (i >= 401408u) { return; }

  let v0 = temp[t_D_3_batchnorm_mul + (i)] * state[D_3_gamma + ((((i / 49u) % 128u) * 1u))];
  let v1 = v0 + state[D_3_beta + ((((i / 49u) % 128u) * 1u))];
  let v2 = select(0.0, 1.0, v1 < temp[t_D_4_leaky_relu_mul + (i)]);
  let v3 = 1.0 - v2;
  let v4 = temp[t_reshape + (i)] * v3;
  let v5 = temp[t_reshape + (i)] * v2;
  let v6 = v5 * 0.200000003;
  let v7 = v4 + v6;
  temp[t_add + i] = v7;
}
