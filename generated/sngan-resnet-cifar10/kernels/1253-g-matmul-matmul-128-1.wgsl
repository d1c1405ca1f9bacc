// g: matmul + matmul -> [128, 1] (D.1.0.shortcut.0 conv2d (line 66))
// fuses: matmul, detach, div; spec line 66

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_1_0_shortcut_0_weight = 4727812u;
const t_D_1_0_shortcut_0_conv2d_reshape = 1232384u;
const t_D_1_0_shortcut_0_conv2d_matmul_2 = 1232392u;
const t_D_1_0_shortcut_0_conv2d_matmul = 1232520u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2u + wg.x) * 64u + li;
  if (i >= 128u) { return; }
  let p0 = temp[t_D_1_0_shortcut_0_conv2d_reshape + (0u)];
  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 128u; k++) {
    let v0 = temp[t_D_1_0_shortcut_0_conv2d_matmul_2 + (k * 1u + col)] / p0;
    let v1 = (v0);
    acc = fma(state[D_1_0_shortcut_0_weight + (row * 128u + k)], v1, acc);
  }

  temp[t_D_1_0_shortcut_0_conv2d_matmul + i] = acc;
}
