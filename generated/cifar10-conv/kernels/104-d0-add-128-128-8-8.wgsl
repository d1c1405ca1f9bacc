// d0: add -> [128, 128, 8, 8]
// fuses: add x2, mul x4, sub, cmplt; spec line 39

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 16384u + wg.x) * 64u + li;
  if (i >= 1048576u) { return; }

  let v0 = temp[3539200u + (i)] * state[1208452u + ((((i / 64u) % 128u) * 1u))];
  let v1 = v0 + state[1208580u + ((((i / 64u) % 128u) * 1u))];
  let v2 = select(0.0, 1.0, v1 < temp[4587776u + (i)]);
  let v3 = 1.0 - v2;
  let v4 = temp[9713412u + (i)] * v3;
  let v5 = temp[9713412u + (i)] * v2;
  let v6 = v5 * 0.200000003;
  let v7 = v4 + v6;
  temp[10761988u + i] = v7;
}
