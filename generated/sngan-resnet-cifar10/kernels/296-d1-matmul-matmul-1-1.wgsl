// d1: matmul + matmul -> [1, 1] (D.7 dense (line 112))
// fuses: matmul, permute, detach, div; spec line 112

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_7_weight = 5335300u;
const t_D_7_dense_matmul_2 = 49152u;
const t_D_7_dense_reshape = 49280u;
const t_D_7_dense_matmul = 49284u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 1u) { return; }
  let p0 = temp[t_D_7_dense_reshape + (0u)];
  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 128u; k++) {
    let v0 = temp[t_D_7_dense_matmul_2 + (k * 1u + col)] / p0;
    let v1 = (v0);
    acc = fma(state[D_7_weight + ((0u * 1u + ((row * 128u + k) % 128u) * 1u))], v1, acc);
  }

  temp[t_D_7_dense_matmul + i] = acc;
}
