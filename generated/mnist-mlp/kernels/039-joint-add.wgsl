// joint: add -> [] (optimizer D (sgd))
// fuses: add x2, mul x2, neg x3, max x2

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 1u) { return; }
  let v0 = bitcast<f32>(clock[1]) + -1.0;
  let v1 = v0 * 0.00401606411;
  let v2 = max(v1, 0.0);
  let v3 = -(v2);
  let v4 = -(1.0);
  let v5 = max(v3, v4);
  let v6 = -(v5);
  let v7 = v6 * 0.200000003;
  let v8 = v7 + 0.500000000;
  temp[328400u + i] = v8;
}
