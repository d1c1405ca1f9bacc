// joint: matmul + sub -> [3072, 8000] (optimizer D (sgd))
// fuses: sub, mul x2, matmul; operands from textures (tn)

@group(0) @binding(0) var<storage, read_write> state: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read_write> state_1: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> state_2: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> temp: array<vec4<f32>>;
@group(1) @binding(0) var A: texture_storage_2d<rgba32float, read>;
@group(1) @binding(1) var B: texture_storage_2d<rgba32float, read>;
@group(1) @binding(2) var W: texture_storage_2d<rgba32float, write>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_2_weight = 0u;
const opt_D_2_weight_velocity = 126788676u;
const t_optimizer_D_add = 0u;

@compute @workgroup_size(8)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let t = (wg.y * 12000u + wg.x) * 8u + li;
  if (t >= 96000u) { return; }
  let row0 = (t / 500u) * 16u;
  let cg0 = (t % 500u) * 4u;
  let p0 = temp[(t_optimizer_D_add + (0u)) / 4u][(t_optimizer_D_add + (0u)) % 4u];
  var acc0 = vec4<f32>(0.0);
  var acc1 = vec4<f32>(0.0);
  var acc2 = vec4<f32>(0.0);
  var acc3 = vec4<f32>(0.0);
  var acc4 = vec4<f32>(0.0);
  var acc5 = vec4<f32>(0.0);
  var acc6 = vec4<f32>(0.0);
  var acc7 = vec4<f32>(0.0);
  var acc8 = vec4<f32>(0.0);
  var acc9 = vec4<f32>(0.0);
  var acc10 = vec4<f32>(0.0);
  var acc11 = vec4<f32>(0.0);
  var acc12 = vec4<f32>(0.0);
  var acc13 = vec4<f32>(0.0);
  var acc14 = vec4<f32>(0.0);
  var acc15 = vec4<f32>(0.0);
  var acc16 = vec4<f32>(0.0);
  var acc17 = vec4<f32>(0.0);
  var acc18 = vec4<f32>(0.0);
  var acc19 = vec4<f32>(0.0);
  var acc20 = vec4<f32>(0.0);
  var acc21 = vec4<f32>(0.0);
  var acc22 = vec4<f32>(0.0);
  var acc23 = vec4<f32>(0.0);
  var acc24 = vec4<f32>(0.0);
  var acc25 = vec4<f32>(0.0);
  var acc26 = vec4<f32>(0.0);
  var acc27 = vec4<f32>(0.0);
  var acc28 = vec4<f32>(0.0);
  var acc29 = vec4<f32>(0.0);
  var acc30 = vec4<f32>(0.0);
  var acc31 = vec4<f32>(0.0);
  var acc32 = vec4<f32>(0.0);
  var acc33 = vec4<f32>(0.0);
  var acc34 = vec4<f32>(0.0);
  var acc35 = vec4<f32>(0.0);
  var acc36 = vec4<f32>(0.0);
  var acc37 = vec4<f32>(0.0);
  var acc38 = vec4<f32>(0.0);
  var acc39 = vec4<f32>(0.0);
  var acc40 = vec4<f32>(0.0);
  var acc41 = vec4<f32>(0.0);
  var acc42 = vec4<f32>(0.0);
  var acc43 = vec4<f32>(0.0);
  var acc44 = vec4<f32>(0.0);
  var acc45 = vec4<f32>(0.0);
  var acc46 = vec4<f32>(0.0);
  var acc47 = vec4<f32>(0.0);
  var acc48 = vec4<f32>(0.0);
  var acc49 = vec4<f32>(0.0);
  var acc50 = vec4<f32>(0.0);
  var acc51 = vec4<f32>(0.0);
  var acc52 = vec4<f32>(0.0);
  var acc53 = vec4<f32>(0.0);
  var acc54 = vec4<f32>(0.0);
  var acc55 = vec4<f32>(0.0);
  var acc56 = vec4<f32>(0.0);
  var acc57 = vec4<f32>(0.0);
  var acc58 = vec4<f32>(0.0);
  var acc59 = vec4<f32>(0.0);
  var acc60 = vec4<f32>(0.0);
  var acc61 = vec4<f32>(0.0);
  var acc62 = vec4<f32>(0.0);
  var acc63 = vec4<f32>(0.0);
  for (var k = 0u; k < 200u; k += 4u) {
    let a0_0 = textureLoad(A, vec2<u32>(row0 / 4u + 0u, k + 0u));
    let a1_0 = textureLoad(A, vec2<u32>(row0 / 4u + 1u, k + 0u));
    let a2_0 = textureLoad(A, vec2<u32>(row0 / 4u + 2u, k + 0u));
    let a3_0 = textureLoad(A, vec2<u32>(row0 / 4u + 3u, k + 0u));
    let a0_1 = textureLoad(A, vec2<u32>(row0 / 4u + 0u, k + 1u));
    let a1_1 = textureLoad(A, vec2<u32>(row0 / 4u + 1u, k + 1u));
    let a2_1 = textureLoad(A, vec2<u32>(row0 / 4u + 2u, k + 1u));
    let a3_1 = textureLoad(A, vec2<u32>(row0 / 4u + 3u, k + 1u));
    let a0_2 = textureLoad(A, vec2<u32>(row0 / 4u + 0u, k + 2u));
    let a1_2 = textureLoad(A, vec2<u32>(row0 / 4u + 1u, k + 2u));
    let a2_2 = textureLoad(A, vec2<u32>(row0 / 4u + 2u, k + 2u));
    let a3_2 = textureLoad(A, vec2<u32>(row0 / 4u + 3u, k + 2u));
    let a0_3 = textureLoad(A, vec2<u32>(row0 / 4u + 0u, k + 3u));
    let a1_3 = textureLoad(A, vec2<u32>(row0 / 4u + 1u, k + 3u));
    let a2_3 = textureLoad(A, vec2<u32>(row0 / 4u + 2u, k + 3u));
    let a3_3 = textureLoad(A, vec2<u32>(row0 / 4u + 3u, k + 3u));
    let b0_0 = textureLoad(B, vec2<u32>(cg0 + 0u, k + 0u));
    let b0_1 = textureLoad(B, vec2<u32>(cg0 + 0u, k + 1u));
    let b0_2 = textureLoad(B, vec2<u32>(cg0 + 0u, k + 2u));
    let b0_3 = textureLoad(B, vec2<u32>(cg0 + 0u, k + 3u));
    acc0 = fma(vec4<f32>(a0_0.x), b0_0, fma(vec4<f32>(a0_1.x), b0_1, fma(vec4<f32>(a0_2.x), b0_2, fma(vec4<f32>(a0_3.x), b0_3, acc0))));
    acc4 = fma(vec4<f32>(a0_0.y), b0_0, fma(vec4<f32>(a0_1.y), b0_1, fma(vec4<f32>(a0_2.y), b0_2, fma(vec4<f32>(a0_3.y), b0_3, acc4))));
    acc8 = fma(vec4<f32>(a0_0.z), b0_0, fma(vec4<f32>(a0_1.z), b0_1, fma(vec4<f32>(a0_2.z), b0_2, fma(vec4<f32>(a0_3.z), b0_3, acc8))));
    acc12 = fma(vec4<f32>(a0_0.w), b0_0, fma(vec4<f32>(a0_1.w), b0_1, fma(vec4<f32>(a0_2.w), b0_2, fma(vec4<f32>(a0_3.w), b0_3, acc12))));
    acc16 = fma(vec4<f32>(a1_0.x), b0_0, fma(vec4<f32>(a1_1.x), b0_1, fma(vec4<f32>(a1_2.x), b0_2, fma(vec4<f32>(a1_3.x), b0_3, acc16))));
    acc20 = fma(vec4<f32>(a1_0.y), b0_0, fma(vec4<f32>(a1_1.y), b0_1, fma(vec4<f32>(a1_2.y), b0_2, fma(vec4<f32>(a1_3.y), b0_3, acc20))));
    acc24 = fma(vec4<f32>(a1_0.z), b0_0, fma(vec4<f32>(a1_1.z), b0_1, fma(vec4<f32>(a1_2.z), b0_2, fma(vec4<f32>(a1_3.z), b0_3, acc24))));
    acc28 = fma(vec4<f32>(a1_0.w), b0_0, fma(vec4<f32>(a1_1.w), b0_1, fma(vec4<f32>(a1_2.w), b0_2, fma(vec4<f32>(a1_3.w), b0_3, acc28))));
    acc32 = fma(vec4<f32>(a2_0.x), b0_0, fma(vec4<f32>(a2_1.x), b0_1, fma(vec4<f32>(a2_2.x), b0_2, fma(vec4<f32>(a2_3.x), b0_3, acc32))));
    acc36 = fma(vec4<f32>(a2_0.y), b0_0, fma(vec4<f32>(a2_1.y), b0_1, fma(vec4<f32>(a2_2.y), b0_2, fma(vec4<f32>(a2_3.y), b0_3, acc36))));
    acc40 = fma(vec4<f32>(a2_0.z), b0_0, fma(vec4<f32>(a2_1.z), b0_1, fma(vec4<f32>(a2_2.z), b0_2, fma(vec4<f32>(a2_3.z), b0_3, acc40))));
    acc44 = fma(vec4<f32>(a2_0.w), b0_0, fma(vec4<f32>(a2_1.w), b0_1, fma(vec4<f32>(a2_2.w), b0_2, fma(vec4<f32>(a2_3.w), b0_3, acc44))));
    acc48 = fma(vec4<f32>(a3_0.x), b0_0, fma(vec4<f32>(a3_1.x), b0_1, fma(vec4<f32>(a3_2.x), b0_2, fma(vec4<f32>(a3_3.x), b0_3, acc48))));
    acc52 = fma(vec4<f32>(a3_0.y), b0_0, fma(vec4<f32>(a3_1.y), b0_1, fma(vec4<f32>(a3_2.y), b0_2, fma(vec4<f32>(a3_3.y), b0_3, acc52))));
    acc56 = fma(vec4<f32>(a3_0.z), b0_0, fma(vec4<f32>(a3_1.z), b0_1, fma(vec4<f32>(a3_2.z), b0_2, fma(vec4<f32>(a3_3.z), b0_3, acc56))));
    acc60 = fma(vec4<f32>(a3_0.w), b0_0, fma(vec4<f32>(a3_1.w), b0_1, fma(vec4<f32>(a3_2.w), b0_2, fma(vec4<f32>(a3_3.w), b0_3, acc60))));
    let b1_0 = textureLoad(B, vec2<u32>(cg0 + 1u, k + 0u));
    let b1_1 = textureLoad(B, vec2<u32>(cg0 + 1u, k + 1u));
    let b1_2 = textureLoad(B, vec2<u32>(cg0 + 1u, k + 2u));
    let b1_3 = textureLoad(B, vec2<u32>(cg0 + 1u, k + 3u));
    acc1 = fma(vec4<f32>(a0_0.x), b1_0, fma(vec4<f32>(a0_1.x), b1_1, fma(vec4<f32>(a0_2.x), b1_2, fma(vec4<f32>(a0_3.x), b1_3, acc1))));
    acc5 = fma(vec4<f32>(a0_0.y), b1_0, fma(vec4<f32>(a0_1.y), b1_1, fma(vec4<f32>(a0_2.y), b1_2, fma(vec4<f32>(a0_3.y), b1_3, acc5))));
    acc9 = fma(vec4<f32>(a0_0.z), b1_0, fma(vec4<f32>(a0_1.z), b1_1, fma(vec4<f32>(a0_2.z), b1_2, fma(vec4<f32>(a0_3.z), b1_3, acc9))));
    acc13 = fma(vec4<f32>(a0_0.w), b1_0, fma(vec4<f32>(a0_1.w), b1_1, fma(vec4<f32>(a0_2.w), b1_2, fma(vec4<f32>(a0_3.w), b1_3, acc13))));
    acc17 = fma(vec4<f32>(a1_0.x), b1_0, fma(vec4<f32>(a1_1.x), b1_1, fma(vec4<f32>(a1_2.x), b1_2, fma(vec4<f32>(a1_3.x), b1_3, acc17))));
    acc21 = fma(vec4<f32>(a1_0.y), b1_0, fma(vec4<f32>(a1_1.y), b1_1, fma(vec4<f32>(a1_2.y), b1_2, fma(vec4<f32>(a1_3.y), b1_3, acc21))));
    acc25 = fma(vec4<f32>(a1_0.z), b1_0, fma(vec4<f32>(a1_1.z), b1_1, fma(vec4<f32>(a1_2.z), b1_2, fma(vec4<f32>(a1_3.z), b1_3, acc25))));
    acc29 = fma(vec4<f32>(a1_0.w), b1_0, fma(vec4<f32>(a1_1.w), b1_1, fma(vec4<f32>(a1_2.w), b1_2, fma(vec4<f32>(a1_3.w), b1_3, acc29))));
    acc33 = fma(vec4<f32>(a2_0.x), b1_0, fma(vec4<f32>(a2_1.x), b1_1, fma(vec4<f32>(a2_2.x), b1_2, fma(vec4<f32>(a2_3.x), b1_3, acc33))));
    acc37 = fma(vec4<f32>(a2_0.y), b1_0, fma(vec4<f32>(a2_1.y), b1_1, fma(vec4<f32>(a2_2.y), b1_2, fma(vec4<f32>(a2_3.y), b1_3, acc37))));
    acc41 = fma(vec4<f32>(a2_0.z), b1_0, fma(vec4<f32>(a2_1.z), b1_1, fma(vec4<f32>(a2_2.z), b1_2, fma(vec4<f32>(a2_3.z), b1_3, acc41))));
    acc45 = fma(vec4<f32>(a2_0.w), b1_0, fma(vec4<f32>(a2_1.w), b1_1, fma(vec4<f32>(a2_2.w), b1_2, fma(vec4<f32>(a2_3.w), b1_3, acc45))));
    acc49 = fma(vec4<f32>(a3_0.x), b1_0, fma(vec4<f32>(a3_1.x), b1_1, fma(vec4<f32>(a3_2.x), b1_2, fma(vec4<f32>(a3_3.x), b1_3, acc49))));
    acc53 = fma(vec4<f32>(a3_0.y), b1_0, fma(vec4<f32>(a3_1.y), b1_1, fma(vec4<f32>(a3_2.y), b1_2, fma(vec4<f32>(a3_3.y), b1_3, acc53))));
    acc57 = fma(vec4<f32>(a3_0.z), b1_0, fma(vec4<f32>(a3_1.z), b1_1, fma(vec4<f32>(a3_2.z), b1_2, fma(vec4<f32>(a3_3.z), b1_3, acc57))));
    acc61 = fma(vec4<f32>(a3_0.w), b1_0, fma(vec4<f32>(a3_1.w), b1_1, fma(vec4<f32>(a3_2.w), b1_2, fma(vec4<f32>(a3_3.w), b1_3, acc61))));
    let b2_0 = textureLoad(B, vec2<u32>(cg0 + 2u, k + 0u));
    let b2_1 = textureLoad(B, vec2<u32>(cg0 + 2u, k + 1u));
    let b2_2 = textureLoad(B, vec2<u32>(cg0 + 2u, k + 2u));
    let b2_3 = textureLoad(B, vec2<u32>(cg0 + 2u, k + 3u));
    acc2 = fma(vec4<f32>(a0_0.x), b2_0, fma(vec4<f32>(a0_1.x), b2_1, fma(vec4<f32>(a0_2.x), b2_2, fma(vec4<f32>(a0_3.x), b2_3, acc2))));
    acc6 = fma(vec4<f32>(a0_0.y), b2_0, fma(vec4<f32>(a0_1.y), b2_1, fma(vec4<f32>(a0_2.y), b2_2, fma(vec4<f32>(a0_3.y), b2_3, acc6))));
    acc10 = fma(vec4<f32>(a0_0.z), b2_0, fma(vec4<f32>(a0_1.z), b2_1, fma(vec4<f32>(a0_2.z), b2_2, fma(vec4<f32>(a0_3.z), b2_3, acc10))));
    acc14 = fma(vec4<f32>(a0_0.w), b2_0, fma(vec4<f32>(a0_1.w), b2_1, fma(vec4<f32>(a0_2.w), b2_2, fma(vec4<f32>(a0_3.w), b2_3, acc14))));
    acc18 = fma(vec4<f32>(a1_0.x), b2_0, fma(vec4<f32>(a1_1.x), b2_1, fma(vec4<f32>(a1_2.x), b2_2, fma(vec4<f32>(a1_3.x), b2_3, acc18))));
    acc22 = fma(vec4<f32>(a1_0.y), b2_0, fma(vec4<f32>(a1_1.y), b2_1, fma(vec4<f32>(a1_2.y), b2_2, fma(vec4<f32>(a1_3.y), b2_3, acc22))));
    acc26 = fma(vec4<f32>(a1_0.z), b2_0, fma(vec4<f32>(a1_1.z), b2_1, fma(vec4<f32>(a1_2.z), b2_2, fma(vec4<f32>(a1_3.z), b2_3, acc26))));
    acc30 = fma(vec4<f32>(a1_0.w), b2_0, fma(vec4<f32>(a1_1.w), b2_1, fma(vec4<f32>(a1_2.w), b2_2, fma(vec4<f32>(a1_3.w), b2_3, acc30))));
    acc34 = fma(vec4<f32>(a2_0.x), b2_0, fma(vec4<f32>(a2_1.x), b2_1, fma(vec4<f32>(a2_2.x), b2_2, fma(vec4<f32>(a2_3.x), b2_3, acc34))));
    acc38 = fma(vec4<f32>(a2_0.y), b2_0, fma(vec4<f32>(a2_1.y), b2_1, fma(vec4<f32>(a2_2.y), b2_2, fma(vec4<f32>(a2_3.y), b2_3, acc38))));
    acc42 = fma(vec4<f32>(a2_0.z), b2_0, fma(vec4<f32>(a2_1.z), b2_1, fma(vec4<f32>(a2_2.z), b2_2, fma(vec4<f32>(a2_3.z), b2_3, acc42))));
    acc46 = fma(vec4<f32>(a2_0.w), b2_0, fma(vec4<f32>(a2_1.w), b2_1, fma(vec4<f32>(a2_2.w), b2_2, fma(vec4<f32>(a2_3.w), b2_3, acc46))));
    acc50 = fma(vec4<f32>(a3_0.x), b2_0, fma(vec4<f32>(a3_1.x), b2_1, fma(vec4<f32>(a3_2.x), b2_2, fma(vec4<f32>(a3_3.x), b2_3, acc50))));
    acc54 = fma(vec4<f32>(a3_0.y), b2_0, fma(vec4<f32>(a3_1.y), b2_1, fma(vec4<f32>(a3_2.y), b2_2, fma(vec4<f32>(a3_3.y), b2_3, acc54))));
    acc58 = fma(vec4<f32>(a3_0.z), b2_0, fma(vec4<f32>(a3_1.z), b2_1, fma(vec4<f32>(a3_2.z), b2_2, fma(vec4<f32>(a3_3.z), b2_3, acc58))));
    acc62 = fma(vec4<f32>(a3_0.w), b2_0, fma(vec4<f32>(a3_1.w), b2_1, fma(vec4<f32>(a3_2.w), b2_2, fma(vec4<f32>(a3_3.w), b2_3, acc62))));
    let b3_0 = textureLoad(B, vec2<u32>(cg0 + 3u, k + 0u));
    let b3_1 = textureLoad(B, vec2<u32>(cg0 + 3u, k + 1u));
    let b3_2 = textureLoad(B, vec2<u32>(cg0 + 3u, k + 2u));
    let b3_3 = textureLoad(B, vec2<u32>(cg0 + 3u, k + 3u));
    acc3 = fma(vec4<f32>(a0_0.x), b3_0, fma(vec4<f32>(a0_1.x), b3_1, fma(vec4<f32>(a0_2.x), b3_2, fma(vec4<f32>(a0_3.x), b3_3, acc3))));
    acc7 = fma(vec4<f32>(a0_0.y), b3_0, fma(vec4<f32>(a0_1.y), b3_1, fma(vec4<f32>(a0_2.y), b3_2, fma(vec4<f32>(a0_3.y), b3_3, acc7))));
    acc11 = fma(vec4<f32>(a0_0.z), b3_0, fma(vec4<f32>(a0_1.z), b3_1, fma(vec4<f32>(a0_2.z), b3_2, fma(vec4<f32>(a0_3.z), b3_3, acc11))));
    acc15 = fma(vec4<f32>(a0_0.w), b3_0, fma(vec4<f32>(a0_1.w), b3_1, fma(vec4<f32>(a0_2.w), b3_2, fma(vec4<f32>(a0_3.w), b3_3, acc15))));
    acc19 = fma(vec4<f32>(a1_0.x), b3_0, fma(vec4<f32>(a1_1.x), b3_1, fma(vec4<f32>(a1_2.x), b3_2, fma(vec4<f32>(a1_3.x), b3_3, acc19))));
    acc23 = fma(vec4<f32>(a1_0.y), b3_0, fma(vec4<f32>(a1_1.y), b3_1, fma(vec4<f32>(a1_2.y), b3_2, fma(vec4<f32>(a1_3.y), b3_3, acc23))));
    acc27 = fma(vec4<f32>(a1_0.z), b3_0, fma(vec4<f32>(a1_1.z), b3_1, fma(vec4<f32>(a1_2.z), b3_2, fma(vec4<f32>(a1_3.z), b3_3, acc27))));
    acc31 = fma(vec4<f32>(a1_0.w), b3_0, fma(vec4<f32>(a1_1.w), b3_1, fma(vec4<f32>(a1_2.w), b3_2, fma(vec4<f32>(a1_3.w), b3_3, acc31))));
    acc35 = fma(vec4<f32>(a2_0.x), b3_0, fma(vec4<f32>(a2_1.x), b3_1, fma(vec4<f32>(a2_2.x), b3_2, fma(vec4<f32>(a2_3.x), b3_3, acc35))));
    acc39 = fma(vec4<f32>(a2_0.y), b3_0, fma(vec4<f32>(a2_1.y), b3_1, fma(vec4<f32>(a2_2.y), b3_2, fma(vec4<f32>(a2_3.y), b3_3, acc39))));
    acc43 = fma(vec4<f32>(a2_0.z), b3_0, fma(vec4<f32>(a2_1.z), b3_1, fma(vec4<f32>(a2_2.z), b3_2, fma(vec4<f32>(a2_3.z), b3_3, acc43))));
    acc47 = fma(vec4<f32>(a2_0.w), b3_0, fma(vec4<f32>(a2_1.w), b3_1, fma(vec4<f32>(a2_2.w), b3_2, fma(vec4<f32>(a2_3.w), b3_3, acc47))));
    acc51 = fma(vec4<f32>(a3_0.x), b3_0, fma(vec4<f32>(a3_1.x), b3_1, fma(vec4<f32>(a3_2.x), b3_2, fma(vec4<f32>(a3_3.x), b3_3, acc51))));
    acc55 = fma(vec4<f32>(a3_0.y), b3_0, fma(vec4<f32>(a3_1.y), b3_1, fma(vec4<f32>(a3_2.y), b3_2, fma(vec4<f32>(a3_3.y), b3_3, acc55))));
    acc59 = fma(vec4<f32>(a3_0.z), b3_0, fma(vec4<f32>(a3_1.z), b3_1, fma(vec4<f32>(a3_2.z), b3_2, fma(vec4<f32>(a3_3.z), b3_3, acc59))));
    acc63 = fma(vec4<f32>(a3_0.w), b3_0, fma(vec4<f32>(a3_1.w), b3_1, fma(vec4<f32>(a3_2.w), b3_2, fma(vec4<f32>(a3_3.w), b3_3, acc63))));
  }
  epilogue(row0 + 0u, cg0 + 0u, acc0, p0);
  epilogue(row0 + 0u, cg0 + 1u, acc1, p0);
  epilogue(row0 + 0u, cg0 + 2u, acc2, p0);
  epilogue(row0 + 0u, cg0 + 3u, acc3, p0);
  epilogue(row0 + 1u, cg0 + 0u, acc4, p0);
  epilogue(row0 + 1u, cg0 + 1u, acc5, p0);
  epilogue(row0 + 1u, cg0 + 2u, acc6, p0);
  epilogue(row0 + 1u, cg0 + 3u, acc7, p0);
  epilogue(row0 + 2u, cg0 + 0u, acc8, p0);
  epilogue(row0 + 2u, cg0 + 1u, acc9, p0);
  epilogue(row0 + 2u, cg0 + 2u, acc10, p0);
  epilogue(row0 + 2u, cg0 + 3u, acc11, p0);
  epilogue(row0 + 3u, cg0 + 0u, acc12, p0);
  epilogue(row0 + 3u, cg0 + 1u, acc13, p0);
  epilogue(row0 + 3u, cg0 + 2u, acc14, p0);
  epilogue(row0 + 3u, cg0 + 3u, acc15, p0);
  epilogue(row0 + 4u, cg0 + 0u, acc16, p0);
  epilogue(row0 + 4u, cg0 + 1u, acc17, p0);
  epilogue(row0 + 4u, cg0 + 2u, acc18, p0);
  epilogue(row0 + 4u, cg0 + 3u, acc19, p0);
  epilogue(row0 + 5u, cg0 + 0u, acc20, p0);
  epilogue(row0 + 5u, cg0 + 1u, acc21, p0);
  epilogue(row0 + 5u, cg0 + 2u, acc22, p0);
  epilogue(row0 + 5u, cg0 + 3u, acc23, p0);
  epilogue(row0 + 6u, cg0 + 0u, acc24, p0);
  epilogue(row0 + 6u, cg0 + 1u, acc25, p0);
  epilogue(row0 + 6u, cg0 + 2u, acc26, p0);
  epilogue(row0 + 6u, cg0 + 3u, acc27, p0);
  epilogue(row0 + 7u, cg0 + 0u, acc28, p0);
  epilogue(row0 + 7u, cg0 + 1u, acc29, p0);
  epilogue(row0 + 7u, cg0 + 2u, acc30, p0);
  epilogue(row0 + 7u, cg0 + 3u, acc31, p0);
  epilogue(row0 + 8u, cg0 + 0u, acc32, p0);
  epilogue(row0 + 8u, cg0 + 1u, acc33, p0);
  epilogue(row0 + 8u, cg0 + 2u, acc34, p0);
  epilogue(row0 + 8u, cg0 + 3u, acc35, p0);
  epilogue(row0 + 9u, cg0 + 0u, acc36, p0);
  epilogue(row0 + 9u, cg0 + 1u, acc37, p0);
  epilogue(row0 + 9u, cg0 + 2u, acc38, p0);
  epilogue(row0 + 9u, cg0 + 3u, acc39, p0);
  epilogue(row0 + 10u, cg0 + 0u, acc40, p0);
  epilogue(row0 + 10u, cg0 + 1u, acc41, p0);
  epilogue(row0 + 10u, cg0 + 2u, acc42, p0);
  epilogue(row0 + 10u, cg0 + 3u, acc43, p0);
  epilogue(row0 + 11u, cg0 + 0u, acc44, p0);
  epilogue(row0 + 11u, cg0 + 1u, acc45, p0);
  epilogue(row0 + 11u, cg0 + 2u, acc46, p0);
  epilogue(row0 + 11u, cg0 + 3u, acc47, p0);
  epilogue(row0 + 12u, cg0 + 0u, acc48, p0);
  epilogue(row0 + 12u, cg0 + 1u, acc49, p0);
  epilogue(row0 + 12u, cg0 + 2u, acc50, p0);
  epilogue(row0 + 12u, cg0 + 3u, acc51, p0);
  epilogue(row0 + 13u, cg0 + 0u, acc52, p0);
  epilogue(row0 + 13u, cg0 + 1u, acc53, p0);
  epilogue(row0 + 13u, cg0 + 2u, acc54, p0);
  epilogue(row0 + 13u, cg0 + 3u, acc55, p0);
  epilogue(row0 + 14u, cg0 + 0u, acc56, p0);
  epilogue(row0 + 14u, cg0 + 1u, acc57, p0);
  epilogue(row0 + 14u, cg0 + 2u, acc58, p0);
  epilogue(row0 + 14u, cg0 + 3u, acc59, p0);
  epilogue(row0 + 15u, cg0 + 0u, acc60, p0);
  epilogue(row0 + 15u, cg0 + 1u, acc61, p0);
  epilogue(row0 + 15u, cg0 + 2u, acc62, p0);
  epilogue(row0 + 15u, cg0 + 3u, acc63, p0);
}

