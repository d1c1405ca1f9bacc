// g: sum + add -> [16, 4096]
// fuses: add x2, sum

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_reshape = 256u;
const t_add = 2048u;
const t_add_2 = 133632u;
const t_reshape_2 = 395264u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1024u + wg.x) * 64u + li;
  if (i >= 65536u) { return; }

  let base = ((i / 4096u) % 16u) * 16384u + ((i / 16u) % 256u) * 64u + ((i / 4u) % 4u) * 16u + (i % 4u) * 2u;
  var acc = 0.0;
  for (var r = 0u; r < 4u; r++) {

    acc = acc + temp[t_reshape_2 + ((base + ((r / 2u) % 2u) * 8u + (r % 2u) * 1u))];
  }
  let v0 = temp[t_add_2 + (i)] + temp[t_reshape + ((((i / 16u) % 256u) * 1u))];
  let v1 = v0 + acc;
  temp[t_add + i] = v1;
}
