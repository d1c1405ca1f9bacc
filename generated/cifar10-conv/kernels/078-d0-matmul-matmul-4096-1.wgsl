// d0: matmul + matmul -> [4096, 1]
// fuses: matmul, permute, max, mul x2, sigmoid; spec line 43

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_9_dense_add = 9700864u;
const t_matmul = 9701124u;
const t_D_6_batchnorm_add = 11416832u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 64u + wg.x) * 64u + li;
  if (i >= 4096u) { return; }

  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 128u; k++) {
    let v0 = temp[t_D_6_batchnorm_add + (((((row * 128u + k) / 128u) % 4096u) * 1u + ((row * 128u + k) % 128u) * 4096u))] * 0.200000003;
    let v1 = max(temp[t_D_6_batchnorm_add + (((((row * 128u + k) / 128u) % 4096u) * 1u + ((row * 128u + k) % 128u) * 4096u))], v0);
    let v2 = select(exp(temp[t_D_9_dense_add + (k * 1u + col)]) / (1.0 + exp(temp[t_D_9_dense_add + (k * 1u + col)])), 1.0 / (1.0 + exp(-(temp[t_D_9_dense_add + (k * 1u + col)]))), temp[t_D_9_dense_add + (k * 1u + col)] >= 0.0);
    let v3 = 0.00390625000 * v2;
    acc = fma(v1, v3, acc);
  }

  temp[t_matmul + i] = acc;
}
