// d0: conv2d + add -> [128, 128, 8, 8] (D.2 conv2d (line 38))
// fuses: add, conv2d, max, mul; spec lines 37, 38

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
      let v0 = temp[6554496u + (((n * 64u + ci) * 16u + u32(y)) * 16u + u32(xx))] * 0.200000003;
      let v1 = max(temp[6554496u + (((n * 64u + ci) * 16u + u32(y)) * 16u + u32(xx))], v0);
      acc = fma(v1, state[1077251u + (((co * 64u + ci) * 4u + ti) * 4u + tj)], acc);
    }
  } }
  let v0 = acc + state[1208323u + ((((i / 64u) % 128u) * 1u))];
  temp[8651648u + i] = v0;
}
