// d3: conv2d_wgrad + conv2d_wgrad -> [128, 3, 3, 3]
// fuses: conv2d_wgrad

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_conv2d_wgrad = 50900u;
const t_concat = 107988u;
const t_mul = 11136468u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 54u + wg.x) * 64u + li;
  if (i >= 3456u) { return; }

  let tj = i % 3u; let ti = (i / 3u) % 3u; let ci = (i / 9u) % 3u; let co = i / 27u;
  var acc = 0.0;
  for (var n = 0u; n < 32u; n++) { for (var p = 0u; p < 32u; p++) {
    let y = i32(p * 1u + ti) - 1;
    if (y < 0 || y >= 32) { continue; }
    for (var q = 0u; q < 32u; q++) {
      let xx = i32(q * 1u + tj) - 1;
      if (xx < 0 || xx >= 32) { continue; }

      acc = fma(temp[t_concat + (((n * 3u + ci) * 32u + u32(y)) * 32u + u32(xx))], temp[t_mul + (((n * 128u + co) * 32u + p) * 32u + q)], acc);
    }
  } }

  temp[t_conv2d_wgrad + i] = acc;
}
