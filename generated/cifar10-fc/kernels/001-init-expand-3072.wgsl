// init: expand -> [3072] (init G.4.bias)
// fuses: copy

@group(0) @binding(0) var<storage, read_write> temp: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_init_G_0_bias_reshape = 0u;
const t_init_G_4_bias_expand = 4u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 48u + wg.x) * 64u + li;
  if (i >= 3072u) { return; }
  let p0 = temp[t_init_G_0_bias_reshape + (0u)];

  temp[t_init_G_4_bias_expand + i] = p0;
}
