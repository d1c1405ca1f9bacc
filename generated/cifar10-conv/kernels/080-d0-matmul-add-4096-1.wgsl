// d0: matmul + add -> [4096, 1]
// fuses: add x3, matmul, permute, max, mul x2, neg, sigmoid; spec lines 42, 43

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 64u + wg.x) * 64u + li;
  if (i >= 4096u) { return; }
  let p0 = bitcast<f32>(clock[0]) + 1.0;
  let p1 = pow(0.500000000, p0);
  let p2 = 1.0 - p1;
  let p3 = pow(0.999000013, p0);
  let p4 = 1.0 - p3;
  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 128u; k++) {
    let v0 = temp[11941120u + (((((row * 128u + k) / 128u) % 4096u) * 1u + ((row * 128u + k) % 128u) * 4096u))] * state[1733508u + (((((((((row * 128u + k) / 128u) % 4096u) * 1u + ((row * 128u + k) % 128u) * 4096u)) / 16u) % 256u) * 1u))];
    let v1 = v0 + state[1733764u + (((((((((row * 128u + k) / 128u) % 4096u) * 1u + ((row * 128u + k) % 128u) * 4096u)) / 16u) % 256u) * 1u))];
    let v2 = max(v1, temp[12465408u + (((((row * 128u + k) / 128u) % 4096u) * 1u + ((row * 128u + k) % 128u) * 4096u))]);
    let v3 = -(0.00390625000);
    let v4 = select(exp(temp[9700992u + (k * 1u + col)]) / (1.0 + exp(temp[9700992u + (k * 1u + col)])), 1.0 / (1.0 + exp(-(temp[9700992u + (k * 1u + col)]))), temp[9700992u + (k * 1u + col)] >= 0.0);
    let v5 = 0.00390625000 * v4;
    let v6 = v3 + v5;
    acc = fma(v2, v6, acc);
  }
  let v0 = acc + temp[9701124u + (i)];
  let v1 = state[3062024u + (i)] * 0.999000013;
  let v2 = v0 * v0;
  let v3 = v2 * 0.00100000005;
  let v4 = v1 + v3;
  let v5 = state[3057928u + (i)] * 0.500000000;
  let v6 = v0 * 0.500000000;
  let v7 = v5 + v6;
  let v8 = v7 / p2;
  let v9 = v4 / p4;
  let v10 = sqrt(v9);
  let v11 = v10 + 9.99999994e-9;
  let v12 = v8 / v11;
  let v13 = 0.000199999995 * v12;
  let v14 = state[1734532u + (i)] - v13;
  temp[9705220u + i] = v0;
  state[3062024u + i] = v4;
  state[3057928u + i] = v7;
  temp[9709316u + i] = v14;
}
