// d1: pack reshape -> [2688, 896]
// fuses: permute

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_add = 10894784u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 224u || row >= 2688u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 2688u) {
    let o0 = row * 896u + c4 * 4u + 0u;
    let o1 = row * 896u + c4 * 4u + 1u;
    let o2 = row * 896u + c4 * 4u + 2u;
    let o3 = row * 896u + c4 * 4u + 3u;

    v = vec4<f32>(temp[t_add + ((((o0 / 12544u) % 192u) * 12544u + ((o0 / 896u) % 14u) * 14u + ((o0 / 64u) % 14u) * 1u + (o0 % 64u) * 196u))], temp[t_add + ((((o1 / 12544u) % 192u) * 12544u + ((o1 / 896u) % 14u) * 14u + ((o1 / 64u) % 14u) * 1u + (o1 % 64u) * 196u))], temp[t_add + ((((o2 / 12544u) % 192u) * 12544u + ((o2 / 896u) % 14u) * 14u + ((o2 / 64u) % 14u) * 1u + (o2 % 64u) * 196u))], temp[t_add + ((((o3 / 12544u) % 192u) * 12544u + ((o3 / 896u) % 14u) * 14u + ((o3 / 64u) % 14u) * 1u + (o3 % 64u) * 196u))]);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
