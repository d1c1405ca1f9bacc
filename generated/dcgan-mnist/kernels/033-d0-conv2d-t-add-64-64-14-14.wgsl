// d0: conv2d_t + add -> [64, 64, 14, 14] (G.4 conv2d_transpose (line 24))
// fuses: add x2, conv2d_t, max, mul x2, sub; spec lines 22, 23, 24

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 12544u + wg.x) * 64u + li;
  if (i >= 802816u) { return; }

  let xo = i % 14u; let yo = (i / 14u) % 14u; let co = (i / 196u) % 64u; let n = i / 12544u;
  var acc = 0.0;
  for (var ti = 0u; ti < 4u; ti++) {
    let py = i32(yo) + 1 - i32(ti);
    if (py < 0 || py % 2 != 0 || py / 2 >= 7) { continue; }
    let p = u32(py / 2);
    for (var tj = 0u; tj < 4u; tj++) {
      let qx = i32(xo) + 1 - i32(tj);
      if (qx < 0 || qx % 2 != 0 || qx / 2 >= 7) { continue; }
      let q = u32(qx / 2);
      for (var ci = 0u; ci < 128u; ci++) {
        let v0 = temp[1261056u + (((n * 128u + ci) * 7u + p) * 7u + q)] - temp[1254656u + (((((((n * 128u + ci) * 7u + p) * 7u + q) / 49u) % 128u) * 1u))];
        let v1 = v0 * temp[1254784u + (((((((n * 128u + ci) * 7u + p) * 7u + q) / 49u) % 128u) * 1u))];
        let v2 = v1 * state[633472u + (((((((n * 128u + ci) * 7u + p) * 7u + q) / 49u) % 128u) * 1u))];
        let v3 = v2 + state[633600u + (((((((n * 128u + ci) * 7u + p) * 7u + q) / 49u) % 128u) * 1u))];
        let v4 = max(v3, 0.0);
        acc = fma(v4, state[633984u + (((ci * 64u + co) * 4u + ti) * 4u + tj)], acc);
      }
    }
  }
  let v0 = acc + state[765056u + ((((i / 196u) % 64u) * 1u))];
  temp[1662464u + i] = v0;
}
