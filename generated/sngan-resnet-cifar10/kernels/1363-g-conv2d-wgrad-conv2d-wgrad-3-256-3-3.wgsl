// g: conv2d_wgrad + conv2d_wgrad -> [3, 256, 3, 3]
// fuses: conv2d_wgrad

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_conv2d_wgrad = 1183236u;
const t_mul = 1244692u;
const t_G_6_relu_max = 23201792u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 36u + wg.x) * 64u + li;
  if (i >= 2304u) { return; }

  let tj = i % 3u; let ti = (i / 3u) % 3u; let ci = (i / 9u) % 256u;
  let co0 = (i / 2304u) * 3u;
  let at = ((co0 * 256u + ci) * 3u + ti) * 3u + tj;
  var acc0 = 0.0; var acc1 = 0.0; var acc2 = 0.0;
  for (var n = 0u; n < 16u; n++) { for (var p = 0u; p < 32u; p++) {
    let y = i32(p * 1u + ti) - 1;
    if (y < 0 || y >= 32) { continue; }
    for (var q = 0u; q < 32u; q++) {
      let xx = i32(q * 1u + tj) - 1;
      if (xx < 0 || xx >= 32) { continue; }

      acc0 = fma(temp[t_G_6_relu_max + (((n * 256u + ci) * 32u + u32(y)) * 32u + u32(xx))], temp[t_mul + (((n * 3u + min(co0 + 0u, 2u)) * 32u + p) * 32u + q)], acc0); acc1 = fma(temp[t_G_6_relu_max + (((n * 256u + ci) * 32u + u32(y)) * 32u + u32(xx))], temp[t_mul + (((n * 3u + min(co0 + 1u, 2u)) * 32u + p) * 32u + q)], acc1); acc2 = fma(temp[t_G_6_relu_max + (((n * 256u + ci) * 32u + u32(y)) * 32u + u32(xx))], temp[t_mul + (((n * 3u + min(co0 + 2u, 2u)) * 32u + p) * 32u + q)], acc2);
    }
  } }
  if (co0 + 0u < 3u) {
    let o0 = at + 0u;

    temp[t_conv2d_wgrad + o0] = acc0;
  }
  if (co0 + 1u < 3u) {
    let o1 = at + 2304u;

    temp[t_conv2d_wgrad + o1] = acc1;
  }
  if (co0 + 2u < 3u) {
    let o2 = at + 4608u;

    temp[t_conv2d_wgrad + o2] = acc2;
  }
}
