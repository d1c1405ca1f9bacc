// repack: pack param -> [8000, 8000] (G.2.weight)
// fuses: copy into a texture

@group(0) @binding(0) var<storage, read_write> state: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read_write> state_1: array<vec4<f32>>;
@group(1) @binding(0) var out: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const G_2_weight = 808000u;

@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= 2000u || row >= 8000u) { return; }

  var v = vec4<f32>(0.0);
  if (row < 8000u) {
    v = ld_state(G_2_weight / 4u + row * 2000u + c4);
  }
  textureStore(out, vec2<u32>(c4, row), v);
}

// state over 2 windows: element i from the one that holds it
fn ld_state(i: u32) -> vec4<f32> {
  if (i < 8590608u) { return state[i - 202000u]; }
  return state_1[i - 8590608u];
}
fn st_state(i: u32, v: vec4<f32>) {
  if (i < 8590608u) { state[i - 202000u] = v; return; }
  state_1[i - 8590608u] = v;
}