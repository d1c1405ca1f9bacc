// init: add -> [256, 256, 3, 3] (init G.2.0.3.weight)
// fuses: add, mul

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_2_0_3_weight = 529408u;
const t_init_G_2_0_3_weight_random = 1359112u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 9216u + wg.x) * 64u + li;
  if (i >= 589824u) { return; }

  let v0 = temp[t_init_G_2_0_3_weight_random + (i)] * 0.0721687824;
  let v1 = v0 + -0.0360843912;
  state[G_2_0_3_weight + i] = v1;
}
