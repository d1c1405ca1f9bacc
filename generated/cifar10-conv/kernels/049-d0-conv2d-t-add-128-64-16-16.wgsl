// d0: conv2d_t + add -> [128, 64, 16, 16] (G.7 conv2d_transpose (line 28))
// fuses: add x2, conv2d_t, max, mul x2, sub; spec lines 26, 27, 28

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 32768u + wg.x) * 64u + li;
  if (i >= 2097152u) { return; }

  let xo = i % 16u; let yo = (i / 16u) % 16u; let co = (i / 256u) % 64u; let n = i / 16384u;
  var acc = 0.0;
  for (var ti = 0u; ti < 4u; ti++) {
    let py = i32(yo) + 1 - i32(ti);
    if (py < 0 || py % 2 != 0 || py / 2 >= 8) { continue; }
    let p = u32(py / 2);
    for (var tj = 0u; tj < 4u; tj++) {
      let qx = i32(xo) + 1 - i32(tj);
      if (qx < 0 || qx % 2 != 0 || qx / 2 >= 8) { continue; }
      let q = u32(qx / 2);
      for (var ci = 0u; ci < 128u; ci++) {
        let v0 = temp[6698240u + (((n * 128u + ci) * 8u + p) * 8u + q)] - temp[6161152u + (((((((n * 128u + ci) * 8u + p) * 8u + q) / 64u) % 128u) * 1u))];
        let v1 = v0 * temp[6161280u + (((((((n * 128u + ci) * 8u + p) * 8u + q) / 64u) % 128u) * 1u))];
        let v2 = v1 * state[939136u + (((((((n * 128u + ci) * 8u + p) * 8u + q) / 64u) % 128u) * 1u))];
        let v3 = v2 + state[939264u + (((((((n * 128u + ci) * 8u + p) * 8u + q) / 64u) % 128u) * 1u))];
        let v4 = max(v3, 0.0);
        acc = fma(v4, state[939648u + (((ci * 64u + co) * 4u + ti) * 4u + tj)], acc);
      }
    }
  }
  let v0 = acc + state[1070720u + ((((i / 256u) % 64u) * 1u))];
  temp[7746816u + i] = v0;
}
