// g: mul -> [128, 256, 4, 4]
// fuses: mul x5, add, sub, cmplt; spec line 43

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_6_gamma = 1733508u;
const t_D_6_batchnorm_add = 14692864u;
const t_reshape = 15217152u;
const t_mul = 15741440u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 8192u + wg.x) * 64u + li;
  if (i >= 524288u) { return; }

  let v0 = temp[t_D_6_batchnorm_add + (i)] * 0.200000003;
  let v1 = select(0.0, 1.0, temp[t_D_6_batchnorm_add + (i)] < v0);
  let v2 = 1.0 - v1;
  let v3 = temp[t_reshape + (i)] * v2;
  let v4 = temp[t_reshape + (i)] * v1;
  let v5 = v4 * 0.200000003;
  let v6 = v3 + v5;
  let v7 = v6 * state[D_6_gamma + ((((i / 16u) % 256u) * 1u))];
  temp[t_mul + i] = v7;
}
