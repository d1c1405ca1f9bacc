// joint: mul -> [8000, 2304] (optimizer G (sgd))
// fuses: mul, add x2, div, neg x3, max

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> state_1: array<f32>;
@group(0) @binding(2) var<storage, read_write> state_2: array<f32>;
@group(0) @binding(3) var<storage, read_write> state_3: array<f32>;
@group(0) @binding(4) var<storage, read_write> temp: array<f32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_4_weight = 64816000u;
const opt_G_4_weight_velocity = 190140712u;
const t_optimizer_G_sqrt = 12u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 65535u + wg.x) * 64u + li;
  if (i >= 18432000u) { return; }

  let v0 = ld_state(G_4_weight + (i)) + ld_state(opt_G_4_weight_velocity + (i));
  let v1 = -(temp[t_optimizer_G_sqrt + (((i % 2304u) * 1u))]);
  let v2 = -(1.93649995);
  let v3 = max(v1, v2);
  let v4 = -(v3);
  let v5 = temp[t_optimizer_G_sqrt + (((i % 2304u) * 1u))] + 1.00000001e-7;
  let v6 = v4 / v5;
  let v7 = v0 * v6;
  st_state(G_4_weight + i, v7);
}

// state over 4 windows: element i from the one that holds it
fn ld_state(i: u32) -> f32 {
  if (i < 67108864u) { return state[i - 64816000u]; }
  if (i < 83248000u) { return state_1[i - 67108864u]; }
  if (i < 201326592u) { return state_2[i - 190140672u]; }
  return state_3[i - 201326592u];
}
fn st_state(i: u32, v: f32) {
  if (i < 67108864u) { state[i - 64816000u] = v; return; }
  if (i < 83248000u) { state_1[i - 67108864u] = v; return; }
  if (i < 201326592u) { state_2[i - 190140672u] = v; return; }
  state_3[i - 201326592u] = v;
}