// g: add -> [128, 128, 8, 8] (D.3 batchnorm (line 39))
// fuses: add, mul x2, sub, recip; spec line 39

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 16384u + wg.x) * 64u + li;
  if (i >= 1048576u) { return; }

  let v0 = temp[3682816u + (i)] - temp[896u + ((((i / 64u) % 128u) * 1u))];
  let v1 = 1.0 / temp[1024u + ((((i / 64u) % 128u) * 1u))];
  let v2 = v0 * v1;
  let v3 = v2 * state[1208452u + ((((i / 64u) % 128u) * 1u))];
  let v4 = v3 + state[1208580u + ((((i / 64u) % 128u) * 1u))];
  temp[13120000u + i] = v4;
}
