// d0: conv2d_t + tanh -> [64, 1, 28, 28] (G.8 tanh (line 28))
// fuses: tanh, add x2, conv2d_t, max, mul x2, sub; spec lines 25, 26, 27, 28

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 784u + wg.x) * 64u + li;
  if (i >= 50176u) { return; }
  let p0 = state[766400u + (0u)];
  let xo = i % 28u; let yo = (i / 28u) % 28u; let co = (i / 784u) % 1u; let n = i / 784u;
  var acc = 0.0;
  for (var ti = 0u; ti < 4u; ti++) {
    let py = i32(yo) + 1 - i32(ti);
    if (py < 0 || py % 2 != 0 || py / 2 >= 14) { continue; }
    let p = u32(py / 2);
    for (var tj = 0u; tj < 4u; tj++) {
      let qx = i32(xo) + 1 - i32(tj);
      if (qx < 0 || qx % 2 != 0 || qx / 2 >= 14) { continue; }
      let q = u32(qx / 2);
      for (var ci = 0u; ci < 64u; ci++) {
        let v0 = temp[1662464u + (((n * 64u + ci) * 14u + p) * 14u + q)] - temp[1254656u + (((((((n * 64u + ci) * 14u + p) * 14u + q) / 196u) % 64u) * 1u))];
        let v1 = v0 * temp[1254720u + (((((((n * 64u + ci) * 14u + p) * 14u + q) / 196u) % 64u) * 1u))];
        let v2 = v1 * state[765120u + (((((((n * 64u + ci) * 14u + p) * 14u + q) / 196u) % 64u) * 1u))];
        let v3 = v2 + state[765184u + (((((((n * 64u + ci) * 14u + p) * 14u + q) / 196u) % 64u) * 1u))];
        let v4 = max(v3, 0.0);
        acc = fma(v4, state[765376u + (((ci * 1u + co) * 4u + ti) * 4u + tj)], acc);
      }
    }
  }
  let v0 = acc + p0;
  let v1 = tanh(clamp(v0, -15.0, 15.0));
  temp[1254784u + i] = v1;
}
