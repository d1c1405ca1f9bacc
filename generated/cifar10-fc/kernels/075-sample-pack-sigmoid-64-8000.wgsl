// sample: pack sigmoid -> [64, 8000] (G.3 sigmoid (line 27))
// fuses: copy into a texture

@group(0) @binding(0) var<storage, read_write> temp: array<vec4<f32>>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_G_3_sigmoid = 0u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 2000u || row >= 64u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 64u) {
    v = temp[t_G_3_sigmoid / 4u + row * 2000u + c4];
  }
  textureStore(out, vec2<u32>(c4, row), v);
}
