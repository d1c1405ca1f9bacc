// init: expand -> [1200, 1] (init opt.D.6.weight.velocity)
// fuses: copy

@group(0) @binding(0) var<storage, read_write> state: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const opt_D_6_weight_velocity = 52u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 19u + wg.x) * 64u + li;
  if (i >= 1200u) { return; }


  state[opt_D_6_weight_velocity + i] = 0.0;
}
