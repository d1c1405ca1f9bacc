// g: conv2d + add -> [64, 64, 14, 14] (D.0 conv2d (line 37))
// fuses: add, conv2d, div; spec line 37

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_0_weight = 945756u;
const D_0_bias = 946844u;
const t_D_0_conv2d_reshape = 20932u;
const t_G_10_tanh = 2437184u;
const t_D_0_conv2d_add = 2487360u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 12544u + wg.x) * 64u + li;
  if (i >= 802816u) { return; }
  let p0 = temp[t_D_0_conv2d_reshape + (0u)];
  let q = i % 14u; let p = (i / 14u) % 14u; let co = (i / 196u) % 64u; let n = i / 12544u;
  var acc = 0.0;
  for (var ci = 0u; ci < 1u; ci++) { for (var ti = 0u; ti < 4u; ti++) {
    let y = i32(p * 2u + ti) - 1;
    if (y < 0 || y >= 28) { continue; }
    for (var tj = 0u; tj < 4u; tj++) {
      let xx = i32(q * 2u + tj) - 1;
      if (xx < 0 || xx >= 28) { continue; }
      let v0 = state[D_0_weight + (((co * 1u + ci) * 4u + ti) * 4u + tj)] / p0;
      acc = fma(temp[t_G_10_tanh + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], v0, acc);
    }
  } }
  let v0 = acc + state[D_0_bias + ((((i / 196u) % 64u) * 1u))];
  temp[t_D_0_conv2d_add + i] = v0;
}
