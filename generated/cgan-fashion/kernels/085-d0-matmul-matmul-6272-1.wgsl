// d0: matmul + matmul -> [6272, 1]
// fuses: matmul, permute, max, mul; spec line 40

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_add = 57764u;
const t_matmul = 58020u;
const t_D_2_conv2d_add = 208292u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 98u + wg.x) * 64u + li;
  if (i >= 6272u) { return; }

  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 128u; k++) {
    let v0 = temp[t_D_2_conv2d_add + (((((row * 128u + k) / 128u) % 6272u) * 1u + ((row * 128u + k) % 128u) * 6272u))] * 0.100000001;
    let v1 = max(temp[t_D_2_conv2d_add + (((((row * 128u + k) / 128u) % 6272u) * 1u + ((row * 128u + k) % 128u) * 6272u))], v0);
    acc = fma(v1, temp[t_add + (k * 1u + col)], acc);
  }

  temp[t_matmul + i] = acc;
}
