// g: conv2d + mul -> [64, 64, 14, 14]
// fuses: mul x2, conv2d, sub, cmplt, add; spec line 30

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_9_weight = 944728u;
const t_G_7_batchnorm_reshape_2 = 16832u;
const t_G_7_batchnorm_reshape = 1630272u;
const t_G_7_batchnorm_mul = 1634368u;
const t_mul_2 = 2487360u;
const t_mul = 4092992u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 12544u + wg.x) * 64u + li;
  if (i >= 802816u) { return; }

  let q = i % 14u; let p = (i / 14u) % 14u; let co = (i / 196u) % 64u; let n = i / 12544u;
  var acc = 0.0;
  for (var ci = 0u; ci < 1u; ci++) { for (var ti = 0u; ti < 4u; ti++) {
    let y = i32(p * 2u + ti) - 1;
    if (y < 0 || y >= 28) { continue; }
    for (var tj = 0u; tj < 4u; tj++) {
      let xx = i32(q * 2u + tj) - 1;
      if (xx < 0 || xx >= 28) { continue; }

      acc = fma(temp[t_mul_2 + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[G_9_weight + (((co * 1u + ci) * 4u + ti) * 4u + tj)], acc);
    }
  } }
  let v0 = temp[t_G_7_batchnorm_mul + (i)] * temp[t_G_7_batchnorm_reshape + ((((i / 12544u) % 64u) * 64u + ((i / 196u) % 64u) * 1u))];
  let v1 = v0 + temp[t_G_7_batchnorm_reshape_2 + ((((i / 12544u) % 64u) * 64u + ((i / 196u) % 64u) * 1u))];
  let v2 = select(0.0, 1.0, v1 < 0.0);
  let v3 = 1.0 - v2;
  let v4 = acc * v3;
  temp[t_mul + i] = v4;
}
