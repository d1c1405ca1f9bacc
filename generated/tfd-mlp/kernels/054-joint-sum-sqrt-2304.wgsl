// joint: sum + sqrt -> [2304] (optimizer G (sgd))
// fuses: sqrt, sum, mul, add

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
  let i = (wg.y * 36u + wg.x) * 64u + li;
  if (i >= 2304u) { return; }

  let base = (i % 2304u) * 1u;
  var acc = 0.0;
  for (var r = 0u; r < 8000u; r++) {
    let v0 = ld_state(G_4_weight + ((base + (r % 8000u) * 2304u))) + ld_state(opt_G_4_weight_velocity + ((base + (r % 8000u) * 2304u)));
    let v1 = v0 * v0;
    acc = acc + v1;
  }
  let v0 = sqrt(acc);
  temp[t_optimizer_G_sqrt + i] = v0;
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