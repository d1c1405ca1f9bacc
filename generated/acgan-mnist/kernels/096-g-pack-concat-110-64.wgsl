// g: pack concat -> [110, 64] (G.1 concat (line 24))
// fuses: concat, permute x2; spec line 24

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_G_0_embedding_matmul = 64u;
const t_latent_z_random = 704u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 16u || row >= 112u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 110u) {
    let o0 = row * 64u + c4 * 4u + 0u;
    let o1 = row * 64u + c4 * 4u + 1u;
    let o2 = row * 64u + c4 * 4u + 2u;
    let o3 = row * 64u + c4 * 4u + 3u;
    let v0 = select(temp[t_G_0_embedding_matmul + (((((select(0u, (o0) - 6400u, (o0) >= 6400u)) / 64u) % 10u) * 1u + ((select(0u, (o0) - 6400u, (o0) >= 6400u)) % 64u) * 10u))], temp[t_latent_z_random + (((((min(o0, 6399u)) / 64u) % 100u) * 1u + ((min(o0, 6399u)) % 64u) * 100u))], (o0) < 6400u);
    let v1 = select(temp[t_G_0_embedding_matmul + (((((select(0u, (o1) - 6400u, (o1) >= 6400u)) / 64u) % 10u) * 1u + ((select(0u, (o1) - 6400u, (o1) >= 6400u)) % 64u) * 10u))], temp[t_latent_z_random + (((((min(o1, 6399u)) / 64u) % 100u) * 1u + ((min(o1, 6399u)) % 64u) * 100u))], (o1) < 6400u);
    let v2 = select(temp[t_G_0_embedding_matmul + (((((select(0u, (o2) - 6400u, (o2) >= 6400u)) / 64u) % 10u) * 1u + ((select(0u, (o2) - 6400u, (o2) >= 6400u)) % 64u) * 10u))], temp[t_latent_z_random + (((((min(o2, 6399u)) / 64u) % 100u) * 1u + ((min(o2, 6399u)) % 64u) * 100u))], (o2) < 6400u);
    let v3 = select(temp[t_G_0_embedding_matmul + (((((select(0u, (o3) - 6400u, (o3) >= 6400u)) / 64u) % 10u) * 1u + ((select(0u, (o3) - 6400u, (o3) >= 6400u)) % 64u) * 10u))], temp[t_latent_z_random + (((((min(o3, 6399u)) / 64u) % 100u) * 1u + ((min(o3, 6399u)) % 64u) * 100u))], (o3) < 6400u);
    v = vec4<f32>(v0, v1, v2, v3);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
