// g: pack reshape -> [128, 1024]
// fuses: permute

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_mul = 2020912u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 256u || row >= 128u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 128u) {
    let o0 = row * 1024u + c4 * 4u + 0u;
    let o1 = row * 1024u + c4 * 4u + 1u;
    let o2 = row * 1024u + c4 * 4u + 2u;
    let o3 = row * 1024u + c4 * 4u + 3u;

    v = vec4<f32>(temp[t_mul + ((((o0 / 8192u) % 16u) * 8192u + ((o0 / 1024u) % 8u) * 8u + ((o0 / 128u) % 8u) * 1u + (o0 % 128u) * 64u))], temp[t_mul + ((((o1 / 8192u) % 16u) * 8192u + ((o1 / 1024u) % 8u) * 8u + ((o1 / 128u) % 8u) * 1u + (o1 % 128u) * 64u))], temp[t_mul + ((((o2 / 8192u) % 16u) * 8192u + ((o2 / 1024u) % 8u) * 8u + ((o2 / 128u) % 8u) * 1u + (o2 % 128u) * 64u))], temp[t_mul + ((((o3 / 8192u) % 16u) * 8192u + ((o3 / 1024u) % 8u) * 8u + ((o3 / 128u) % 8u) * 1u + (o3 % 128u) * 64u))]);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
