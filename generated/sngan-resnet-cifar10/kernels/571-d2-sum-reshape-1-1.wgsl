// d2: sum + reshape -> [1, 1] (D.7 dense (line 112))
// fuses: sum, mul; spec line 112

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_7_sn_u = 5335428u;
const t_D_7_dense_matmul = 49284u;
const t_D_7_dense_reshape = 58832u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 1u) { return; }
  let p0 = temp[t_D_7_dense_matmul + (0u)];
  let p1 = state[D_7_sn_u + (0u)];
  let p2 = p0 * p1;
  let base = 0u;
  var acc = 0.0;
  for (var r = 0u; r < 1u; r++) {

    acc = acc + p2;
  }

  temp[t_D_7_dense_reshape + i] = acc;
}
