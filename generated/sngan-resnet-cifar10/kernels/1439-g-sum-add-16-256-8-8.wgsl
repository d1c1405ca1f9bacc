// g: sum + add -> [16, 256, 8, 8]
// fuses: add x2, sum

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_reshape = 1280u;
const t_add = 67584u;
const t_add_2 = 1446916u;
const t_reshape_2 = 1887792u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 4096u + wg.x) * 64u + li;
  if (i >= 262144u) { return; }

  let base = ((i / 16384u) % 16u) * 65536u + ((i / 64u) % 256u) * 256u + ((i / 8u) % 8u) * 32u + (i % 8u) * 2u;
  var acc = 0.0;
  for (var r = 0u; r < 4u; r++) {

    acc = acc + temp[t_reshape_2 + ((base + ((r / 2u) % 2u) * 16u + (r % 2u) * 1u))];
  }
  let v0 = temp[t_add_2 + (i)] + temp[t_reshape + ((((i / 64u) % 256u) * 1u))];
  let v1 = v0 + acc;
  temp[t_add + i] = v1;
}
