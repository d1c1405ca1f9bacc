// d0: matmul + matmul -> [1, 6272]
// fuses: matmul, permute, add, mul x4, slice x3, sub, cmplt; spec line 35

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_matmul = 50432u;
const t_D_2_conv2d_add = 3669440u;
const t_conv2d = 6077888u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 98u + wg.x) * 64u + li;
  if (i >= 6272u) { return; }

  let row = i / 6272u;
  let col = i % 6272u;
  var acc = 0.0;
  for (var k = 0u; k < 64u; k++) {
    let v0 = temp[t_D_2_conv2d_add + ((k * 6272u + col) + 802816u)] * 0.200000003;
    let v1 = select(0.0, 1.0, temp[t_D_2_conv2d_add + ((k * 6272u + col) + 802816u)] < v0);
    let v2 = 1.0 - v1;
    let v3 = temp[t_conv2d + ((k * 6272u + col) + 802816u)] * v2;
    let v4 = temp[t_conv2d + ((k * 6272u + col) + 802816u)] * 0.200000003;
    let v5 = v4 * v1;
    let v6 = v3 + v5;
    acc = fma(1.0, v6, acc);
  }

  temp[t_matmul + i] = acc;
}
