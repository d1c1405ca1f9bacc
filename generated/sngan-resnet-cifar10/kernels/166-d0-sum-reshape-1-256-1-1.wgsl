// d0: sum + reshape -> [1, 256, 1, 1] (G.4.0.4 batchnorm (line 32))
// fuses: recip, sqrt, add, mul x2, sum, sub; spec line 32

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_G_4_0_4_batchnorm_reshape_2 = 58836u;
const t_G_4_0_4_batchnorm_reshape = 59092u;
const t_G_4_0_3_conv2d_add = 6942164u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 4u + wg.x) * 64u + li;
  if (i >= 256u) { return; }

  let base = (i % 256u) * 1024u;
  var acc = 0.0;
  for (var r = 0u; r < 16384u; r++) {
    let v0 = temp[t_G_4_0_3_conv2d_add + ((base + ((r / 1024u) % 16u) * 262144u + ((r / 32u) % 32u) * 32u + (r % 32u) * 1u))] - temp[t_G_4_0_4_batchnorm_reshape_2 + ((((((base + ((r / 1024u) % 16u) * 262144u + ((r / 32u) % 32u) * 32u + (r % 32u) * 1u)) / 1024u) % 256u) * 1u))];
    let v1 = v0 * v0;
    acc = acc + v1;
  }
  let v0 = acc * 0.0000610351563;
  let v1 = v0 + 0.00000999999975;
  let v2 = sqrt(v1);
  let v3 = 1.0 / v2;
  temp[t_G_4_0_4_batchnorm_reshape + i] = v3;
}
