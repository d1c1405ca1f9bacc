// d4: add -> [192, 1]
// fuses: add, concat x3, mul, neg

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_add = 50176u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 3u + wg.x) * 64u + li;
  if (i >= 192u) { return; }
  let p0 = -(1.0);
  let p1 = p0 * 0.0156250000;
  let v0 = select(0.0156250000, 0.0, (min(i, 127u)) < 64u);
  let v1 = select(0.0, v0, (i) < 128u);
  let v2 = select(0.0, p1, (i) < 64u);
  let v3 = v1 + v2;
  temp[t_add + i] = v3;
}
