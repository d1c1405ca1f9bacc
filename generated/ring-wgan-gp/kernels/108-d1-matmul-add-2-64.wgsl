// d1: matmul + add -> [2, 64]
// fuses: add, matmul, permute x2

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_0_weight = 8644u;
const opt_D_0_weight_adam_m = 17224u;
const opt_D_0_weight_adam_v = 17352u;
const t_concat = 768u;
const t_matmul = 5760u;
const t_add = 5888u;
const t_mul = 41856u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2u + wg.x) * 64u + li;
  if (i >= 128u) { return; }
  let p0 = bitcast<f32>(clock[0]) * 5.0;
  let p1 = p0 + 2.0;
  let p2 = pow(0.500000000, p1);
  let p3 = 1.0 - p2;
  let p4 = pow(0.899999976, p1);
  let p5 = 1.0 - p4;
  let row = i / 64u;
  let col = i % 64u;
  var acc = 0.0;
  for (var k = 0u; k < 384u; k++) {

    acc = fma(temp[t_concat + (((((row * 384u + k) / 384u) % 2u) * 1u + ((row * 384u + k) % 384u) * 2u))], temp[t_mul + (k * 64u + col)], acc);
  }
  let v0 = acc + temp[t_matmul + ((((i / 64u) % 2u) * 1u + (i % 64u) * 2u))];
  let v1 = state[opt_D_0_weight_adam_v + (i)] * 0.899999976;
  let v2 = v0 * v0;
  let v3 = v2 * 0.100000001;
  let v4 = v1 + v3;
  let v5 = state[opt_D_0_weight_adam_m + (i)] * 0.500000000;
  let v6 = v0 * 0.500000000;
  let v7 = v5 + v6;
  let v8 = v7 / p3;
  let v9 = v4 / p5;
  let v10 = sqrt(v9);
  let v11 = v10 + 9.99999994e-9;
  let v12 = v8 / v11;
  let v13 = 0.0000999999975 * v12;
  let v14 = state[D_0_weight + (i)] - v13;
  temp[t_add + i] = v0;
  state[opt_D_0_weight_adam_v + i] = v4;
  state[opt_D_0_weight_adam_m + i] = v7;
  state[D_0_weight + i] = v14;
}
