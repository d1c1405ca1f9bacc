// joint: matmul + sub -> [1200, 1] (optimizer D (sgd))
// fuses: sub, mul x4, matmul, permute, cmplt; spec line 42

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const opt_D_6_weight_velocity = 52u;
const t_optimizer_D_add = 8u;
const t_add = 12u;
const t_D_4_maxout_maxr = 4221008u;
const t_D_5_dropout_random = 5901008u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 19u + wg.x) * 64u + li;
  if (i >= 1200u) { return; }
  let p0 = temp[t_optimizer_D_add + (0u)];
  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 200u; k++) {
    let v0 = select(0.0, 1.0, temp[t_D_5_dropout_random + (((((row * 200u + k) / 200u) % 1200u) * 1u + ((row * 200u + k) % 200u) * 1200u))] < 0.500000000);
    let v1 = v0 * 2.0;
    let v2 = temp[t_D_4_maxout_maxr + (((((row * 200u + k) / 200u) % 1200u) * 1u + ((row * 200u + k) % 200u) * 1200u))] * v1;
    acc = fma(v2, temp[t_add + (k * 1u + col)], acc);
  }
  let v0 = p0 * state[opt_D_6_weight_velocity + (i)];
  let v1 = 0.0500000007 * acc;
  let v2 = v0 - v1;
  state[opt_D_6_weight_velocity + i] = v2;
}
