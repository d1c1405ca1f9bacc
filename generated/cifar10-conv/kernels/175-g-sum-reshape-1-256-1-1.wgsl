// g: sum + reshape -> [1, 256, 1, 1]
// fuses: mul x5, div, neg, sum, sub, recip; spec line 42

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_6_batchnorm_reshape = 1152u;
const t_D_6_batchnorm_sqrt = 1408u;
const t_reshape = 1792u;
const t_D_5_conv2d_add = 14168576u;
const t_mul = 15741440u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 4u + wg.x) * 64u + li;
  if (i >= 256u) { return; }

  let base = (i % 256u) * 16u;
  var acc = 0.0;
  for (var r = 0u; r < 2048u; r++) {
    let v0 = temp[t_D_5_conv2d_add + ((base + ((r / 16u) % 128u) * 4096u + ((r / 4u) % 4u) * 4u + (r % 4u) * 1u))] - temp[t_D_6_batchnorm_reshape + ((((((base + ((r / 16u) % 128u) * 4096u + ((r / 4u) % 4u) * 4u + (r % 4u) * 1u)) / 16u) % 256u) * 1u))];
    let v1 = temp[t_mul + ((base + ((r / 16u) % 128u) * 4096u + ((r / 4u) % 4u) * 4u + (r % 4u) * 1u))] * v0;
    acc = acc + v1;
  }
  let v0 = 1.0 / temp[t_D_6_batchnorm_sqrt + (i)];
  let v1 = v0 * v0;
  let v2 = acc * v1;
  let v3 = -(v2);
  let v4 = temp[t_D_6_batchnorm_sqrt + (i)] * 2.0;
  let v5 = v3 / v4;
  let v6 = v5 * 0.000488281250;
  temp[t_reshape + i] = v6;
}
