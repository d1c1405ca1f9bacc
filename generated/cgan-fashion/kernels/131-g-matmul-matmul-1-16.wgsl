// g: matmul + matmul -> [1, 16] (D.0 conv2d (line 37))
// fuses: matmul; spec line 37

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_0_weight = 945756u;
const D_0_sn_u = 946780u;
const t_D_0_conv2d_matmul = 20928u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 16u) { return; }

  let row = i / 16u;
  let col = i % 16u;
  var acc = 0.0;
  for (var k = 0u; k < 64u; k++) {

    acc = fma(state[D_0_sn_u + (row * 64u + k)], state[D_0_weight + (k * 16u + col)], acc);
  }

  temp[t_D_0_conv2d_matmul + i] = acc;
}
