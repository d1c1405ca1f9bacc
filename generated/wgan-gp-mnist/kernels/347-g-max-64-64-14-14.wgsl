// g: max -> [64, 64, 14, 14] (G.6 relu (line 26))
// fuses: max, add, mul; spec lines 25, 26

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_5_gamma = 765120u;
const G_5_beta = 765184u;
const t_G_5_batchnorm_mul = 2013440u;
const t_G_6_relu_max = 2816256u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 12544u + wg.x) * 64u + li;
  if (i >= 802816u) { return; }

  let v0 = temp[t_G_5_batchnorm_mul + (i)] * state[G_5_gamma + ((((i / 196u) % 64u) * 1u))];
  let v1 = v0 + state[G_5_beta + ((((i / 196u) % 64u) * 1u))];
  let v2 = max(v1, 0.0);
  temp[t_G_6_relu_max + i] = v2;
}
