// g: sum + mul -> [64] (G.7 batchnorm (line 30))
// fuses: mul x2, sum, sub; spec line 30

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_7_running_var = 944664u;
const t_G_7_batchnorm_mul_2 = 16704u;
const t_G_7_batchnorm_mul = 16768u;
const t_G_6_conv2d_transpose_add = 827456u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 64u) { return; }

  let base = (i % 64u) * 196u;
  var acc = 0.0;
  for (var r = 0u; r < 12544u; r++) {
    let v0 = temp[t_G_6_conv2d_transpose_add + ((base + ((r / 196u) % 64u) * 12544u + ((r / 14u) % 14u) * 14u + (r % 14u) * 1u))] - temp[t_G_7_batchnorm_mul_2 + ((((((base + ((r / 196u) % 64u) * 12544u + ((r / 14u) % 14u) * 14u + (r % 14u) * 1u)) / 196u) % 64u) * 1u))];
    let v1 = v0 * v0;
    acc = acc + v1;
  }
  let v0 = acc * 0.0000797193861;
  let v1 = state[G_7_running_var + (i)] * 0.899999976;
  let v2 = v0 * 0.100000001;
  let v3 = v1 + v2;
  temp[t_G_7_batchnorm_mul + i] = v0;
  state[G_7_running_var + i] = v3;
}
