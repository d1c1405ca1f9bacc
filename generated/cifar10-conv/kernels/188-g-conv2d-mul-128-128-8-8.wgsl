// g: conv2d + mul -> [128, 128, 8, 8]
// fuses: mul x2, conv2d, add x2, sub, cmplt; spec line 26

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 16384u + wg.x) * 64u + li;
  if (i >= 1048576u) { return; }

  let q = i % 8u; let p = (i / 8u) % 8u; let co = (i / 64u) % 128u; let n = i / 8192u;
  var acc = 0.0;
  for (var ci = 0u; ci < 64u; ci++) { for (var ti = 0u; ti < 4u; ti++) {
    let y = i32(p * 2u + ti) - 1;
    if (y < 0 || y >= 16) { continue; }
    for (var tj = 0u; tj < 4u; tj++) {
      let xx = i32(q * 2u + tj) - 1;
      if (xx < 0 || xx >= 16) { continue; }
      let v0 = temp[6828544u + (((n * 64u + ci) * 16u + u32(y)) * 16u + u32(xx))] + temp[768u + (((((((n * 64u + ci) * 16u + u32(y)) * 16u + u32(xx)) / 256u) % 64u) * 1u))];
      acc = fma(v0, state[939648u + (((co * 64u + ci) * 4u + ti) * 4u + tj)], acc);
    }
  } }
  let v0 = temp[2634240u + (i)] * state[939136u + ((((i / 64u) % 128u) * 1u))];
  let v1 = v0 + state[939264u + ((((i / 64u) % 128u) * 1u))];
  let v2 = select(0.0, 1.0, v1 < 0.0);
  let v3 = 1.0 - v2;
  let v4 = acc * v3;
  temp[3813888u + i] = v4;
}
