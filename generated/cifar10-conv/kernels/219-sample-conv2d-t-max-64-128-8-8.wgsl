// sample: conv2d_t + max -> [64, 128, 8, 8] (G.6 relu (line 0))
// fuses: max, add x3, mul x2, sub, conv2d_t, recip, sqrt

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 8192u + wg.x) * 64u + li;
  if (i >= 524288u) { return; }

  let xo = i % 8u; let yo = (i / 8u) % 8u; let co = (i / 64u) % 128u; let n = i / 8192u;
  var acc = 0.0;
  for (var ti = 0u; ti < 4u; ti++) {
    let py = i32(yo) + 1 - i32(ti);
    if (py < 0 || py % 2 != 0 || py / 2 >= 4) { continue; }
    let p = u32(py / 2);
    for (var tj = 0u; tj < 4u; tj++) {
      let qx = i32(xo) + 1 - i32(tj);
      if (qx < 0 || qx % 2 != 0 || qx / 2 >= 4) { continue; }
      let q = u32(qx / 2);
      for (var ci = 0u; ci < 256u; ci++) {

        acc = fma(temp[6400u + (((n * 256u + ci) * 4u + p) * 4u + q)], state[414720u + (((ci * 128u + co) * 4u + ti) * 4u + tj)], acc);
      }
    }
  }
  let v0 = acc + state[939008u + ((((i / 64u) % 128u) * 1u))];
  let v1 = v0 - state[939392u + ((((i / 64u) % 128u) * 1u))];
  let v2 = state[939520u + ((((i / 64u) % 128u) * 1u))] + 0.00000999999975;
  let v3 = sqrt(v2);
  let v4 = 1.0 / v3;
  let v5 = v1 * v4;
  let v6 = v5 * state[939136u + ((((i / 64u) % 128u) * 1u))];
  let v7 = v6 + state[939264u + ((((i / 64u) % 128u) * 1u))];
  let v8 = max(v7, 0.0);
  temp[268544u + i] = v8;
}
