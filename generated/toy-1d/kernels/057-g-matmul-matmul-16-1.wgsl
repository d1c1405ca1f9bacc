// g: matmul + matmul -> [16, 1]
// fuses: matmul, permute, max; spec line 20

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_4_weight = 304u;
const opt_G_4_weight_adam_m = 4400u;
const opt_G_4_weight_adam_v = 4416u;
const t_G_2_dense_add = 1088u;
const t_matmul_2 = 2176u;
const t_matmul = 3268u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 16u) { return; }
  let p0 = bitcast<f32>(clock[0]) + 1.0;
  let p1 = pow(0.500000000, p0);
  let p2 = 1.0 - p1;
  let p3 = pow(0.999000013, p0);
  let p4 = 1.0 - p3;
  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 64u; k++) {
    let v0 = max(temp[t_G_2_dense_add + (((((row * 64u + k) / 64u) % 16u) * 1u + ((row * 64u + k) % 64u) * 16u))], 0.0);
    acc = fma(v0, temp[t_matmul_2 + (k * 1u + col)], acc);
  }
  let v0 = state[opt_G_4_weight_adam_v + (i)] * 0.999000013;
  let v1 = acc * acc;
  let v2 = v1 * 0.00100000005;
  let v3 = v0 + v2;
  let v4 = state[opt_G_4_weight_adam_m + (i)] * 0.500000000;
  let v5 = acc * 0.500000000;
  let v6 = v4 + v5;
  let v7 = v6 / p2;
  let v8 = v3 / p4;
  let v9 = sqrt(v8);
  let v10 = v9 + 9.99999994e-9;
  let v11 = v7 / v10;
  let v12 = 0.0000999999975 * v11;
  let v13 = state[G_4_weight + (i)] - v12;
  temp[t_matmul + i] = acc;
  state[opt_G_4_weight_adam_v + i] = v3;
  state[opt_G_4_weight_adam_m + i] = v6;
  state[G_4_weight + i] = v13;
}
