// d0: conv2d_wgrad + conv2d_wgrad -> [64, 1, 5, 5]
// fuses: conv2d_wgrad

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_conv2d_wgrad = 56896u;
const t_concat = 100608u;
const t_add = 13303232u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 25u + wg.x) * 64u + li;
  if (i >= 1600u) { return; }

  let tj = i % 5u; let ti = (i / 5u) % 5u; let ci = (i / 25u) % 1u; let co = i / 25u;
  var acc = 0.0;
  for (var n = 0u; n < 192u; n++) { for (var p = 0u; p < 14u; p++) {
    let y = i32(p * 2u + ti) - 2;
    if (y < 0 || y >= 28) { continue; }
    for (var q = 0u; q < 14u; q++) {
      let xx = i32(q * 2u + tj) - 2;
      if (xx < 0 || xx >= 28) { continue; }

      acc = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], temp[t_add + (((n * 64u + co) * 14u + p) * 14u + q)], acc);
    }
  } }

  temp[t_conv2d_wgrad + i] = acc;
}
