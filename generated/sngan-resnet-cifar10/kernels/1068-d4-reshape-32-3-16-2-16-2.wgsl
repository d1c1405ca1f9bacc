// d4: reshape -> [32, 3, 16, 2, 16, 2] (D.0.0.shortcut.0 avg_pool (line 50))
// fuses: copy

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_concat = 107988u;
const t_D_0_0_shortcut_0_avg_pool_reshape = 206292u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 1536u + wg.x) * 64u + li;
  if (i >= 98304u) { return; }


  temp[t_D_0_0_shortcut_0_avg_pool_reshape + i] = temp[t_concat + (i)];
}
