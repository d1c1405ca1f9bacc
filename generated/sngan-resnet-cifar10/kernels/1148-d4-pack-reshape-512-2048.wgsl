// d4: pack reshape -> [512, 2048]
// fuses: permute

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_reshape = 6268372u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 512u || row >= 512u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 512u) {
    let o0 = row * 2048u + c4 * 4u + 0u;
    let o1 = row * 2048u + c4 * 4u + 1u;
    let o2 = row * 2048u + c4 * 4u + 2u;
    let o3 = row * 2048u + c4 * 4u + 3u;

    v = vec4<f32>(temp[t_reshape + ((((((((o0 / 32768u) % 32u) * 32768u + ((o0 / 2048u) % 16u) * 16u + ((o0 / 128u) % 16u) * 1u + (o0 % 128u) * 256u)) / 32768u) % 32u) * 8192u + ((((((o0 / 32768u) % 32u) * 32768u + ((o0 / 2048u) % 16u) * 16u + ((o0 / 128u) % 16u) * 1u + (o0 % 128u) * 256u)) / 256u) % 128u) * 64u + ((((((o0 / 32768u) % 32u) * 32768u + ((o0 / 2048u) % 16u) * 16u + ((o0 / 128u) % 16u) * 1u + (o0 % 128u) * 256u)) / 32u) % 8u) * 8u + ((((((o0 / 32768u) % 32u) * 32768u + ((o0 / 2048u) % 16u) * 16u + ((o0 / 128u) % 16u) * 1u + (o0 % 128u) * 256u)) / 2u) % 8u) * 1u))], temp[t_reshape + ((((((((o1 / 32768u) % 32u) * 32768u + ((o1 / 2048u) % 16u) * 16u + ((o1 / 128u) % 16u) * 1u + (o1 % 128u) * 256u)) / 32768u) % 32u) * 8192u + ((((((o1 / 32768u) % 32u) * 32768u + ((o1 / 2048u) % 16u) * 16u + ((o1 / 128u) % 16u) * 1u + (o1 % 128u) * 256u)) / 256u) % 128u) * 64u + ((((((o1 / 32768u) % 32u) * 32768u + ((o1 / 2048u) % 16u) * 16u + ((o1 / 128u) % 16u) * 1u + (o1 % 128u) * 256u)) / 32u) % 8u) * 8u + ((((((o1 / 32768u) % 32u) * 32768u + ((o1 / 2048u) % 16u) * 16u + ((o1 / 128u) % 16u) * 1u + (o1 % 128u) * 256u)) / 2u) % 8u) * 1u))], temp[t_reshape + ((((((((o2 / 32768u) % 32u) * 32768u + ((o2 / 2048u) % 16u) * 16u + ((o2 / 128u) % 16u) * 1u + (o2 % 128u) * 256u)) / 32768u) % 32u) * 8192u + ((((((o2 / 32768u) % 32u) * 32768u + ((o2 / 2048u) % 16u) * 16u + ((o2 / 128u) % 16u) * 1u + (o2 % 128u) * 256u)) / 256u) % 128u) * 64u + ((((((o2 / 32768u) % 32u) * 32768u + ((o2 / 2048u) % 16u) * 16u + ((o2 / 128u) % 16u) * 1u + (o2 % 128u) * 256u)) / 32u) % 8u) * 8u + ((((((o2 / 32768u) % 32u) * 32768u + ((o2 / 2048u) % 16u) * 16u + ((o2 / 128u) % 16u) * 1u + (o2 % 128u) * 256u)) / 2u) % 8u) * 1u))], temp[t_reshape + ((((((((o3 / 32768u) % 32u) * 32768u + ((o3 / 2048u) % 16u) * 16u + ((o3 / 128u) % 16u) * 1u + (o3 % 128u) * 256u)) / 32768u) % 32u) * 8192u + ((((((o3 / 32768u) % 32u) * 32768u + ((o3 / 2048u) % 16u) * 16u + ((o3 / 128u) % 16u) * 1u + (o3 % 128u) * 256u)) / 256u) % 128u) * 64u + ((((((o3 / 32768u) % 32u) * 32768u + ((o3 / 2048u) % 16u) * 16u + ((o3 / 128u) % 16u) * 1u + (o3 % 128u) * 256u)) / 32u) % 8u) * 8u + ((((((o3 / 32768u) % 32u) * 32768u + ((o3 / 2048u) % 16u) * 16u + ((o3 / 128u) % 16u) * 1u + (o3 % 128u) * 256u)) / 2u) % 8u) * 1u))]);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
