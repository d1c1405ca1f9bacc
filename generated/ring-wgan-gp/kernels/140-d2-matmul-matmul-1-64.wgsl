// d2: matmul + matmul -> [1, 64]
// fuses: matmul, permute

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_matmul = 9728u;
const t_mul = 123776u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 64u) { return; }

  let row = i / 64u;
  let col = i % 64u;
  var acc = 0.0;
  for (var k = 0u; k < 128u; k++) {

    acc = fma(1.0, temp[t_mul + (k * 64u + col)], acc);
  }

  temp[t_matmul + i] = acc;
}
