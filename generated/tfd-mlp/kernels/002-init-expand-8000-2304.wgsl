// init: expand -> [8000, 2304] (init opt.G.4.weight.velocity)
// fuses: copy

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> state_1: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const opt_G_4_weight_velocity = 190140712u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 65535u + wg.x) * 64u + li;
  if (i >= 18432000u) { return; }


  st_state(opt_G_4_weight_velocity + i, 0.0);
}

// state over 2 windows: element i from the one that holds it
fn ld_state(i: u32) -> f32 {
  if (i < 201326592u) { return state[i - 190140672u]; }
  return state_1[i - 201326592u];
}
fn st_state(i: u32, v: f32) {
  if (i < 201326592u) { state[i - 190140672u] = v; return; }
  state_1[i - 201326592u] = v;
}