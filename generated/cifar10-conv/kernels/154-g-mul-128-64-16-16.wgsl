// g: mul -> [128, 64, 16, 16] (G.8 batchnorm (line 29))
// fuses: mul, sub, recip, sqrt, add; spec line 29

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_G_8_batchnorm_mul_2 = 768u;
const t_G_8_batchnorm_mul_3 = 832u;
const t_G_7_conv2d_transpose_add = 4731392u;
const t_G_8_batchnorm_mul = 6828544u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 32768u + wg.x) * 64u + li;
  if (i >= 2097152u) { return; }

  let v0 = temp[t_G_7_conv2d_transpose_add + (i)] - temp[t_G_8_batchnorm_mul_2 + ((((i / 256u) % 64u) * 1u))];
  let v1 = temp[t_G_8_batchnorm_mul_3 + ((((i / 256u) % 64u) * 1u))] + 0.00000999999975;
  let v2 = sqrt(v1);
  let v3 = 1.0 / v2;
  let v4 = v0 * v3;
  temp[t_G_8_batchnorm_mul + i] = v4;
}
