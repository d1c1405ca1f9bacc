// init: mul -> [3136, 10] (init D.5.weight)
// fuses: mul

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_5_weight = 415272u;
const t_init_D_5_weight_random = 419220u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 490u + wg.x) * 64u + li;
  if (i >= 31360u) { return; }

  let v0 = temp[t_init_D_5_weight_random + (i)] * 0.0199999996;
  state[D_5_weight + i] = v0;
}
