// d0: sum + reshape -> [1, 128, 1, 1] (D.3 batchnorm (line 39))
// fuses: mul, sum; spec line 39

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_2_conv2d_add = 8651520u;
const t_D_3_batchnorm_reshape = 9700096u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2u + wg.x) * 64u + li;
  if (i >= 128u) { return; }

  let base = (i % 128u) * 64u;
  var acc = 0.0;
  for (var r = 0u; r < 8192u; r++) {

    acc = acc + temp[t_D_2_conv2d_add + ((base + ((r / 64u) % 128u) * 8192u + ((r / 8u) % 8u) * 8u + (r % 8u) * 1u))];
  }
  let v0 = acc * 0.000122070313;
  temp[t_D_3_batchnorm_reshape + i] = v0;
}
