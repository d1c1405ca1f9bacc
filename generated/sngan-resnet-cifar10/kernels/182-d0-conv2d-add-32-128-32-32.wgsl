// d0: conv2d + add -> [32, 128, 32, 32] (D.0.0.0 conv2d (line 45))
// fuses: add, conv2d, div; spec line 45

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_0_0_0_weight = 4280324u;
const D_0_0_0_bias = 4283908u;
const t_D_0_0_0_conv2d_reshape = 54564u;
const t_concat = 107988u;
const t_D_0_0_0_conv2d_add = 1254868u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 65535u + wg.x) * 64u + li;
  if (i >= 4194304u) { return; }
  let p0 = temp[t_D_0_0_0_conv2d_reshape + (0u)];
  let q = i % 32u; let p = (i / 32u) % 32u; let co = (i / 1024u) % 128u; let n = i / 131072u;
  var acc = 0.0;
  for (var ci = 0u; ci < 3u; ci++) { for (var ti = 0u; ti < 3u; ti++) {
    let y = i32(p * 1u + ti) - 1;
    if (y < 0 || y >= 32) { continue; }
    for (var tj = 0u; tj < 3u; tj++) {
      let xx = i32(q * 1u + tj) - 1;
      if (xx < 0 || xx >= 32) { continue; }
      let v0 = state[D_0_0_0_weight + (((co * 3u + ci) * 3u + ti) * 3u + tj)] / p0;
      acc = fma(temp[t_concat + (((n * 3u + ci) * 32u + u32(y)) * 32u + u32(xx))], v0, acc);
    }
  } }
  let v0 = acc + state[D_0_0_0_bias + ((((i / 1024u) % 128u) * 1u))];
  temp[t_D_0_0_0_conv2d_add + i] = v0;
}
