// d0: matmul + add -> [128, 1] (D.8 add (line 45))
// fuses: add x2, matmul, max, mul, div; spec lines 40, 42, 45

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_5_weight = 1078236u;
const D_5_bias = 1084512u;
const t_D_5_dense_reshape = 57552u;
const t_D_7_dot_reshape = 57764u;
const t_D_8_add = 57892u;
const t_D_2_conv2d_add = 208292u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2u + wg.x) * 64u + li;
  if (i >= 128u) { return; }
  let p0 = temp[t_D_5_dense_reshape + (0u)];
  let p1 = state[D_5_bias + (0u)];
  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 6272u; k++) {
    let v0 = temp[t_D_2_conv2d_add + (row * 6272u + k)] * 0.100000001;
    let v1 = max(temp[t_D_2_conv2d_add + (row * 6272u + k)], v0);
    let v2 = state[D_5_weight + (k * 1u + col)] / p0;
    acc = fma(v1, v2, acc);
  }
  let v0 = acc + p1;
  let v1 = v0 + temp[t_D_7_dot_reshape + (i)];
  temp[t_D_8_add + i] = v1;
}
