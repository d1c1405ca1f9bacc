// d0: matmul + add -> [128, 2] (G.6 dense (line 24))
// fuses: add, matmul; spec line 24

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_6_weight = 8512u;
const G_6_bias = 8640u;
const t_G_5_relu_max = 640u;
const t_G_6_dense_add = 8832u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 4u + wg.x) * 64u + li;
  if (i >= 256u) { return; }

  let row = i / 2u;
  let col = i % 2u;
  var acc = 0.0;
  for (var k = 0u; k < 64u; k++) {

    acc = fma(temp[t_G_5_relu_max + (row * 64u + k)], state[G_6_weight + (k * 2u + col)], acc);
  }
  let v0 = acc + state[G_6_bias + (((i % 2u) * 1u))];
  temp[t_G_6_dense_add + i] = v0;
}
