// g: sum + mul -> [128] (G.2 batchnorm (line 22))
// fuses: mul, sum; spec line 22

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_2_running_mean = 633728u;
const t_G_2_batchnorm_mul = 0u;
const t_G_1_reshape = 6400u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2u + wg.x) * 64u + li;
  if (i >= 128u) { return; }

  let base = (i % 128u) * 49u;
  var acc = 0.0;
  for (var r = 0u; r < 3136u; r++) {

    acc = acc + temp[t_G_1_reshape + ((base + ((r / 49u) % 64u) * 6272u + ((r / 7u) % 7u) * 7u + (r % 7u) * 1u))];
  }
  let v0 = acc * 0.000318877544;
  let v1 = state[G_2_running_mean + (i)] * 0.899999976;
  let v2 = v0 * 0.100000001;
  let v3 = v1 + v2;
  temp[t_G_2_batchnorm_mul + i] = v0;
  state[G_2_running_mean + i] = v3;
}
