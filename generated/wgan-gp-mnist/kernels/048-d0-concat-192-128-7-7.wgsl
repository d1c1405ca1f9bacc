// d0: concat -> [192, 128, 7, 7] (penalty)
// fuses: concat, add, mul x4, slice x2, sub, cmplt; spec line 35

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_penalty_reshape = 251136u;
const t_D_2_conv2d_add = 3669440u;
const t_penalty_concat = 4873664u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 18816u + wg.x) * 64u + li;
  if (i >= 1204224u) { return; }

  let v0 = temp[t_D_2_conv2d_add + ((select(0u, (i) - 802816u, (i) >= 802816u)) + 802816u)] * 0.200000003;
  let v1 = select(0.0, 1.0, temp[t_D_2_conv2d_add + ((select(0u, (i) - 802816u, (i) >= 802816u)) + 802816u)] < v0);
  let v2 = 1.0 - v1;
  let v3 = temp[t_penalty_reshape + (select(0u, (i) - 802816u, (i) >= 802816u))] * v2;
  let v4 = temp[t_penalty_reshape + (select(0u, (i) - 802816u, (i) >= 802816u))] * v1;
  let v5 = v4 * 0.200000003;
  let v6 = v3 + v5;
  let v7 = select(v6, 0.0, (i) < 802816u);
  temp[t_penalty_concat + i] = v7;
}
