// g: conv2d + mul -> [128, 64, 16, 16]
// fuses: mul x2, conv2d, sub, cmplt, add; spec line 29

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_8_gamma = 1070784u;
const G_8_beta = 1070848u;
const G_10_weight = 1071040u;
const t_mul_2 = 3682816u;
const t_G_8_batchnorm_mul = 6828544u;
const t_mul = 8925696u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 32768u + wg.x) * 64u + li;
  if (i >= 2097152u) { return; }

  let q = i % 16u; let p = (i / 16u) % 16u; let co = (i / 256u) % 64u; let n = i / 16384u;
  var acc = 0.0;
  for (var ci = 0u; ci < 3u; ci++) { for (var ti = 0u; ti < 4u; ti++) {
    let y = i32(p * 2u + ti) - 1;
    if (y < 0 || y >= 32) { continue; }
    for (var tj = 0u; tj < 4u; tj++) {
      let xx = i32(q * 2u + tj) - 1;
      if (xx < 0 || xx >= 32) { continue; }

      acc = fma(temp[t_mul_2 + (((n * 3u + ci) * 32u + u32(y)) * 32u + u32(xx))], state[G_10_weight + (((co * 3u + ci) * 4u + ti) * 4u + tj)], acc);
    }
  } }
  let v0 = temp[t_G_8_batchnorm_mul + (i)] * state[G_8_gamma + ((((i / 256u) % 64u) * 1u))];
  let v1 = v0 + state[G_8_beta + ((((i / 256u) % 64u) * 1u))];
  let v2 = select(0.0, 1.0, v1 < 0.0);
  let v3 = 1.0 - v2;
  let v4 = acc * v3;
  temp[t_mul + i] = v4;
}
