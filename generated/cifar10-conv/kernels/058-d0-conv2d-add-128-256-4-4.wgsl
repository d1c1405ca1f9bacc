// d0: conv2d + add -> [128, 256, 4, 4] (D.5 conv2d (line 41))
// fuses: add, conv2d, max, mul; spec lines 40, 41

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
      let v0 = temp[9843968u + (((n * 128u + ci) * 8u + u32(y)) * 8u + u32(xx))] * 0.200000003;
      let v1 = max(temp[9843968u + (((n * 128u + ci) * 8u + u32(y)) * 8u + u32(xx))], v0);
      acc = fma(v1, state[1208963u + (((co * 128u + ci) * 4u + ti) * 4u + tj)], acc);
    }
  } }
  let v0 = acc + state[1733251u + ((((i / 16u) % 256u) * 1u))];
  temp[10892544u + i] = v0;
}
