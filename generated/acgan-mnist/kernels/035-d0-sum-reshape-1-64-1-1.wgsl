// d0: sum + reshape -> [1, 64, 1, 1] (G.4 batchnorm (line 27))
// fuses: mul, sum; spec line 27

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_G_4_batchnorm_reshape = 50304u;
const t_G_3_reshape = 57344u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 64u) { return; }

  let base = (i % 64u) * 49u;
  var acc = 0.0;
  for (var r = 0u; r < 3136u; r++) {

    acc = acc + temp[t_G_3_reshape + ((base + ((r / 49u) % 64u) * 3136u + ((r / 7u) % 7u) * 7u + (r % 7u) * 1u))];
  }
  let v0 = acc * 0.000318877544;
  temp[t_G_4_batchnorm_reshape + i] = v0;
}
