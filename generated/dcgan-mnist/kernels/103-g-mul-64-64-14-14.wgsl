// g: mul -> [64, 64, 14, 14] (G.5 batchnorm (line 25))
// fuses: mul, sub, recip, sqrt, add; spec line 25

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 12544u + wg.x) * 64u + li;
  if (i >= 802816u) { return; }

  let v0 = temp[1210624u + (i)] - temp[256u + ((((i / 196u) % 64u) * 1u))];
  let v1 = temp[320u + ((((i / 196u) % 64u) * 1u))] + 0.00000999999975;
  let v2 = sqrt(v1);
  let v3 = 1.0 / v2;
  let v4 = v0 * v3;
  temp[2013440u + i] = v4;
}
