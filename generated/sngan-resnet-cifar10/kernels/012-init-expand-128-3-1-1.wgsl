// init: expand -> [128, 3, 1, 1] (init opt.D.0.0.shortcut.1.weight.adam_m)
// fuses: copy

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_init_opt_D_0_0_shortcut_1_weight_adam_m_expand = 1355016u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 6u + wg.x) * 64u + li;
  if (i >= 384u) { return; }


  temp[t_init_opt_D_0_0_shortcut_1_weight_adam_m_expand + i] = 0.0;
}
