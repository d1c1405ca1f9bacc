// init: log -> [784] (init G.4.bias)
// fuses: log, div, sub

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_init_G_4_bias_max = 784u;
const t_init_G_4_bias_log = 1568u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 13u + wg.x) * 64u + li;
  if (i >= 784u) { return; }

  let v0 = 1.0 - temp[t_init_G_4_bias_max + (i)];
  let v1 = temp[t_init_G_4_bias_max + (i)] / v0;
  let v2 = log(v1);
  temp[t_init_G_4_bias_log + i] = v2;
}
