// d3: mul -> [32, 128, 8, 8]
// fuses: mul, sub, cmplt

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_reshape = 83412u;
const t_D_3_0_add_add = 6235604u;
const t_mul = 6497748u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 4096u + wg.x) * 64u + li;
  if (i >= 262144u) { return; }

  let v0 = select(0.0, 1.0, temp[t_D_3_0_add_add + (i)] < 0.0);
  let v1 = 1.0 - v0;
  let v2 = temp[t_reshape + ((((i / 8192u) % 32u) * 128u + ((i / 64u) % 128u) * 1u))] * v1;
  temp[t_mul + i] = v2;
}
