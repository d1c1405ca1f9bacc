// joint: mul -> [1200, 6000] (optimizer D (sgd))
// fuses: mul, add x2, div, neg x3, max

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_4_weight = 48u;
const opt_D_4_weight_velocity = 21037252u;
const t_optimizer_D_sqrt = 12u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 65535u + wg.x) * 64u + li;
  if (i >= 7200000u) { return; }

  let v0 = state[D_4_weight + (i)] + state[opt_D_4_weight_velocity + (i)];
  let v1 = -(temp[t_optimizer_D_sqrt + (((i % 6000u) * 1u))]);
  let v2 = -(1.93649995);
  let v3 = max(v1, v2);
  let v4 = -(v3);
  let v5 = temp[t_optimizer_D_sqrt + (((i % 6000u) * 1u))] + 1.00000001e-7;
  let v6 = v4 / v5;
  let v7 = v0 * v6;
  state[D_4_weight + i] = v7;
}
