// g: sum + reshape -> [64, 1] (D.7 dot (line 44))
// fuses: sum, mul x2, max; spec lines 40, 44

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_7_dot_reshape = 0u;
const t_D_2_conv2d_add = 3290176u;
const t_D_6_embedding_matmul = 3691584u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 64u) { return; }

  let base = (i % 64u) * 6272u;
  var acc = 0.0;
  for (var r = 0u; r < 6272u; r++) {
    let v0 = temp[t_D_2_conv2d_add + ((base + (r % 6272u) * 1u))] * 0.100000001;
    let v1 = max(temp[t_D_2_conv2d_add + ((base + (r % 6272u) * 1u))], v0);
    let v2 = v1 * temp[t_D_6_embedding_matmul + ((base + (r % 6272u) * 1u))];
    acc = acc + v2;
  }

  temp[t_D_7_dot_reshape + i] = acc;
}
