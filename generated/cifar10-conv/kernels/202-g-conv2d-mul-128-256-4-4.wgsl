// g: conv2d + mul -> [128, 256, 4, 4]
// fuses: mul x2, conv2d, add x2, sub, cmplt; spec line 23

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 8192u + wg.x) * 64u + li;
  if (i >= 524288u) { return; }

  let q = i % 4u; let p = (i / 4u) % 4u; let co = (i / 16u) % 256u; let n = i / 4096u;
  var acc = 0.0;
  for (var ci = 0u; ci < 128u; ci++) { for (var ti = 0u; ti < 4u; ti++) {
    let y = i32(p * 2u + ti) - 1;
    if (y < 0 || y >= 8) { continue; }
    for (var tj = 0u; tj < 4u; tj++) {
      let xx = i32(q * 2u + tj) - 1;
      if (xx < 0 || xx >= 8) { continue; }
      let v0 = temp[2634240u + (((n * 128u + ci) * 8u + u32(y)) * 8u + u32(xx))] + temp[512u + (((((((n * 128u + ci) * 8u + u32(y)) * 8u + u32(xx)) / 64u) % 128u) * 1u))];
      acc = fma(v0, state[414720u + (((co * 128u + ci) * 4u + ti) * 4u + tj)], acc);
    }
  } }
  let v0 = temp[537088u + (i)] * state[413696u + ((((i / 16u) % 256u) * 1u))];
  let v1 = v0 + state[413952u + ((((i / 16u) % 256u) * 1u))];
  let v2 = select(0.0, 1.0, v1 < 0.0);
  let v3 = 1.0 - v2;
  let v4 = acc * v3;
  temp[1585664u + i] = v4;
}
