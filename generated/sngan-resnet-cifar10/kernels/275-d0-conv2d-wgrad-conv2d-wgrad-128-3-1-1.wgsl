// d0: conv2d_wgrad + conv2d_wgrad -> [128, 3, 1, 1]
// fuses: conv2d_wgrad

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_conv2d_wgrad = 50056u;
const t_D_0_0_shortcut_0_avg_pool_mul = 58836u;
const t_add = 8218068u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 6u + wg.x) * 64u + li;
  if (i >= 384u) { return; }

  let tj = i % 1u; let ti = (i / 1u) % 1u; let ci = (i / 1u) % 3u; let co = i / 3u;
  var acc = 0.0;
  for (var n = 0u; n < 32u; n++) { for (var p = 0u; p < 16u; p++) {
    let y = i32(p * 1u + ti) - 0;
    if (y < 0 || y >= 16) { continue; }
    for (var q = 0u; q < 16u; q++) {
      let xx = i32(q * 1u + tj) - 0;
      if (xx < 0 || xx >= 16) { continue; }

      acc = fma(temp[t_D_0_0_shortcut_0_avg_pool_mul + (((n * 3u + ci) * 16u + u32(y)) * 16u + u32(xx))], temp[t_add + (((n * 128u + co) * 16u + p) * 16u + q)], acc);
    }
  } }

  temp[t_conv2d_wgrad + i] = acc;
}
