// joint: mul -> [200, 784] (D.1 dropout (line 38))
// fuses: mul x2, concat, cmplt; spec line 38

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2450u + wg.x) * 64u + li;
  if (i >= 156800u) { return; }

  let v0 = select(temp[328400u + (select(0u, (i) - 78400u, (i) >= 78400u))], temp[0u + (min(i, 78399u))], (i) < 78400u);
  let v1 = select(0.0, 1.0, temp[406800u + (i)] < 0.800000012);
  let v2 = v1 * 1.25000000;
  let v3 = v0 * v2;
  temp[563600u + i] = v3;
}
