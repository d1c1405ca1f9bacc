// d0: conv2d + add -> [32, 128, 16, 16] (D.0.0.shortcut.1 conv2d (line 51))
// fuses: add, conv2d, div; spec line 51

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_0_0_shortcut_1_weight = 4431748u;
const D_0_0_shortcut_1_bias = 4432260u;
const t_D_0_0_shortcut_1_conv2d_reshape = 54556u;
const t_D_0_0_shortcut_0_avg_pool_mul = 58836u;
const t_D_0_0_shortcut_1_conv2d_add = 206292u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 16384u + wg.x) * 64u + li;
  if (i >= 1048576u) { return; }
  let p0 = temp[t_D_0_0_shortcut_1_conv2d_reshape + (0u)];
  let q = i % 16u; let p = (i / 16u) % 16u; let co = (i / 256u) % 128u; let n = i / 32768u;
  var acc = 0.0;
  for (var ci = 0u; ci < 3u; ci++) { for (var ti = 0u; ti < 1u; ti++) {
    let y = i32(p * 1u + ti) - 0;
    if (y < 0 || y >= 16) { continue; }
    for (var tj = 0u; tj < 1u; tj++) {
      let xx = i32(q * 1u + tj) - 0;
      if (xx < 0 || xx >= 16) { continue; }
      let v0 = state[D_0_0_shortcut_1_weight + (((co * 3u + ci) * 1u + ti) * 1u + tj)] / p0;
      acc = fma(temp[t_D_0_0_shortcut_0_avg_pool_mul + (((n * 3u + ci) * 16u + u32(y)) * 16u + u32(xx))], v0, acc);
    }
  } }
  let v0 = acc + state[D_0_0_shortcut_1_bias + ((((i / 256u) % 128u) * 1u))];
  temp[t_D_0_0_shortcut_1_conv2d_add + i] = v0;
}
