// d0: sum + sum -> [128]
// fuses: sum

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_2_bias = 972868u;
const opt_D_2_bias_adam_m = 1392200u;
const opt_D_2_bias_adam_v = 1392328u;
const t_sum = 56704u;
const t_add = 7282112u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2u + wg.x) * 64u + li;
  if (i >= 128u) { return; }
  let p0 = bitcast<f32>(clock[0]) * 5.0;
  let p1 = p0 + 1.0;
  let p2 = pow(0.0, p1);
  let p3 = 1.0 - p2;
  let p4 = pow(0.899999976, p1);
  let p5 = 1.0 - p4;
  let base = (i % 128u) * 49u;
  var acc = 0.0;
  for (var r = 0u; r < 9408u; r++) {

    acc = acc + temp[t_add + ((base + ((r / 49u) % 192u) * 6272u + ((r / 7u) % 7u) * 7u + (r % 7u) * 1u))];
  }
  let v0 = state[opt_D_2_bias_adam_v + (i)] * 0.899999976;
  let v1 = acc * acc;
  let v2 = v1 * 0.100000001;
  let v3 = v0 + v2;
  let v4 = state[opt_D_2_bias_adam_m + (i)] * 0.0;
  let v5 = v4 + acc;
  let v6 = v5 / p3;
  let v7 = v3 / p5;
  let v8 = sqrt(v7);
  let v9 = v8 + 9.99999994e-9;
  let v10 = v6 / v9;
  let v11 = 0.0000999999975 * v10;
  let v12 = state[D_2_bias + (i)] - v11;
  temp[t_sum + i] = acc;
  state[opt_D_2_bias_adam_v + i] = v3;
  state[opt_D_2_bias_adam_m + i] = v5;
  state[D_2_bias + i] = v12;
}
