// g: reshape -> [16, 256, 32, 32] (G.4.0.2 upsample (line 30))
// fuses: max, add, mul; spec lines 28, 29

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_4_0_0_gamma = 3024384u;
const G_4_0_0_beta = 3024640u;
const t_G_4_0_0_batchnorm_mul = 9570304u;
const t_G_4_0_2_upsample_reshape = 10618880u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 65535u + wg.x) * 64u + li;
  if (i >= 4194304u) { return; }

  let v0 = temp[t_G_4_0_0_batchnorm_mul + ((((i / 262144u) % 16u) * 65536u + ((i / 1024u) % 256u) * 256u + ((i / 64u) % 16u) * 16u + ((i / 2u) % 16u) * 1u))] * state[G_4_0_0_gamma + ((((((((i / 262144u) % 16u) * 65536u + ((i / 1024u) % 256u) * 256u + ((i / 64u) % 16u) * 16u + ((i / 2u) % 16u) * 1u)) / 256u) % 256u) * 1u))];
  let v1 = v0 + state[G_4_0_0_beta + ((((((((i / 262144u) % 16u) * 65536u + ((i / 1024u) % 256u) * 256u + ((i / 64u) % 16u) * 16u + ((i / 2u) % 16u) * 1u)) / 256u) % 256u) * 1u))];
  let v2 = max(v1, 0.0);
  temp[t_G_4_0_2_upsample_reshape + i] = v2;
}
