// d3: sum + reshape -> [1, 256, 1, 1] (G.2.0.4 batchnorm (line 32))
// fuses: mul, sum; spec line 32

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_G_2_0_4_batchnorm_reshape = 58836u;
const t_G_2_0_3_conv2d_add = 388564u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 4u + wg.x) * 64u + li;
  if (i >= 256u) { return; }

  let base = (i % 256u) * 64u;
  var acc = 0.0;
  for (var r = 0u; r < 1024u; r++) {

    acc = acc + temp[t_G_2_0_3_conv2d_add + ((base + ((r / 64u) % 16u) * 16384u + ((r / 8u) % 8u) * 8u + (r % 8u) * 1u))];
  }
  let v0 = acc * 0.000976562500;
  temp[t_G_2_0_4_batchnorm_reshape + i] = v0;
}
