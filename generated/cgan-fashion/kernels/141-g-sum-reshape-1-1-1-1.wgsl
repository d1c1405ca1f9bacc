// g: sum + reshape -> [1, 1, 1, 1] (D.2 conv2d (line 39))
// fuses: sum, mul, detach, div; spec line 39

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_2_conv2d_reshape_2 = 20928u;
const t_D_2_conv2d_reshape = 20936u;
const t_D_2_conv2d_matmul = 21960u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 1u) { return; }
  let p0 = temp[t_D_2_conv2d_reshape_2 + (0u)];
  let base = 0u;
  var acc = 0.0;
  for (var r = 0u; r < 128u; r++) {
    let v0 = temp[t_D_2_conv2d_matmul + ((base + (r % 128u) * 1u))] / p0;
    let v1 = (v0);
    let v2 = temp[t_D_2_conv2d_matmul + ((base + (r % 128u) * 1u))] * v1;
    acc = acc + v2;
  }

  temp[t_D_2_conv2d_reshape + i] = acc;
}
