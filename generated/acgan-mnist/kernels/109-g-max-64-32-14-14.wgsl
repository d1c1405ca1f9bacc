// g: max -> [64, 32, 14, 14] (G.8 relu (line 31))
// fuses: max, add, mul; spec lines 30, 31

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_7_gamma = 381252u;
const G_7_beta = 381284u;
const t_G_7_batchnorm_mul = 1010624u;
const t_G_8_relu_max = 1412032u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 6272u + wg.x) * 64u + li;
  if (i >= 401408u) { return; }

  let v0 = temp[t_G_7_batchnorm_mul + (i)] * state[G_7_gamma + ((((i / 196u) % 32u) * 1u))];
  let v1 = v0 + state[G_7_beta + ((((i / 196u) % 32u) * 1u))];
  let v2 = max(v1, 0.0);
  temp[t_G_8_relu_max + i] = v2;
}
