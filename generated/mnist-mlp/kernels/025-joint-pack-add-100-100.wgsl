// joint: pack add -> [100, 100] (latent z (draw 0))
// fuses: add, mul

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_latent_z_random = 78400u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 25u || row >= 100u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 100u) {
    let o0 = row * 100u + c4 * 4u + 0u;
    let o1 = row * 100u + c4 * 4u + 1u;
    let o2 = row * 100u + c4 * 4u + 2u;
    let o3 = row * 100u + c4 * 4u + 3u;
    let v0 = temp[t_latent_z_random + (o0)] * 3.46410155;
    let v1 = v0 + -1.73205078;
    let v2 = temp[t_latent_z_random + (o1)] * 3.46410155;
    let v3 = v2 + -1.73205078;
    let v4 = temp[t_latent_z_random + (o2)] * 3.46410155;
    let v5 = v4 + -1.73205078;
    let v6 = temp[t_latent_z_random + (o3)] * 3.46410155;
    let v7 = v6 + -1.73205078;
    v = vec4<f32>(v1, v3, v5, v7);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
