// g: max -> [128, 256, 4, 4] (G.3 relu (line 24))
// fuses: max, add, mul; spec lines 23, 24

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_2_gamma = 413696u;
const G_2_beta = 413952u;
const t_G_2_batchnorm_mul = 537088u;
const t_G_3_relu_max = 1061376u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 8192u + wg.x) * 64u + li;
  if (i >= 524288u) { return; }

  let v0 = temp[t_G_2_batchnorm_mul + (i)] * state[G_2_gamma + ((((i / 16u) % 256u) * 1u))];
  let v1 = v0 + state[G_2_beta + ((((i / 16u) % 256u) * 1u))];
  let v2 = max(v1, 0.0);
  temp[t_G_3_relu_max + i] = v2;
}
