// joint: matmul + sub -> [240, 1] (optimizer D (sgd))
// fuses: sub, mul x4, max, div, pow, matmul, permute, cmplt; spec line 42

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_6_weight = 3735184u;
const opt_D_6_weight_velocity = 4966628u;
const t_optimizer_D_add = 78600u;
const t_add = 78604u;
const t_D_4_maxout_maxr = 947600u;
const t_D_5_dropout_random = 1283600u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 4u + wg.x) * 64u + li;
  if (i >= 240u) { return; }
  let p0 = temp[t_optimizer_D_add + (0u)];
  let p1 = pow(1.00000405, bitcast<f32>(clock[0]));
  let p2 = 0.100000001 / p1;
  let p3 = max(p2, 9.99999997e-7);
  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 200u; k++) {
    let v0 = select(0.0, 1.0, temp[t_D_5_dropout_random + (((((row * 200u + k) / 200u) % 240u) * 1u + ((row * 200u + k) % 200u) * 240u))] < 0.500000000);
    let v1 = v0 * 2.0;
    let v2 = temp[t_D_4_maxout_maxr + (((((row * 200u + k) / 200u) % 240u) * 1u + ((row * 200u + k) % 200u) * 240u))] * v1;
    acc = fma(v2, temp[t_add + (k * 1u + col)], acc);
  }
  let v0 = p0 * state[opt_D_6_weight_velocity + (i)];
  let v1 = p3 * acc;
  let v2 = v0 - v1;
  let v3 = state[D_6_weight + (i)] + v2;
  state[opt_D_6_weight_velocity + i] = v2;
  state[D_6_weight + i] = v3;
}
