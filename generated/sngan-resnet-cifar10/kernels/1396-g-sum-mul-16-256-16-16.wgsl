// g: sum + mul -> [16, 256, 16, 16]
// fuses: mul x2, sum, sub, cmplt, add; spec line 28

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_4_0_0_gamma = 3024384u;
const G_4_0_0_beta = 3024640u;
const t_reshape = 5376000u;
const t_G_4_0_0_batchnorm_mul = 9570304u;
const t_mul = 10618880u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 16384u + wg.x) * 64u + li;
  if (i >= 1048576u) { return; }

  let base = ((i / 65536u) % 16u) * 262144u + ((i / 256u) % 256u) * 1024u + ((i / 16u) % 16u) * 64u + (i % 16u) * 2u;
  var acc = 0.0;
  for (var r = 0u; r < 4u; r++) {

    acc = acc + temp[t_reshape + ((base + ((r / 2u) % 2u) * 32u + (r % 2u) * 1u))];
  }
  let v0 = temp[t_G_4_0_0_batchnorm_mul + (i)] * state[G_4_0_0_gamma + ((((i / 256u) % 256u) * 1u))];
  let v1 = v0 + state[G_4_0_0_beta + ((((i / 256u) % 256u) * 1u))];
  let v2 = select(0.0, 1.0, v1 < 0.0);
  let v3 = 1.0 - v2;
  let v4 = acc * v3;
  temp[t_mul + i] = v4;
}
