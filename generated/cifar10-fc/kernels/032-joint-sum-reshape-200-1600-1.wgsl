// joint: sum + reshape -> [200, 1600, 1]
// fuses: sum, cmpeq

@group(0) @binding(0) var<storage, read_write> temp: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_2_maxout_maxr = 16u;
const t_D_2_maxout_reshape = 320016u;
const t_reshape = 1920016u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 5000u + wg.x) * 64u + li;
  if (i >= 320000u) { return; }

  let base = ((i / 1600u) % 200u) * 8000u + (i % 1600u) * 5u;
  var acc = 0.0;
  for (var r = 0u; r < 5u; r++) {
    let v0 = select(0.0, 1.0, temp[t_D_2_maxout_reshape + ((base + (r % 5u) * 1u))] == temp[t_D_2_maxout_maxr + ((((((base + (r % 5u) * 1u)) / 8000u) % 200u) * 1600u + ((((base + (r % 5u) * 1u)) / 5u) % 1600u) * 1u))]);
    acc = acc + v0;
  }

  temp[t_reshape + i] = acc;
}