// the epilogue for four outputs of one row (one texel), read and written as vec4s; values hoisted
// out of the loop arrive as arguments
fn epilogue(row: u32, cg: u32, tv: vec4<f32>, p0: f32) {
  if (row >= 3072u || cg >= 2000u) { return; }
  let o4 = row * 2000u + cg;
  let v0 = vec4<f32>(p0) * ld_state(opt_D_2_weight_velocity / 4u + (o4));
  let v1 = vec4<f32>(0.0250000004) * tv;
  let v2 = v0 - v1;
  let v3 = state[D_2_weight / 4u + (o4)] + v2;
  st_state(opt_D_2_weight_velocity / 4u + o4, v2);
  state[D_2_weight / 4u + o4] = v3;
  textureStore(W, vec2<u32>(cg, row), v3);
}

// state over 3 windows: element i from the one that holds it
fn ld_state(i: u32) -> vec4<f32> {
  if (i < 28492768u) { return state[i - 22348768u]; }
  if (i < 33554432u) { return state_1[i - 31697168u]; }
  return state_2[i - 33554432u];
}
fn st_state(i: u32, v: vec4<f32>) {
  if (i < 28492768u) { state[i - 22348768u] = v; return; }
  if (i < 33554432u) { state_1[i - 31697168u] = v; return; }
  state_2[i - 33554432u] = v;
}