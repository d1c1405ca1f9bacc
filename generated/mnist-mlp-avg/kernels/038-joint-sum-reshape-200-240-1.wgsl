// joint: sum + reshape -> [200, 240, 1]
// fuses: sum, cmpeq

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_4_maxout_maxr = 947600u;
const t_D_4_maxout_reshape = 995600u;
const t_reshape = 1235600u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 750u + wg.x) * 64u + li;
  if (i >= 48000u) { return; }

  let base = ((i / 240u) % 200u) * 1200u + (i % 240u) * 5u;
  var acc = 0.0;
  for (var r = 0u; r < 5u; r++) {
    let v0 = select(0.0, 1.0, temp[t_D_4_maxout_reshape + ((base + (r % 5u) * 1u))] == temp[t_D_4_maxout_maxr + ((((((base + (r % 5u) * 1u)) / 1200u) % 200u) * 240u + ((((base + (r % 5u) * 1u)) / 5u) % 240u) * 1u))]);
    acc = acc + v0;
  }

  temp[t_reshape + i] = acc;
}
