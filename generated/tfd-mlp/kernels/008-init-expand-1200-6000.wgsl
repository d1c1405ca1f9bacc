// init: expand -> [1200, 6000] (init opt.D.4.weight.velocity)
// fuses: copy

@group(0) @binding(0) var<storage, read_write> state: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const opt_D_4_weight_velocity = 4u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 65535u + wg.x) * 64u + li;
  if (i >= 7200000u) { return; }


  state[opt_D_4_weight_velocity + i] = 0.0;
}
