// d0: mul -> [128, 256, 4, 4] (D.6 batchnorm (line 42))
// fuses: mul, sub, recip, sqrt, add; spec line 42

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_5_conv2d_add = 5636352u;
const t_D_6_batchnorm_mul_2 = 6160640u;
const t_D_6_batchnorm_mul_3 = 6160896u;
const t_D_6_batchnorm_mul = 11941120u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 8192u + wg.x) * 64u + li;
  if (i >= 524288u) { return; }

  let v0 = temp[t_D_5_conv2d_add + (i)] - temp[t_D_6_batchnorm_mul_2 + ((((i / 16u) % 256u) * 1u))];
  let v1 = temp[t_D_6_batchnorm_mul_3 + ((((i / 16u) % 256u) * 1u))] + 0.00000999999975;
  let v2 = sqrt(v1);
  let v3 = 1.0 / v2;
  let v4 = v0 * v3;
  temp[t_D_6_batchnorm_mul + i] = v4;
}
