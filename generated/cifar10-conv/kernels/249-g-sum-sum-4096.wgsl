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
    let v0 = temp[537088u + ((base + (r % 128u) * 4096u))] + temp[0u + ((((((base + (r % 128u) * 4096u)) / 16u) % 256u) * 1u))];
    acc = acc + v0;
  }
  let v0 = state[3889424u + (i)] * 0.999000013;
  let v1 = acc * acc;
  let v2 = v1 * 0.00100000005;
  let v3 = v0 + v2;
  let v4 = state[3885328u + (i)] * 0.500000000;
  let v5 = acc * 0.500000000;
  let v6 = v4 + v5;
  temp[5632u + i] = acc;
  state[3889424u + i] = v3;
  state[3885328u + i] = v6;
}
