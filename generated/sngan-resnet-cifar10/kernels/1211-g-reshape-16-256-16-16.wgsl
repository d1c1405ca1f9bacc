// g: reshape -> [16, 256, 16, 16] (G.3.0.2 upsample (line 30))
// fuses: max, add, mul; spec lines 28, 29

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_3_0_0_gamma = 1776384u;
const G_3_0_0_beta = 1776640u;
const t_G_3_0_0_batchnorm_mul = 67584u;
const t_G_3_0_2_upsample_reshape = 2230272u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 16384u + wg.x) * 64u + li;
  if (i >= 1048576u) { return; }

  let v0 = temp[t_G_3_0_0_batchnorm_mul + ((((i / 65536u) % 16u) * 16384u + ((i / 256u) % 256u) * 64u + ((i / 32u) % 8u) * 8u + ((i / 2u) % 8u) * 1u))] * state[G_3_0_0_gamma + ((((((((i / 65536u) % 16u) * 16384u + ((i / 256u) % 256u) * 64u + ((i / 32u) % 8u) * 8u + ((i / 2u) % 8u) * 1u)) / 64u) % 256u) * 1u))];
  let v1 = v0 + state[G_3_0_0_beta + ((((((((i / 65536u) % 16u) * 16384u + ((i / 256u) % 256u) * 64u + ((i / 32u) % 8u) * 8u + ((i / 2u) % 8u) * 1u)) / 64u) % 256u) * 1u))];
  let v2 = max(v1, 0.0);
  temp[t_G_3_0_2_upsample_reshape + i] = v2;
}
