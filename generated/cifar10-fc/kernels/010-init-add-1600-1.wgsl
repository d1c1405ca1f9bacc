// init: add -> [1600, 1] (init D.6.weight)
// fuses: add, mul

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_6_weight = 0u;
const t_init_D_6_weight_random = 4u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 25u + wg.x) * 64u + li;
  if (i >= 1600u) { return; }

  let v0 = temp[t_init_D_6_weight_random + (i)] * 0.00999999978;
  let v1 = v0 + -0.00499999989;
  state[D_6_weight + i] = v1;
}
