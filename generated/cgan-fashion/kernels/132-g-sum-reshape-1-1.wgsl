// g: sum + reshape -> [1, 1] (D.0 conv2d (line 37))
// fuses: max, sqrt, sum, mul; spec line 37

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_0_conv2d_matmul = 20928u;
const t_D_0_conv2d_reshape = 20944u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 1u) { return; }

  let base = 0u;
  var acc = 0.0;
  for (var r = 0u; r < 16u; r++) {
    let v0 = temp[t_D_0_conv2d_matmul + ((base + 0u * 16u + (r % 16u) * 1u))] * temp[t_D_0_conv2d_matmul + ((base + 0u * 16u + (r % 16u) * 1u))];
    acc = acc + v0;
  }
  let v0 = sqrt(acc);
  let v1 = max(v0, 9.99999996e-13);
  temp[t_D_0_conv2d_reshape + i] = v1;
}
