// d0: conv2d_t + conv2d_t -> [128, 64, 16, 16]
// fuses: conv2d_t, add

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
        let v0 = temp[4588032u + (((n * 128u + ci) * 8u + p) * 8u + q)] + temp[3539328u + (((((((n * 128u + ci) * 8u + p) * 8u + q) / 64u) % 128u) * 1u))];
        acc = fma(v0, state[1077251u + (((ci * 64u + co) * 4u + ti) * 4u + tj)], acc);
      }
    }
  }

  temp[9710081u + i] = acc;
}
