// d0: add -> [128, 2]
// fuses: add x3, mul x3, div

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_penalty_sqrt = 640u;
const t_penalty_matmul = 9728u;
const t_add = 9984u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 4u + wg.x) * 64u + li;
  if (i >= 256u) { return; }

  let v0 = temp[t_penalty_sqrt + ((((i / 2u) % 128u) * 1u))] + -1.0;
  let v1 = 0.0781250000 * v0;
  let v2 = v1 + v1;
  let v3 = temp[t_penalty_sqrt + ((((i / 2u) % 128u) * 1u))] * 2.0;
  let v4 = v2 / v3;
  let v5 = v4 * temp[t_penalty_matmul + (i)];
  let v6 = v5 + v5;
  temp[t_add + i] = v6;
}
