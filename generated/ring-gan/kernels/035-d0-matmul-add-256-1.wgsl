// d0: matmul + add -> [256, 1] (D.6 dense (line 32))
// fuses: add, matmul, max; spec lines 31, 32

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_6_weight = 17156u;
const D_6_bias = 17220u;
const t_D_6_dense_add = 768u;
const t_D_4_dense_add = 49664u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 4u + wg.x) * 64u + li;
  if (i >= 256u) { return; }
  let p0 = state[D_6_bias + (0u)];
  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 64u; k++) {
    let v0 = max(temp[t_D_4_dense_add + (row * 64u + k)], 0.0);
    acc = fma(v0, state[D_6_weight + (k * 1u + col)], acc);
  }
  let v0 = acc + p0;
  temp[t_D_6_dense_add + i] = v0;
}
