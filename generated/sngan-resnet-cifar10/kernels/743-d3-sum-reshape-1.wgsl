// d3: sum + reshape -> [1] (D.7 dense (line 112))
// fuses: detach, div, max, sqrt, sum, mul; spec line 112

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_7_sn_u = 5335428u;
const t_D_7_dense_matmul = 49284u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 1u) { return; }
  let p0 = temp[t_D_7_dense_matmul + (0u)];
  let p1 = p0 * p0;
  let base = 0u;
  var acc = 0.0;
  for (var r = 0u; r < 1u; r++) {

    acc = acc + p1;
  }
  let v0 = sqrt(acc);
  let v1 = max(v0, 9.99999996e-13);
  let v2 = p0 / v1;
  let v3 = (v2);
  state[D_7_sn_u + i] = v3;
}
