// gather real.0: 16 examples of 3072 values

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_real_0 = 0u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 768u + wg.x) * 64u + li;
  if (i >= 49152u) { return; }
  let b = i / 3072u;
  let f = i % 3072u;
  temp[t_real_0 + i] = data[perm[clock[4u] + b] * 3072u + f];
}
