// g: max -> [16, 256, 8, 8] (G.2.0.5 relu (line 33))
// fuses: max, add, mul; spec lines 32, 33

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_2_0_4_gamma = 1119488u;
const G_2_0_4_beta = 1119744u;
const t_G_2_0_4_batchnorm_mul = 657408u;
const t_G_2_0_5_relu_max = 919552u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 4096u + wg.x) * 64u + li;
  if (i >= 262144u) { return; }

  let v0 = temp[t_G_2_0_4_batchnorm_mul + (i)] * state[G_2_0_4_gamma + ((((i / 64u) % 256u) * 1u))];
  let v1 = v0 + state[G_2_0_4_beta + ((((i / 64u) % 256u) * 1u))];
  let v2 = max(v1, 0.0);
  temp[t_G_2_0_5_relu_max + i] = v2;
}
