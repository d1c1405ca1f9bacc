// g: sum + add -> [16, 128, 8, 8] (D.1.0.add add (line 59))
// fuses: add, mul, sum; spec lines 59, 64

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_1_0_add_add = 1232412u;
const t_D_1_0_shortcut_1_avg_pool_mul = 1756692u;
const t_D_1_0_4_avg_pool_reshape = 30017536u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2048u + wg.x) * 64u + li;
  if (i >= 131072u) { return; }

  let base = ((i / 8192u) % 16u) * 32768u + ((i / 64u) % 128u) * 256u + ((i / 8u) % 8u) * 32u + (i % 8u) * 2u;
  var acc = 0.0;
  for (var r = 0u; r < 4u; r++) {

    acc = acc + temp[t_D_1_0_4_avg_pool_reshape + ((base + ((r / 2u) % 2u) * 16u + (r % 2u) * 1u))];
  }
  let v0 = acc * 0.250000000;
  let v1 = v0 + temp[t_D_1_0_shortcut_1_avg_pool_mul + (i)];
  temp[t_D_1_0_add_add + i] = v1;
}
