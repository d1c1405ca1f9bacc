// repack: pack param -> [100, 6272] (G.0.weight)
// fuses: copy into a texture

@group(0) @binding(0) var<storage, read_write> state: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_0_weight = 0u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 1568u || row >= 100u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 100u) {
    v = state[G_0_weight / 4u + row * 1568u + c4];
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
