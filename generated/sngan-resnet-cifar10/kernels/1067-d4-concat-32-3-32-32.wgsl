// d4: concat -> [32, 3, 32, 32]
// fuses: concat

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_real_4 = 0u;
const t_G_8_tanh = 58836u;
const t_concat = 107988u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1536u + wg.x) * 64u + li;
  if (i >= 98304u) { return; }

  let v0 = select(temp[t_G_8_tanh + (select(0u, (i) - 49152u, (i) >= 49152u))], temp[t_real_4 + (min(i, 49151u))], (i) < 49152u);
  temp[t_concat + i] = v0;
}
