// d1: matmul + matmul -> [1, 1152] (D.0.0.2 conv2d (line 47))
// fuses: matmul; spec line 47

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_0_0_2_weight = 4284036u;
const D_0_0_2_sn_u = 4431492u;
const t_D_0_0_2_conv2d_matmul = 57392u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 18u + wg.x) * 64u + li;
  if (i >= 1152u) { return; }

  let row = i / 1152u;
  let col = i % 1152u;
  var acc = 0.0;
  for (var k = 0u; k < 128u; k++) {

    acc = fma(state[D_0_0_2_sn_u + (row * 128u + k)], state[D_0_0_2_weight + (k * 1152u + col)], acc);
  }

  temp[t_D_0_0_2_conv2d_matmul + i] = acc;
}
