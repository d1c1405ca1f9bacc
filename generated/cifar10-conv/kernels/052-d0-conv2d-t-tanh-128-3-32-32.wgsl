// d0: conv2d_t + tanh -> [128, 3, 32, 32] (G.11 tanh (line 32))
// fuses: tanh, add x2, conv2d_t, max, mul x2, sub; spec lines 29, 30, 31, 32

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 6144u + wg.x) * 64u + li;
  if (i >= 393216u) { return; }

  let xo = i % 32u; let yo = (i / 32u) % 32u; let co = (i / 1024u) % 3u; let n = i / 3072u;
  var acc = 0.0;
  for (var ti = 0u; ti < 4u; ti++) {
    let py = i32(yo) + 1 - i32(ti);
    if (py < 0 || py % 2 != 0 || py / 2 >= 16) { continue; }
    let p = u32(py / 2);
    for (var tj = 0u; tj < 4u; tj++) {
      let qx = i32(xo) + 1 - i32(tj);
      if (qx < 0 || qx % 2 != 0 || qx / 2 >= 16) { continue; }
      let q = u32(qx / 2);
      for (var ci = 0u; ci < 64u; ci++) {
        let v0 = temp[7746816u + (((n * 64u + ci) * 16u + p) * 16u + q)] - temp[6161152u + (((((((n * 64u + ci) * 16u + p) * 16u + q) / 256u) % 64u) * 1u))];
        let v1 = v0 * temp[6161216u + (((((((n * 64u + ci) * 16u + p) * 16u + q) / 256u) % 64u) * 1u))];
        let v2 = v1 * state[1070784u + (((((((n * 64u + ci) * 16u + p) * 16u + q) / 256u) % 64u) * 1u))];
        let v3 = v2 + state[1070848u + (((((((n * 64u + ci) * 16u + p) * 16u + q) / 256u) % 64u) * 1u))];
        let v4 = max(v3, 0.0);
        acc = fma(v4, state[1071040u + (((ci * 3u + co) * 4u + ti) * 4u + tj)], acc);
      }
    }
  }
  let v0 = acc + state[1074112u + ((((i / 1024u) % 3u) * 1u))];
  let v1 = tanh(clamp(v0, -15.0, 15.0));
  temp[6161280u + i] = v1;
}
