// d3: sum + mul -> [] (penalty)
// fuses: mul x3, sum, add

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_penalty_sqrt = 50368u;
const t_penalty_mul = 56896u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 1u) { return; }

  let base = 0u;
  var acc = 0.0;
  for (var r = 0u; r < 64u; r++) {
    let v0 = temp[t_penalty_sqrt + ((base + (r % 64u) * 1u))] + -1.0;
    let v1 = v0 * v0;
    acc = acc + v1;
  }
  let v0 = acc * 0.0156250000;
  let v1 = v0 * 10.0;
  temp[t_penalty_mul + i] = v1;
}
