// d2: matmul + matmul -> [1, 128]
// fuses: matmul, permute, detach, div; spec line 112

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_7_dense_matmul = 49152u;
const t_D_7_dense_reshape = 49280u;
const t_reshape = 50516u;
const t_matmul = 54296u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2u + wg.x) * 64u + li;
  if (i >= 128u) { return; }
  let p0 = temp[t_reshape + (0u)];
  let p1 = temp[t_D_7_dense_reshape + (0u)];
  let row = i / 128u;
  let col = i % 128u;
  var acc = 0.0;
  for (var k = 0u; k < 1u; k++) {
    let v0 = temp[t_D_7_dense_matmul + ((0u * 1u + ((k * 128u + col) % 128u) * 1u))] / p1;
    let v1 = (v0);
    acc = fma(p0, v1, acc);
  }

  temp[t_matmul + i] = acc;
}
