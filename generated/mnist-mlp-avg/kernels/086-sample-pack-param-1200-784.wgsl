// sample: pack param -> [1200, 784] (G.4 dense (line 0))
// fuses: copy into a texture

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 196u || row >= 1200u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 1200u) {
    let o0 = row * 784u + c4 * 4u + 0u;
    let o1 = row * 784u + c4 * 4u + 1u;
    let o2 = row * 784u + c4 * 4u + 2u;
    let o3 = row * 784u + c4 * 4u + 3u;

    v = vec4<f32>(state[9033250u + (o0)], state[9033250u + (o1)], state[9033250u + (o2)], state[9033250u + (o3)]);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
