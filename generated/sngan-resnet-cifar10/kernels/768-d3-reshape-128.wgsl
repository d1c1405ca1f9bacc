// d3: reshape -> [128] (D.1.0.shortcut.0 conv2d (line 66))
// fuses: detach, div; spec line 66

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_1_0_shortcut_0_sn_u = 4744196u;
const t_D_1_0_shortcut_0_conv2d_matmul = 54556u;
const t_D_1_0_shortcut_0_conv2d_reshape = 54684u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2u + wg.x) * 64u + li;
  if (i >= 128u) { return; }
  let p0 = temp[t_D_1_0_shortcut_0_conv2d_reshape + (0u)];
  let v0 = temp[t_D_1_0_shortcut_0_conv2d_matmul + (i)] / p0;
  let v1 = (v0);
  state[D_1_0_shortcut_0_sn_u + i] = v1;
}
