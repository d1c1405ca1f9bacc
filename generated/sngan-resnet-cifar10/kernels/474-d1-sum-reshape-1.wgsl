// d1: sum + reshape -> [1]
// fuses: sum, neg, div x2, mul; spec line 76

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_2_0_1_weight = 4744452u;
const t_reshape = 49280u;
const t_D_2_0_1_conv2d_reshape = 53012u;
const t_conv2d_wgrad = 5449172u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1u + wg.x) * 64u + li;
  if (i >= 1u) { return; }
  let p0 = temp[t_D_2_0_1_conv2d_reshape + (0u)];
  let base = 0u;
  var acc = 0.0;
  for (var r = 0u; r < 147456u; r++) {
    let v0 = state[D_2_0_1_weight + ((base + ((r / 1152u) % 128u) * 1152u + ((r / 9u) % 128u) * 9u + ((r / 3u) % 3u) * 3u + (r % 3u) * 1u))] / p0;
    let v1 = temp[t_conv2d_wgrad + ((base + ((r / 1152u) % 128u) * 1152u + ((r / 9u) % 128u) * 9u + ((r / 3u) % 3u) * 3u + (r % 3u) * 1u))] * v0;
    let v2 = v1 / p0;
    let v3 = -(v2);
    acc = acc + v3;
  }

  temp[t_reshape + i] = acc;
}
