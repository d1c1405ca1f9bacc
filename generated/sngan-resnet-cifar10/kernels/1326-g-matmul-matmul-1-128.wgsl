// g: matmul + matmul -> [1, 128] (D.7 dense (line 112))
// fuses: matmul, permute; spec line 112

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_7_weight = 5335300u;
const D_7_sn_u = 5335428u;
const t_D_7_dense_matmul = 1887788u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2u + wg.x) * 64u + li;
  if (i >= 128u) { return; }
  let p0 = state[D_7_sn_u + (0u)];
  let row = i / 128u;
  let col = i % 128u;
  var acc = 0.0;
  for (var k = 0u; k < 1u; k++) {

    acc = fma(p0, state[D_7_weight + ((0u * 1u + ((k * 128u + col) % 128u) * 1u))], acc);
  }

  temp[t_D_7_dense_matmul + i] = acc;
}
