// d0: conv2d_wgrad + add -> [128, 64, 4, 4]
// fuses: add x2, conv2d_wgrad, max, mul; spec line 33

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2048u + wg.x) * 64u + li;
  if (i >= 131072u) { return; }

  let tj = i % 4u; let ti = (i / 4u) % 4u; let ci = (i / 16u) % 64u; let co = i / 1024u;
  var acc = 0.0;
  for (var n = 0u; n < 64u; n++) { for (var p = 0u; p < 7u; p++) {
    let y = i32(p * 2u + ti) - 1;
    if (y < 0 || y >= 14) { continue; }
    for (var q = 0u; q < 7u; q++) {
      let xx = i32(q * 2u + tj) - 1;
      if (xx < 0 || xx >= 14) { continue; }
      let v0 = temp[50176u + (((n * 64u + ci) * 14u + u32(y)) * 14u + u32(xx))] * 0.200000003;
      let v1 = max(temp[50176u + (((n * 64u + ci) * 14u + u32(y)) * 14u + u32(xx))], v0);
      let v2 = temp[2120961u + (((n * 128u + co) * 7u + p) * 7u + q)] + temp[852992u + (((((((n * 128u + co) * 7u + p) * 7u + q) / 49u) % 128u) * 1u))];
      acc = fma(v1, v2, acc);
    }
  } }
  let v0 = acc + temp[853248u + (i)];
  temp[984320u + i] = v0;
}
