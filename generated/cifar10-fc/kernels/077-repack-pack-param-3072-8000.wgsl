// repack: pack param -> [3072, 8000] (D.2.weight)
// fuses: copy into a texture

@group(0) @binding(0) var<storage, read_write> state: array<vec4<f32>>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_2_weight = 0u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 2000u || row >= 3072u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 3072u) {
    v = state[D_2_weight / 4u + row * 2000u + c4];
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
