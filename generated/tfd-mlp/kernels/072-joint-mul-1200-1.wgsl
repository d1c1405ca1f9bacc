// joint: mul -> [1200, 1] (optimizer D (sgd))
// fuses: mul, add x2, div, neg x3, max

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_6_weight = 32u;
const opt_D_6_weight_velocity = 21037236u;
const t_optimizer_D_sqrt = 20u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 19u + wg.x) * 64u + li;
  if (i >= 1200u) { return; }
  let p0 = temp[t_optimizer_D_sqrt + (0u)];
  let p1 = -(p0);
  let p2 = -(1.93649995);
  let p3 = max(p1, p2);
  let p4 = -(p3);
  let p5 = p0 + 1.00000001e-7;
  let p6 = p4 / p5;
  let v0 = state[D_6_weight + (i)] + state[opt_D_6_weight_velocity + (i)];
  let v1 = v0 * p6;
  state[D_6_weight + i] = v1;
}
