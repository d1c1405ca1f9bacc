// d0: add -> [128, 64, 16, 16]
// fuses: add, mul x4, sub, cmplt; spec line 37

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_0_conv2d_add = 393216u;
const t_conv2d_t = 6554368u;
const t_add = 9709316u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 32768u + wg.x) * 64u + li;
  if (i >= 2097152u) { return; }

  let v0 = temp[t_D_0_conv2d_add + (i)] * 0.200000003;
  let v1 = select(0.0, 1.0, temp[t_D_0_conv2d_add + (i)] < v0);
  let v2 = 1.0 - v1;
  let v3 = temp[t_conv2d_t + (i)] * v2;
  let v4 = temp[t_conv2d_t + (i)] * v1;
  let v5 = v4 * 0.200000003;
  let v6 = v3 + v5;
  temp[t_add + i] = v6;
}
