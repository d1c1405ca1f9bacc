// d0: sum + reshape -> [32, 128] (D.6 flatten (line 111))
// fuses: mul, sum, max; spec lines 109, 110

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_D_6_flatten_reshape = 83412u;
const t_D_3_0_add_add = 6235604u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 64u + wg.x) * 64u + li;
  if (i >= 4096u) { return; }

  let base = ((i / 128u) % 32u) * 8192u + (i % 128u) * 64u + 0u * 64u + 0u * 8u;
  var acc = 0.0;
  for (var r = 0u; r < 64u; r++) {
    let v0 = max(temp[t_D_3_0_add_add + ((base + ((r / 8u) % 8u) * 8u + (r % 8u) * 1u))], 0.0);
    acc = acc + v0;
  }
  let v0 = acc * 0.0156250000;
  temp[t_D_6_flatten_reshape + i] = v0;
}
