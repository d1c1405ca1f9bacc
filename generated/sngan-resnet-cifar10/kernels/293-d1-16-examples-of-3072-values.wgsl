// gather real.1: 16 examples of 3072 values

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<u32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_real_1 = 0u;

const HEAD = 260u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 768u + wg.x) * 64u + li;
  if (i >= 49152u) { return; }
  let b = i / 3072u;
  var f = i % 3072u;
  let r = perm[clock[5u] + b];
  var v: f32;
  if (data[0] == 0u) {
    v = bitcast<f32>(data[HEAD + r * 3072u + f]);
  } else {
    let at = r * 3072u + f;
    let byte = (data[HEAD + at / 4u] >> (8u * (at % 4u))) & 255u;
    v = select(bitcast<f32>(data[1u + byte]), f32(byte), f >= 3072u);
  }
  temp[t_real_1 + i] = v;
}
