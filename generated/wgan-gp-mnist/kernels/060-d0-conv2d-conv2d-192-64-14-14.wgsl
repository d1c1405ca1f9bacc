// d0: conv2d + conv2d -> [192, 64, 14, 14]
// fuses: conv2d

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_0_weight = 766404u;
const t_concat = 401608u;
const t_conv2d = 6077896u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 37632u + wg.x) * 64u + li;
  if (i >= 2408448u) { return; }

  let q = i % 14u; let p = (i / 14u) % 14u; let co = (i / 196u) % 64u; let n = i / 12544u;
  var acc = 0.0;
  for (var ci = 0u; ci < 1u; ci++) { for (var ti = 0u; ti < 5u; ti++) {
    let y = i32(p * 2u + ti) - 2;
    if (y < 0 || y >= 28) { continue; }
    for (var tj = 0u; tj < 5u; tj++) {
      let xx = i32(q * 2u + tj) - 2;
      if (xx < 0 || xx >= 28) { continue; }

      acc = fma(temp[t_concat + (((n * 1u + ci) * 28u + u32(y)) * 28u + u32(xx))], state[D_0_weight + (((co * 1u + ci) * 5u + ti) * 5u + tj)], acc);
    }
  } }

  temp[t_conv2d + i] = acc;
}
