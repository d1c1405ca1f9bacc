// g: matmul + neg -> [128, 1] (loss)
// fuses: neg, add, matmul, max, mul; spec lines 43, 45

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 2u + wg.x) * 64u + li;
  if (i >= 128u) { return; }
  let p0 = state[1738628u + (0u)];
  let row = i / 1u;
  let col = i % 1u;
  var acc = 0.0;
  for (var k = 0u; k < 4096u; k++) {
    let v0 = temp[14692864u + (row * 4096u + k)] * 0.200000003;
    let v1 = max(temp[14692864u + (row * 4096u + k)], v0);
    acc = fma(v1, state[1734532u + (k * 1u + col)], acc);
  }
  let v0 = acc + p0;
  let v1 = -(v0);
  temp[1664u + i] = v1;
}
