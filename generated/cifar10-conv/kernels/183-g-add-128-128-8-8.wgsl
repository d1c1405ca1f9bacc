// g: add -> [128, 128, 8, 8]
// fuses: add x2, mul x2, recip, sub; spec line 39

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_3_batchnorm_reshape = 896u;
const t_D_3_batchnorm_sqrt = 1024u;
const t_reshape = 1152u;
const t_D_2_conv2d_add = 3682816u;
const t_add = 13120000u;
const t_mul = 15217152u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 16384u + wg.x) * 64u + li;
  if (i >= 1048576u) { return; }

  let v0 = 1.0 / temp[t_D_3_batchnorm_sqrt + ((((i / 64u) % 128u) * 1u))];
  let v1 = temp[t_mul + (i)] * v0;
  let v2 = temp[t_D_2_conv2d_add + (i)] - temp[t_D_3_batchnorm_reshape + ((((i / 64u) % 128u) * 1u))];
  let v3 = temp[t_reshape + ((((i / 64u) % 128u) * 1u))] * v2;
  let v4 = v1 + v3;
  let v5 = v4 + v3;
  temp[t_add + i] = v5;
}
