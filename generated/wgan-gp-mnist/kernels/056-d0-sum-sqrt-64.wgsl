// d0: sum + sqrt -> [64] (penalty)
// fuses: sqrt, add, sum, mul, slice

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_penalty_sqrt = 50368u;
const t_penalty_conv2d_t = 251136u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 64u) { return; }

  let base = (i % 64u) * 784u;
  var acc = 0.0;
  for (var r = 0u; r < 784u; r++) {
    let v0 = temp[t_penalty_conv2d_t + (((base + (r % 784u) * 1u)) + 100352u)] * temp[t_penalty_conv2d_t + (((base + (r % 784u) * 1u)) + 100352u)];
    acc = acc + v0;
  }
  let v0 = acc + 9.99999996e-13;
  let v1 = sqrt(v0);
  temp[t_penalty_sqrt + i] = v1;
}
