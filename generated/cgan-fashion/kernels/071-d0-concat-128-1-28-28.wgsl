// d0: concat -> [128, 1, 28, 28]
// fuses: concat, permute x2, slice

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_real_0 = 0u;
const t_G_10_tanh = 57764u;
const t_concat = 107940u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1568u + wg.x) * 64u + li;
  if (i >= 100352u) { return; }

  let v0 = select(temp[t_G_10_tanh + (select(0u, (i) - 50176u, (i) >= 50176u))], temp[t_real_0 + (((((((((min(i, 50175u)) / 784u) % 64u) * 1u + ((min(i, 50175u)) % 784u) * 64u)) / 64u) % 785u) * 1u + ((((((min(i, 50175u)) / 784u) % 64u) * 1u + ((min(i, 50175u)) % 784u) * 64u)) % 64u) * 785u))], (i) < 50176u);
  temp[t_concat + i] = v0;
}
