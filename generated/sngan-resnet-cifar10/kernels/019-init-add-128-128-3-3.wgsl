// init: add -> [128, 128, 3, 3] (init D.3.0.3.weight)
// fuses: add, mul

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_3_0_3_weight = 5187588u;
const t_init_D_3_0_3_weight_random = 1358984u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2304u + wg.x) * 64u + li;
  if (i >= 147456u) { return; }

  let v0 = temp[t_init_D_3_0_3_weight_random + (i)] * 0.102062076;
  let v1 = v0 + -0.0510310382;
  state[D_3_0_3_weight + i] = v1;
}
