// init: add -> [128, 128, 1, 1] (init D.1.0.shortcut.0.weight)
// fuses: add, mul

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_1_0_shortcut_0_weight = 4727812u;
const t_init_D_1_0_shortcut_0_weight_random = 1358856u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 256u + wg.x) * 64u + li;
  if (i >= 16384u) { return; }

  let v0 = temp[t_init_D_1_0_shortcut_0_weight_random + (i)] * 0.306186229;
  let v1 = v0 + -0.153093114;
  state[D_1_0_shortcut_0_weight + i] = v1;
}
