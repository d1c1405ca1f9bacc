// g: max -> [16, 256, 32, 32] (G.6 relu (line 99))
// fuses: max, add, mul; spec lines 98, 99

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_5_gamma = 4272384u;
const G_5_beta = 4272640u;
const t_G_5_batchnorm_mul = 5376000u;
const t_G_6_relu_max = 23201792u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 65535u + wg.x) * 64u + li;
  if (i >= 4194304u) { return; }

  let v0 = temp[t_G_5_batchnorm_mul + (i)] * state[G_5_gamma + ((((i / 1024u) % 256u) * 1u))];
  let v1 = v0 + state[G_5_beta + ((((i / 1024u) % 256u) * 1u))];
  let v2 = max(v1, 0.0);
  temp[t_G_6_relu_max + i] = v2;
}
