// d0: matmul + add -> [64, 1]
// fuses: add, matmul, permute x2, max; spec line 33

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_6_weight = 17156u;
const opt_D_6_weight_adam_m = 34248u;
const opt_D_6_weight_adam_v = 34312u;
const t_add_2 = 256u;
const t_add = 644u;
const t_matmul = 9728u;
const t_D_4_dense_add = 66432u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 64u) { return; }
  let p0 = bitcast<f32>(clock[0]) * 5.0;
  let p1 = p0 + 1.0;
  let p2 = pow(0.500000000, p1);
  let p3 = 1.0 - p2;
  let p4 = pow(0.899999976, p1);
  let p5 = 1.0 - p4;
  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 384u; k++) {
    let v0 = max(temp[t_D_4_dense_add + (((((row * 384u + k) / 384u) % 64u) * 1u + ((row * 384u + k) % 384u) * 64u))], 0.0);
    acc = fma(v0, temp[t_add_2 + (k * 1u + col)], acc);
  }
  let v0 = acc + temp[t_matmul + (((i % 64u) * 1u + 0u * 64u))];
  let v1 = state[opt_D_6_weight_adam_v + (i)] * 0.899999976;
  let v2 = v0 * v0;
  let v3 = v2 * 0.100000001;
  let v4 = v1 + v3;
  let v5 = state[opt_D_6_weight_adam_m + (i)] * 0.500000000;
  let v6 = v0 * 0.500000000;
  let v7 = v5 + v6;
  let v8 = v7 / p3;
  let v9 = v4 / p5;
  let v10 = sqrt(v9);
  let v11 = v10 + 9.99999994e-9;
  let v12 = v8 / v11;
  let v13 = 0.0000999999975 * v12;
  let v14 = state[D_6_weight + (i)] - v13;
  temp[t_add + i] = v0;
  state[opt_D_6_weight_adam_v + i] = v4;
  state[opt_D_6_weight_adam_m + i] = v7;
  state[D_6_weight + i] = v14;
}
