// init: add -> [128, 3, 1, 1] (init D.0.0.shortcut.1.weight)
// fuses: add, mul

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_0_0_shortcut_1_weight = 4431748u;
const t_init_D_0_0_shortcut_1_weight_random = 1358856u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 6u + wg.x) * 64u + li;
  if (i >= 384u) { return; }

  let v0 = temp[t_init_D_0_0_shortcut_1_weight_random + (i)] * 0.428025812;
  let v1 = v0 + -0.214012906;
  state[D_0_0_shortcut_1_weight + i] = v1;
}
