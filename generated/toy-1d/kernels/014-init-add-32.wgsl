// init: add -> [32] (init D.0.bias)
// fuses: add, mul

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_0_bias = 356u;
const t_init_D_0_bias_random = 1428u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 32u) { return; }

  let v0 = temp[t_init_D_0_bias_random + (i)] * 12.0;
  let v1 = v0 + -6.0;
  state[D_0_bias + i] = v1;
}
