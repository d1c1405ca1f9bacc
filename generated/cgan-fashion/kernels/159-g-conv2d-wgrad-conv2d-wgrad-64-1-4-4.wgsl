// g: conv2d_wgrad + conv2d_wgrad -> [64, 1, 4, 4]
// fuses: conv2d_wgrad, max, add, mul; spec lines 30, 31

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_G_7_batchnorm_reshape_2 = 16832u;
const t_conv2d_wgrad = 20944u;
const t_G_7_batchnorm_reshape = 1630272u;
const t_G_7_batchnorm_mul = 1634368u;
const t_mul = 2487360u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 16u + wg.x) * 64u + li;
  if (i >= 1024u) { return; }

  let tj = i % 4u; let ti = (i / 4u) % 4u; let ci = (i / 16u) % 1u; let co = i / 16u;
  var acc = 0.0;
  for (var n = 0u; n < 64u; n++) { for (var p = 0u; p < 14u; p++) {
    let y = i32(p * 2u + ti) - 1;
    if (y < 0 || y >= 28) { continue; }
    for (var q = 0u; q < 14u; q++) {
      let xx = i32(q * 2u + tj) - 1;
      if (xx < 0 || xx >= 28) { continue; }
      let v0 = temp[t_G_7_batchnorm_mul + (((n * 64u + co) * 14u + p) * 14u + q)] * temp[t_G_7_batchnorm_reshape + (((((((n * 64u + co) * 14u + p) * 14u + q) / 12544u) % 64u) * 64u + (((((n * 64u + co) * 14u + p) * 14u + q) / 196u) % 64u) * 1u))];
      let v1 = v0 + temp[t_G_7_batchnorm_reshape_2 + (((((((n * 64u + co) * 14u + p) * 14u + q) / 12544u) % 64u) * 64u + (((((n * 64u + co) * 14u + p) * 14u + q) / 196u) % 64u) * 1u))];
      let v2 = max(v1, 0.0);
      acc = fma(temp[t_mul + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], v2, acc);
    }
  } }

  temp[t_conv2d_wgrad + i] = acc;
}
