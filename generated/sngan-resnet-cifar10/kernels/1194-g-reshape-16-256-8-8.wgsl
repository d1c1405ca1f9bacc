// g: reshape -> [16, 256, 8, 8] (G.2.0.2 upsample (line 30))
// fuses: max, add, mul; spec lines 28, 29

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_2_0_0_gamma = 528384u;
const G_2_0_0_beta = 528640u;
const t_G_2_0_0_batchnorm_mul = 329728u;
const t_G_2_0_2_upsample_reshape = 395264u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 4096u + wg.x) * 64u + li;
  if (i >= 262144u) { return; }

  let v0 = temp[t_G_2_0_0_batchnorm_mul + ((((i / 16384u) % 16u) * 4096u + ((i / 64u) % 256u) * 16u + ((i / 16u) % 4u) * 4u + ((i / 2u) % 4u) * 1u))] * state[G_2_0_0_gamma + ((((((((i / 16384u) % 16u) * 4096u + ((i / 64u) % 256u) * 16u + ((i / 16u) % 4u) * 4u + ((i / 2u) % 4u) * 1u)) / 16u) % 256u) * 1u))];
  let v1 = v0 + state[G_2_0_0_beta + ((((((((i / 16384u) % 16u) * 4096u + ((i / 64u) % 256u) * 16u + ((i / 16u) % 4u) * 4u + ((i / 2u) % 4u) * 1u)) / 16u) % 256u) * 1u))];
  let v2 = max(v1, 0.0);
  temp[t_G_2_0_2_upsample_reshape + i] = v2;
}
