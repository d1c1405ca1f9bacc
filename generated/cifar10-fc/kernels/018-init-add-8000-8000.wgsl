// init: add -> [8000, 8000] (init G.2.weight)
// fuses: add, mul

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> state_1: array<f32>;
@group(0) @binding(2) var<storage, read_write> temp: array<f32>;
@group(0) @binding(3) var<storage, read_write> temp_1: array<f32>;
@group(0) @binding(4) var<storage, read_write> temp_2: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_2_weight = 808000u;
const t_init_G_2_weight_random = 37388676u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 65535u + wg.x) * 64u + li;
  if (i >= 64000000u) { return; }

  let v0 = ld_temp(t_init_G_2_weight_random + (i)) * 0.100000001;
  let v1 = v0 + -0.0500000007;
  st_state(G_2_weight + i, v1);
}

// state over 2 windows: element i from the one that holds it
fn ld_state(i: u32) -> f32 {
  if (i < 34362432u) { return state[i - 808000u]; }
  return state_1[i - 34362432u];
}
fn st_state(i: u32, v: f32) {
  if (i < 34362432u) { state[i - 808000u] = v; return; }
  state_1[i - 34362432u] = v;
}
// temp over 3 windows: element i from the one that holds it
fn ld_temp(i: u32) -> f32 {
  if (i < 67108864u) { return temp[i - 37388672u]; }
  if (i < 100663296u) { return temp_1[i - 67108864u]; }
  return temp_2[i - 100663296u];
}
fn st_temp(i: u32, v: f32) {
  if (i < 67108864u) { temp[i - 37388672u] = v; return; }
  if (i < 100663296u) { temp_1[i - 67108864u] = v; return; }
  temp_2[i - 100663296u] = v;
}