// g: sum + sum -> [64]
// fuses: sum, mul

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_5_gamma = 765120u;
const opt_G_5_gamma_adam_m = 2712848u;
const opt_G_5_gamma_adam_v = 2712912u;
const t_sum = 256u;
const t_G_5_batchnorm_mul = 2013440u;
const t_mul = 2816256u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 64u) { return; }
  let p0 = bitcast<f32>(clock[0]) + 1.0;
  let p1 = pow(0.500000000, p0);
  let p2 = 1.0 - p1;
  let p3 = pow(0.999000013, p0);
  let p4 = 1.0 - p3;
  let base = (i % 64u) * 196u;
  var acc = 0.0;
  for (var r = 0u; r < 12544u; r++) {
    let v0 = temp[t_mul + ((base + ((r / 196u) % 64u) * 12544u + ((r / 14u) % 14u) * 14u + (r % 14u) * 1u))] * temp[t_G_5_batchnorm_mul + ((base + ((r / 196u) % 64u) * 12544u + ((r / 14u) % 14u) * 14u + (r % 14u) * 1u))];
    acc = acc + v0;
  }
  let v0 = state[opt_G_5_gamma_adam_v + (i)] * 0.999000013;
  let v1 = acc * acc;
  let v2 = v1 * 0.00100000005;
  let v3 = v0 + v2;
  let v4 = state[opt_G_5_gamma_adam_m + (i)] * 0.500000000;
  let v5 = acc * 0.500000000;
  let v6 = v4 + v5;
  let v7 = v6 / p2;
  let v8 = v3 / p4;
  let v9 = sqrt(v8);
  let v10 = v9 + 9.99999994e-9;
  let v11 = v7 / v10;
  let v12 = 0.000199999995 * v11;
  let v13 = state[G_5_gamma + (i)] - v12;
  temp[t_sum + i] = acc;
  state[opt_G_5_gamma_adam_v + i] = v3;
  state[opt_G_5_gamma_adam_m + i] = v6;
  state[G_5_gamma + i] = v13;
}
