// d0: sum + mul -> [] (loss)
// fuses: mul, sum, slice

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_loss_mul = 50432u;
const t_D_8_add = 57892u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 1u) { return; }

  let base = 0u;
  var acc = 0.0;
  for (var r = 0u; r < 64u; r++) {

    acc = acc + temp[t_D_8_add + (((base + (r % 64u) * 1u + 0u * 1u)) + 64u)];
  }
  let v0 = acc * 0.0156250000;
  temp[t_loss_mul + i] = v0;
}
