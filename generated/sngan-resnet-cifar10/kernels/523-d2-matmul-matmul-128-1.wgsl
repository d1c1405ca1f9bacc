// d2: matmul + matmul -> [128, 1] (D.3.0.3 conv2d (line 78))
// fuses: matmul, detach, div; spec line 78

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_3_0_3_weight = 5187588u;
const t_D_3_0_3_conv2d_matmul_2 = 49288u;
const t_D_3_0_3_conv2d_reshape = 50440u;
const t_D_3_0_3_conv2d_matmul = 50444u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2u + wg.x) * 64u + li;
  if (i >= 128u) { return; }
  let p0 = temp[t_D_3_0_3_conv2d_reshape + (0u)];
  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 1152u; k++) {
    let v0 = temp[t_D_3_0_3_conv2d_matmul_2 + (k * 1u + col)] / p0;
    let v1 = (v0);
    acc = fma(state[D_3_0_3_weight + (row * 1152u + k)], v1, acc);
  }

  temp[t_D_3_0_3_conv2d_matmul + i] = acc;
}
