// d0: sum + sum -> [32]
// fuses: sum

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 32u) { return; }

  let base = (i % 32u) * 1u;
  var acc = 0.0;
  for (var r = 0u; r < 128u; r++) {

    acc = acc + temp[14464u + ((base + (r % 128u) * 32u))];
  }

  temp[480u + i] = acc;
}
