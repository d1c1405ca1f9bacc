// d3: matmul + matmul -> [128, 1]
// fuses: matmul, permute

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_add = 50480u;
const t_matmul = 51728u;
const t_D_6_flatten_reshape = 83412u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2u + wg.x) * 64u + li;
  if (i >= 128u) { return; }

  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 32u; k++) {

    acc = fma(temp[t_D_6_flatten_reshape + (((((row * 32u + k) / 32u) % 128u) * 1u + ((row * 32u + k) % 32u) * 128u))], temp[t_add + (k * 1u + col)], acc);
  }

  temp[t_matmul + i] = acc;
}
