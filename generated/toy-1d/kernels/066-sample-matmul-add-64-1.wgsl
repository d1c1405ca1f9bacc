// sample: matmul + add -> [64, 1] (G.4 dense (line 21))
// fuses: add, matmul; spec line 21

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_4_weight = 304u;
const G_4_bias = 320u;
const t_G_4_dense_add = 64u;
const t_G_3_relu_max = 1088u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 64u) { return; }
  let p0 = state[G_4_bias + (0u)];
  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 16u; k++) {

    acc = fma(temp[t_G_3_relu_max + (row * 16u + k)], state[G_4_weight + (k * 1u + col)], acc);
  }
  let v0 = acc + p0;
  temp[t_G_4_dense_add + i] = v0;
}
