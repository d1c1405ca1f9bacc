// init: add -> [100, 8000] (init G.0.weight)
// fuses: add, mul

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_0_weight = 0u;
const t_init_G_0_weight_random = 52u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 12500u + wg.x) * 64u + li;
  if (i >= 800000u) { return; }

  let v0 = temp[t_init_G_0_weight_random + (i)] * 0.100000001;
  let v1 = v0 + -0.0500000007;
  state[G_0_weight + i] = v1;
}
