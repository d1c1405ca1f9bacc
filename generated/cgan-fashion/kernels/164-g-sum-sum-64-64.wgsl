// g: sum + sum -> [64, 64]
// fuses: sum

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_sum = 16832u;
const t_mul = 4092992u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 64u + wg.x) * 64u + li;
  if (i >= 4096u) { return; }

  let base = ((i / 64u) % 64u) * 12544u + (i % 64u) * 196u;
  var acc = 0.0;
  for (var r = 0u; r < 196u; r++) {

    acc = acc + temp[t_mul + ((base + ((r / 14u) % 14u) * 14u + (r % 14u) * 1u))];
  }

  temp[t_sum + i] = acc;
}
