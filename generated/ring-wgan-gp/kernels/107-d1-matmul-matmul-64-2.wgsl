// d1: matmul + matmul -> [64, 2]
// fuses: matmul, permute

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_matmul = 5760u;
const t_add = 9984u;
const t_penalty_mul = 99200u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2u + wg.x) * 64u + li;
  if (i >= 128u) { return; }

  let row = i / 2u;
  let col = i % 2u;
  var acc = 0.0;
  for (var k = 0u; k < 128u; k++) {

    acc = fma(temp[t_penalty_mul + (((((row * 128u + k) / 128u) % 64u) * 1u + ((row * 128u + k) % 128u) * 64u))], temp[t_add + (k * 2u + col)], acc);
  }

  temp[t_matmul + i] = acc;
}
