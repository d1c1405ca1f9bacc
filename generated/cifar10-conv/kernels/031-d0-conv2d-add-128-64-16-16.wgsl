// d0: conv2d + add -> [128, 64, 16, 16] (D.0 conv2d (line 36))
// fuses: add, conv2d; spec line 36

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_0_weight = 1074116u;
const D_0_bias = 1077188u;
const t_real_0 = 0u;
const t_D_0_conv2d_add = 393216u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 32768u + wg.x) * 64u + li;
  if (i >= 2097152u) { return; }

  let q = i % 16u; let p = (i / 16u) % 16u; let co = (i / 256u) % 64u; let n = i / 16384u;
  var acc = 0.0;
  for (var ci = 0u; ci < 3u; ci++) { for (var ti = 0u; ti < 4u; ti++) {
    let y = i32(p * 2u + ti) - 1;
    if (y < 0 || y >= 32) { continue; }
    for (var tj = 0u; tj < 4u; tj++) {
      let xx = i32(q * 2u + tj) - 1;
      if (xx < 0 || xx >= 32) { continue; }

      acc = fma(temp[t_real_0 + (((n * 3u + ci) * 32u + u32(y)) * 32u + u32(xx))], state[D_0_weight + (((co * 3u + ci) * 4u + ti) * 4u + tj)], acc);
    }
  } }
  let v0 = acc + state[D_0_bias + ((((i / 256u) % 64u) * 1u))];
  temp[t_D_0_conv2d_add + i] = v0;
}
