// joint: matmul + add -> [200, 1] (D.6 dense (line 43))
// fuses: add, matmul, mul x2, cmplt; spec lines 42, 43

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_6_weight = 3735184u;
const D_6_bias = 3735424u;
const t_D_6_dense_add = 78400u;
const t_D_4_maxout_maxr = 947600u;
const t_D_5_dropout_random = 1283600u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 4u + wg.x) * 64u + li;
  if (i >= 200u) { return; }
  let p0 = state[D_6_bias + (0u)];
  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 240u; k++) {
    let v0 = select(0.0, 1.0, temp[t_D_5_dropout_random + (row * 240u + k)] < 0.500000000);
    let v1 = v0 * 2.0;
    let v2 = temp[t_D_4_maxout_maxr + (row * 240u + k)] * v1;
    acc = fma(v2, state[D_6_weight + (k * 1u + col)], acc);
  }
  let v0 = acc + p0;
  temp[t_D_6_dense_add + i] = v0;
}
