// g: max -> [128, 64, 16, 16] (G.9 relu (line 30))
// fuses: max, add, mul; spec lines 29, 30

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_8_gamma = 1070784u;
const G_8_beta = 1070848u;
const t_G_8_batchnorm_mul = 6828544u;
const t_G_9_relu_max = 8925696u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 32768u + wg.x) * 64u + li;
  if (i >= 2097152u) { return; }

  let v0 = temp[t_G_8_batchnorm_mul + (i)] * state[G_8_gamma + ((((i / 256u) % 64u) * 1u))];
  let v1 = v0 + state[G_8_beta + ((((i / 256u) % 64u) * 1u))];
  let v2 = max(v1, 0.0);
  temp[t_G_9_relu_max + i] = v2;
}
