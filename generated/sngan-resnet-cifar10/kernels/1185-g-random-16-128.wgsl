// g: random -> [16, 128] (latent z (draw 5))
// fuses: random

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_latent_z_random = 0u;

fn mulhi(a: u32, b: u32) -> u32 {
  let al = a & 0xffffu; let ah = a >> 16u; let bl = b & 0xffffu; let bh = b >> 16u;
  let t = al * bl;
  let m1 = ah * bl + (t >> 16u);
  let m2 = al * bh + (m1 & 0xffffu);
  return ah * bh + (m1 >> 16u) + (m2 >> 16u);
}
fn philox(c_in: vec4<u32>, k_in: vec2<u32>) -> vec4<u32> {
  var c = c_in; var k = k_in;
  for (var r = 0u; r < 10u; r++) {
    if (r > 0u) { k = k + vec2<u32>(0x9e3779b9u, 0xbb67ae85u); }
    let hi0 = mulhi(0xd2511f53u, c.x); let lo0 = 0xd2511f53u * c.x;
    let hi1 = mulhi(0xcd9e8d57u, c.z); let lo1 = 0xcd9e8d57u * c.z;
    c = vec4<u32>(hi1 ^ c.y ^ k.x, lo1, hi0 ^ c.w ^ k.y, lo0);
  }
  return c;
}
fn unit(w: u32) -> f32 { return f32(w >> 8u) * 5.9604644775390625e-8; }
fn rand_uniform(stream: u32, draw: u32, i: u32) -> f32 {
  let w = philox(vec4<u32>(i / 4u, clock[2], draw, 0u), vec2<u32>(clock[3], stream));
  return unit(w[i % 4u]);
}
fn rand_normal(stream: u32, draw: u32, i: u32) -> f32 {
  let w = philox(vec4<u32>(i / 2u, clock[2], draw, 0u), vec2<u32>(clock[3], stream));
  let j = (i % 2u) * 2u;
  let u1 = 1.0 - unit(w[j]);
  let u2 = unit(w[j + 1u]);
  return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * 32u + wg.x) * 64u + li;
  if (i >= 2048u) { return; }

  let v0 = rand_normal(1u, 5u, i);
  temp[t_latent_z_random + i] = v0;
}
