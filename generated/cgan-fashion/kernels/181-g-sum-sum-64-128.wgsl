// g: sum + sum -> [64, 128]
// fuses: sum, mul

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_sum = 64u;
const t_G_4_batchnorm_mul = 426048u;
const t_mul = 827456u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 128u + wg.x) * 64u + li;
  if (i >= 8192u) { return; }

  let base = ((i / 128u) % 64u) * 6272u + (i % 128u) * 49u;
  var acc = 0.0;
  for (var r = 0u; r < 49u; r++) {
    let v0 = temp[t_mul + ((base + ((r / 7u) % 7u) * 7u + (r % 7u) * 1u))] * temp[t_G_4_batchnorm_mul + ((base + ((r / 7u) % 7u) * 7u + (r % 7u) * 1u))];
    acc = acc + v0;
  }

  temp[t_sum + i] = acc;
}
