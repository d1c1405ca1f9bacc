// d2: sum + mul -> [] (loss)
// fuses: mul, sum, slice

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_loss_mul_2 = 256u;
const t_loss_mul = 260u;
const t_add = 264u;
const t_penalty_mul = 768u;
const t_D_6_dense_add = 772u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 1u) { return; }
  let p0 = temp[t_loss_mul_2 + (0u)];
  let p1 = temp[t_penalty_mul + (0u)];
  let base = 0u;
  var acc = 0.0;
  for (var r = 0u; r < 128u; r++) {

    acc = acc + temp[t_D_6_dense_add + ((base + (r % 128u) * 1u + 0u * 1u))];
  }
  let v0 = acc * 0.00781250000;
  let v1 = p0 - v0;
  let v2 = v1 + p1;
  temp[t_loss_mul + i] = v0;
  temp[t_add + i] = v2;
}
