// g: conv2d_t + mul -> [16, 256, 32, 32]
// fuses: mul x2, conv2d_t, sub, cmplt, add; spec line 98

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_5_gamma = 4272384u;
const G_5_beta = 4272640u;
const G_7_weight = 4273408u;
const t_mul_2 = 1244692u;
const t_G_5_batchnorm_mul = 5376000u;
const t_mul = 23201792u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 65535u + wg.x) * 64u + li;
  if (i >= 4194304u) { return; }

  let xo = i % 32u; let yo = (i / 32u) % 32u; let co = (i / 1024u) % 256u; let n = i / 262144u;
  var acc = 0.0;
  for (var ti = 0u; ti < 3u; ti++) {
    let py = i32(yo) + 1 - i32(ti);
    if (py < 0 || py % 1 != 0 || py / 1 >= 32) { continue; }
    let p = u32(py / 1);
    for (var tj = 0u; tj < 3u; tj++) {
      let qx = i32(xo) + 1 - i32(tj);
      if (qx < 0 || qx % 1 != 0 || qx / 1 >= 32) { continue; }
      let q = u32(qx / 1);
      for (var ci = 0u; ci < 3u; ci++) {

        acc = fma(temp[t_mul_2 + (((n * 3u + ci) * 32u + p) * 32u + q)], state[G_7_weight + (((ci * 256u + co) * 3u + ti) * 3u + tj)], acc);
      }
    }
  }
  let v0 = temp[t_G_5_batchnorm_mul + (i)] * state[G_5_gamma + ((((i / 1024u) % 256u) * 1u))];
  let v1 = v0 + state[G_5_beta + ((((i / 1024u) % 256u) * 1u))];
  let v2 = select(0.0, 1.0, v1 < 0.0);
  let v3 = 1.0 - v2;
  let v4 = acc * v3;
  temp[t_mul + i] = v4;
}
