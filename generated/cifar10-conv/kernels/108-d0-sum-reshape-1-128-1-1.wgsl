// d0: sum + reshape -> [1, 128, 1, 1]
// fuses: mul x6, div, neg, sum, sub, recip, sqrt, add; spec line 39

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_3_gamma = 1208452u;
const t_D_2_conv2d_add = 2490368u;
const t_D_3_batchnorm_mul = 3538944u;
const t_D_3_batchnorm_mul_2 = 3539072u;
const t_reshape = 4588032u;
const t_add = 10757892u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2u + wg.x) * 64u + li;
  if (i >= 128u) { return; }

  let base = (i % 128u) * 64u;
  var acc = 0.0;
  for (var r = 0u; r < 8192u; r++) {
    let v0 = temp[t_add + ((base + ((r / 64u) % 128u) * 8192u + ((r / 8u) % 8u) * 8u + (r % 8u) * 1u))] * state[D_3_gamma + ((((((base + ((r / 64u) % 128u) * 8192u + ((r / 8u) % 8u) * 8u + (r % 8u) * 1u)) / 64u) % 128u) * 1u))];
    let v1 = temp[t_D_2_conv2d_add + ((base + ((r / 64u) % 128u) * 8192u + ((r / 8u) % 8u) * 8u + (r % 8u) * 1u))] - temp[t_D_3_batchnorm_mul + ((((((base + ((r / 64u) % 128u) * 8192u + ((r / 8u) % 8u) * 8u + (r % 8u) * 1u)) / 64u) % 128u) * 1u))];
    let v2 = v0 * v1;
    acc = acc + v2;
  }
  let v0 = temp[t_D_3_batchnorm_mul_2 + (i)] + 0.00000999999975;
  let v1 = sqrt(v0);
  let v2 = 1.0 / v1;
  let v3 = v2 * v2;
  let v4 = acc * v3;
  let v5 = -(v4);
  let v6 = v1 * 2.0;
  let v7 = v5 / v6;
  let v8 = v7 * 0.000122070313;
  temp[t_reshape + i] = v8;
}
