// sample: conv2d_t + max -> [64, 64, 16, 16] (G.9 relu (line 0))
// fuses: max, add x3, mul x2, sub, conv2d_t, recip, sqrt

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 16384u + wg.x) * 64u + li;
  if (i >= 1048576u) { return; }

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

        acc = fma(temp[268544u + (((n * 128u + ci) * 8u + p) * 8u + q)], state[939648u + (((ci * 64u + co) * 4u + ti) * 4u + tj)], acc);
      }
    }
  }
  let v0 = acc + state[1070720u + ((((i / 256u) % 64u) * 1u))];
  let v1 = v0 - state[1070912u + ((((i / 256u) % 64u) * 1u))];
  let v2 = state[1070976u + ((((i / 256u) % 64u) * 1u))] + 0.00000999999975;
  let v3 = sqrt(v2);
  let v4 = 1.0 / v3;
  let v5 = v1 * v4;
  let v6 = v5 * state[1070784u + ((((i / 256u) % 64u) * 1u))];
  let v7 = v6 + state[1070848u + ((((i / 256u) % 64u) * 1u))];
  let v8 = max(v7, 0.0);
  temp[792832u + i] = v8;
}
