// joint: matmul + add -> [200, 1] (D.6 dense (line 39))
// fuses: add, matmul, mul x2, cmplt; spec lines 38, 39

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_6_weight = 0u;
const D_6_bias = 1600u;
const t_D_6_dense_add = 0u;
const t_D_4_maxout_maxr = 4477200u;
const t_D_5_dropout_random = 6717200u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 4u + wg.x) * 64u + li;
  if (i >= 200u) { return; }
  let p0 = state[D_6_bias + (0u)];
  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 1600u; k++) {
    let v0 = select(0.0, 1.0, temp[t_D_5_dropout_random + (row * 1600u + k)] < 0.500000000);
    let v1 = v0 * 2.0;
    let v2 = temp[t_D_4_maxout_maxr + (row * 1600u + k)] * v1;
    acc = fma(v2, state[D_6_weight + (k * 1u + col)], acc);
  }
  let v0 = acc + p0;
  temp[t_D_6_dense_add + i] = v0;
}
