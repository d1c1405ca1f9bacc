// g: conv2d_wgrad + conv2d_wgrad -> [64, 3, 4, 4]
// fuses: conv2d_wgrad

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_conv2d_wgrad = 1792u;
const t_mul = 3682816u;
const t_G_9_relu_max = 8925696u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 48u + wg.x) * 64u + li;
  if (i >= 3072u) { return; }

  let tj = i % 4u; let ti = (i / 4u) % 4u; let ci = (i / 16u) % 3u; let co = i / 48u;
  var acc = 0.0;
  for (var n = 0u; n < 128u; n++) { for (var p = 0u; p < 16u; p++) {
    let y = i32(p * 2u + ti) - 1;
    if (y < 0 || y >= 32) { continue; }
    for (var q = 0u; q < 16u; q++) {
      let xx = i32(q * 2u + tj) - 1;
      if (xx < 0 || xx >= 32) { continue; }

      acc = fma(temp[t_mul + (((n * 3u + ci) * 32u + u32(y)) * 32u + u32(xx))], temp[t_G_9_relu_max + (((n * 64u + co) * 16u + p) * 16u + q)], acc);
    }
  } }

  temp[t_conv2d_wgrad + i] = acc;
}
