// d4: matmul + matmul -> [1, 3] (D.0.0.shortcut.1 conv2d (line 51))
// fuses: matmul; spec line 51

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_0_0_shortcut_1_weight = 4431748u;
const D_0_0_shortcut_1_sn_u = 4432132u;
const t_D_0_0_shortcut_1_conv2d_matmul = 57252u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 3u) { return; }

  let row = i / 3u;
  let col = i % 3u;
  var acc = 0.0;
  for (var k = 0u; k < 128u; k++) {

    acc = fma(state[D_0_0_shortcut_1_sn_u + (row * 128u + k)], state[D_0_0_shortcut_1_weight + (k * 3u + col)], acc);
  }

  temp[t_D_0_0_shortcut_1_conv2d_matmul + i] = acc;
}
