// init: expand -> [2304, 6000] (init opt.D.2.weight.velocity)
// fuses: copy

@group(0) @binding(0) var<storage, read_write> state: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const opt_D_2_weight_velocity = 20u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 65535u + wg.x) * 64u + li;
  if (i >= 13824000u) { return; }


  state[opt_D_2_weight_velocity + i] = 0.0;
}
