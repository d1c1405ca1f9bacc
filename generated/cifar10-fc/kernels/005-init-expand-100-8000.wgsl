// init: expand -> [100, 8000] (G.1 relu (line 25))
// fuses: copy

@group(0) @binding(0) var<storage, read_write> state: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const opt_G_0_weight_velocity = 8u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 12500u + wg.x) * 64u + li;
  if (i >= 800000u) { return; }


  state[opt_G_0_weight_velocity + i] = 0.0;
}
