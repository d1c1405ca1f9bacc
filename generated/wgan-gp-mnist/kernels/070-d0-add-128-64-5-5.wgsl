// d0: add -> [128, 64, 5, 5] (optimizer D (adam))
// fuses: add, mul

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const opt_D_2_weight_adam_m = 982600u;
const t_add = 756992u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 3200u + wg.x) * 64u + li;
  if (i >= 204800u) { return; }

  let v0 = state[opt_D_2_weight_adam_m + (i)] * 0.0;
  let v1 = v0 + temp[t_add + (i)];
  state[opt_D_2_weight_adam_m + i] = v1;
}
