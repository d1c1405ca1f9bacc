// d3: matmul + add -> [32, 1] (D.7 dense (line 112))
// fuses: add, matmul, div; spec line 112

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_7_weight = 5335300u;
const D_7_bias = 5335432u;
const t_D_7_dense_add = 50448u;
const t_D_7_dense_reshape = 58832u;
const t_D_6_flatten_reshape = 83412u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 32u) { return; }
  let p0 = temp[t_D_7_dense_reshape + (0u)];
  let p1 = state[D_7_bias + (0u)];
  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 128u; k++) {
    let v0 = state[D_7_weight + (k * 1u + col)] / p0;
    acc = fma(temp[t_D_6_flatten_reshape + (row * 128u + k)], v0, acc);
  }
  let v0 = acc + p1;
  temp[t_D_7_dense_add + i] = v0;
}
