// g: matmul + matmul -> [1, 128] (D.1.0.shortcut.0 conv2d (line 66))
// fuses: matmul; spec line 66

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_1_0_shortcut_0_weight = 4727812u;
const D_1_0_shortcut_0_sn_u = 4744196u;
const t_D_1_0_shortcut_0_conv2d_matmul = 1232392u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2u + wg.x) * 64u + li;
  if (i >= 128u) { return; }

  let row = i / 128u;
  let col = i % 128u;
  var acc = 0.0;
  for (var k = 0u; k < 128u; k++) {

    acc = fma(state[D_1_0_shortcut_0_sn_u + (row * 128u + k)], state[D_1_0_shortcut_0_weight + (k * 128u + col)], acc);
  }

  temp[t_D_1_0_shortcut_0_conv2d_matmul + i] = acc;
}
