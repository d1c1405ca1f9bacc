// d1: add -> [64, 1, 5, 5] (optimizer D (adam))
// fuses: add, mul x3

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const opt_D_0_weight_adam_v = 980872u;
const t_add = 58496u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 25u + wg.x) * 64u + li;
  if (i >= 1600u) { return; }

  let v0 = state[opt_D_0_weight_adam_v + (i)] * 0.899999976;
  let v1 = temp[t_add + (i)] * temp[t_add + (i)];
  let v2 = v1 * 0.100000001;
  let v3 = v0 + v2;
  state[opt_D_0_weight_adam_v + i] = v3;
}
