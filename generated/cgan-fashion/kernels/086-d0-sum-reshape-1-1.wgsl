// d0: sum + reshape -> [1, 1]
// fuses: mul x2, sum, neg, div x2; spec line 42

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_5_weight = 1078236u;
const D_5_sn_u = 1084508u;
const t_D_5_dense_reshape = 57552u;
const t_reshape = 57556u;
const t_matmul = 58020u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 1u) { return; }
  let p0 = temp[t_D_5_dense_reshape + (0u)];
  let p1 = state[D_5_sn_u + (0u)];
  let base = 0u * 1u;
  var acc = 0.0;
  for (var r = 0u; r < 6272u; r++) {
    let v0 = state[D_5_weight + ((base + (r % 6272u) * 1u))] / p0;
    let v1 = temp[t_matmul + ((base + (r % 6272u) * 1u))] * v0;
    let v2 = v1 / p0;
    let v3 = -(v2);
    acc = acc + v3;
  }
  let v0 = acc * p1;
  temp[t_reshape + i] = v0;
}
