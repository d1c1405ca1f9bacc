// g: sum + sum -> [4096]
// fuses: sum, add

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 64u + wg.x) * 64u + li;
  if (i >= 4096u) { return; }

  let base = (i % 4096u) * 1u;
  var acc = 0.0;
  for (var r = 0u; r < 128u; r++) {
    let v0 = temp[2635008u + ((base + (r % 128u) * 4096u))] + temp[0u + ((((((base + (r % 128u) * 4096u)) / 16u) % 256u) * 1u))];
    acc = acc + v0;
  }

  temp[12800u + i] = acc;
}
