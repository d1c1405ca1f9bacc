// d0: matmul + add -> [128, 1] (D.4 dense (line 31))
// fuses: add, matmul; spec line 31

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_4_weight = 1444u;
const D_4_bias = 1476u;
const t_D_4_dense_add = 256u;
const t_D_3_tanh = 6272u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2u + wg.x) * 64u + li;
  if (i >= 128u) { return; }
  let p0 = state[D_4_bias + (0u)];
  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 32u; k++) {

    acc = fma(temp[t_D_3_tanh + (row * 32u + k)], state[D_4_weight + (k * 1u + col)], acc);
  }
  let v0 = acc + p0;
  temp[t_D_4_dense_add + i] = v0;
}
