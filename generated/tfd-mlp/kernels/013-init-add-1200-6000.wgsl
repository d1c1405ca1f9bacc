// init: add -> [1200, 6000] (init D.4.weight)
// fuses: add, mul

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_4_weight = 48u;
const t_init_D_4_weight_random = 36u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 65535u + wg.x) * 64u + li;
  if (i >= 7200000u) { return; }

  let v0 = temp[t_init_D_4_weight_random + (i)] * 0.00999999978;
  let v1 = v0 + -0.00499999989;
  state[D_4_weight + i] = v1;
}
