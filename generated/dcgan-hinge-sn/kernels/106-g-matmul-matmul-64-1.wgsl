// g: matmul + matmul -> [64, 1] (D.0 conv2d (line 33))
// fuses: matmul, detach, div; spec line 33

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_0_weight = 766404u;
const t_D_0_conv2d_matmul_2 = 384u;
const t_D_0_conv2d_reshape = 400u;
const t_D_0_conv2d_matmul = 404u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 64u) { return; }
  let p0 = temp[t_D_0_conv2d_reshape + (0u)];
  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 16u; k++) {
    let v0 = temp[t_D_0_conv2d_matmul_2 + (k * 1u + col)] / p0;
    let v1 = (v0);
    acc = fma(state[D_0_weight + (row * 16u + k)], v1, acc);
  }

  temp[t_D_0_conv2d_matmul + i] = acc;
}
