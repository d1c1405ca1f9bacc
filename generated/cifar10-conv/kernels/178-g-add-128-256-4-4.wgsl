// g: add -> [128, 256, 4, 4]
// fuses: add x2, mul x2, recip, sub; spec line 42

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 8192u + wg.x) * 64u + li;
  if (i >= 524288u) { return; }

  let v0 = 1.0 / temp[1408u + ((((i / 16u) % 256u) * 1u))];
  let v1 = temp[15741440u + (i)] * v0;
  let v2 = temp[14168576u + (i)] - temp[1152u + ((((i / 16u) % 256u) * 1u))];
  let v3 = temp[1792u + ((((i / 16u) % 256u) * 1u))] * v2;
  let v4 = v1 + v3;
  let v5 = v4 + v3;
  temp[14692864u + i] = v5;
}
