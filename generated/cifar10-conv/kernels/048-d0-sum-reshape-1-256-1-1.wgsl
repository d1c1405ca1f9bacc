// d0: sum + reshape -> [1, 256, 1, 1] (G.2 batchnorm (line 23))
// fuses: recip, sqrt, add, mul x2, sum, sub; spec line 23

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_G_2_batchnorm_reshape_2 = 6161152u;
const t_G_2_batchnorm_reshape = 6161408u;
const t_G_1_reshape = 6173952u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 4u + wg.x) * 64u + li;
  if (i >= 256u) { return; }

  let base = (i % 256u) * 16u;
  var acc = 0.0;
  for (var r = 0u; r < 2048u; r++) {
    let v0 = temp[t_G_1_reshape + ((base + ((r / 16u) % 128u) * 4096u + ((r / 4u) % 4u) * 4u + (r % 4u) * 1u))] - temp[t_G_2_batchnorm_reshape_2 + ((((((base + ((r / 16u) % 128u) * 4096u + ((r / 4u) % 4u) * 4u + (r % 4u) * 1u)) / 16u) % 256u) * 1u))];
    let v1 = v0 * v0;
    acc = acc + v1;
  }
  let v0 = acc * 0.000488281250;
  let v1 = v0 + 0.00000999999975;
  let v2 = sqrt(v1);
  let v3 = 1.0 / v2;
  temp[t_G_2_batchnorm_reshape + i] = v3;
}
