// d2: sum + add -> [32, 128, 16, 16] (D.0.0.add add (line 44))
// fuses: add, mul, sum; spec lines 44, 48

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_0_0_shortcut_1_conv2d_add = 206292u;
const t_D_0_0_3_avg_pool_reshape = 5449172u;
const t_D_0_0_add_add = 9643476u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 16384u + wg.x) * 64u + li;
  if (i >= 1048576u) { return; }

  let base = ((i / 32768u) % 32u) * 131072u + ((i / 256u) % 128u) * 1024u + ((i / 16u) % 16u) * 64u + (i % 16u) * 2u;
  var acc = 0.0;
  for (var r = 0u; r < 4u; r++) {

    acc = acc + temp[t_D_0_0_3_avg_pool_reshape + ((base + ((r / 2u) % 2u) * 32u + (r % 2u) * 1u))];
  }
  let v0 = acc * 0.250000000;
  let v1 = v0 + temp[t_D_0_0_shortcut_1_conv2d_add + (i)];
  temp[t_D_0_0_add_add + i] = v1;
}
