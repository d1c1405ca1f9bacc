// joint: add -> [] (optimizer D (sgd))
// fuses: add x2, mul x2, neg x3, max x2

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_optimizer_D_add = 78600u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 1u) { return; }
  let p0 = bitcast<f32>(clock[1]) + -1.0;
  let p1 = p0 * 0.00401606411;
  let p2 = max(p1, 0.0);
  let p3 = -(p2);
  let p4 = -(1.0);
  let p5 = max(p3, p4);
  let p6 = -(p5);
  let p7 = p6 * 0.200000003;
  let v0 = p7 + 0.500000000;
  temp[t_optimizer_D_add + i] = v0;
}
