// g: matmul + matmul -> [1, 1024] (D.2 conv2d (line 39))
// fuses: matmul; spec line 39

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_2_weight = 946908u;
const D_2_sn_u = 1077980u;
const t_D_2_conv2d_matmul = 20936u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 16u + wg.x) * 64u + li;
  if (i >= 1024u) { return; }

  let row = i / 1024u;
  let col = i % 1024u;
  var acc = 0.0;
  for (var k = 0u; k < 128u; k++) {

    acc = fma(state[D_2_sn_u + (row * 128u + k)], state[D_2_weight + (k * 1024u + col)], acc);
  }

  temp[t_D_2_conv2d_matmul + i] = acc;
}
