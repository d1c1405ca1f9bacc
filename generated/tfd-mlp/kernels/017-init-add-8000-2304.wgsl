// init: add -> [8000, 2304] (init G.4.weight)
// fuses: add, mul

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> state_1: array<f32>;
@group(0) @binding(2) var<storage, read_write> temp: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_4_weight = 64816000u;
const t_init_G_4_weight_random = 52u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 65535u + wg.x) * 64u + li;
  if (i >= 18432000u) { return; }

  let v0 = temp[t_init_G_4_weight_random + (i)] * 0.100000001;
  let v1 = v0 + -0.0500000007;
  st_state(G_4_weight + i, v1);
}

// state over 2 windows: element i from the one that holds it
fn ld_state(i: u32) -> f32 {
  if (i < 67108864u) { return state[i - 64816000u]; }
  return state_1[i - 67108864u];
}
fn st_state(i: u32, v: f32) {
  if (i < 67108864u) { state[i - 64816000u] = v; return; }
  state_1[i - 67108864u] = v;
}