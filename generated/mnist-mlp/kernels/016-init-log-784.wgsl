// init: log -> [784] (init G.4.bias)
// fuses: log, div, sub

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 13u + wg.x) * 64u + li;
  if (i >= 784u) { return; }

  let v0 = 1.0 - temp[1988u + (i)];
  let v1 = temp[1988u + (i)] / v0;
  let v2 = log(v1);
  state[2503200u + i] = v2;
}
