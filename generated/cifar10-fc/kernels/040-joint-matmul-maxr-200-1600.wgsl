// joint: matmul + maxr -> [200, 1600] (D.4 maxout (line 37))
// fuses: maxr; spec line 37; operands from textures (nn)

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(1) @binding(0) var A: texture_storage_2d<rgba32float, read>;
@group(1) @binding(1) var B: texture_storage_2d<rgba32float, read>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_4_bias = 0u;
const t_D_4_maxout_maxr = 16u;
const t_D_4_maxout_reshape = 320016u;

@compute @workgroup_size(8)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let t = (wg.y * 500u + wg.x) * 8u + li;
  if (t >= 4000u) { return; }
  let row0 = (t / 400u) * 20u;
  let cg0 = (t % 400u) * 5u;

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
  var acc64 = vec4<f32>(0.0);
  var acc65 = vec4<f32>(0.0);
  var acc66 = vec4<f32>(0.0);
  var acc67 = vec4<f32>(0.0);
  var acc68 = vec4<f32>(0.0);
  var acc69 = vec4<f32>(0.0);
  var acc70 = vec4<f32>(0.0);
  var acc71 = vec4<f32>(0.0);
  var acc72 = vec4<f32>(0.0);
  var acc73 = vec4<f32>(0.0);
  var acc74 = vec4<f32>(0.0);
  var acc75 = vec4<f32>(0.0);
  var acc76 = vec4<f32>(0.0);
  var acc77 = vec4<f32>(0.0);
  var acc78 = vec4<f32>(0.0);
  var acc79 = vec4<f32>(0.0);
  var acc80 = vec4<f32>(0.0);
  var acc81 = vec4<f32>(0.0);
  var acc82 = vec4<f32>(0.0);
  var acc83 = vec4<f32>(0.0);
  var acc84 = vec4<f32>(0.0);
  var acc85 = vec4<f32>(0.0);
  var acc86 = vec4<f32>(0.0);
  var acc87 = vec4<f32>(0.0);
  var acc88 = vec4<f32>(0.0);
  var acc89 = vec4<f32>(0.0);
  var acc90 = vec4<f32>(0.0);
  var acc91 = vec4<f32>(0.0);
  var acc92 = vec4<f32>(0.0);
  var acc93 = vec4<f32>(0.0);
  var acc94 = vec4<f32>(0.0);
  var acc95 = vec4<f32>(0.0);
  var acc96 = vec4<f32>(0.0);
  var acc97 = vec4<f32>(0.0);
  var acc98 = vec4<f32>(0.0);
  var acc99 = vec4<f32>(0.0);
  for (var k4 = 0u; k4 < 400u; k4++) {
    let a0 = textureLoad(A, vec2<u32>(k4, row0 + 0u));
    let a1 = textureLoad(A, vec2<u32>(k4, row0 + 1u));
    let a2 = textureLoad(A, vec2<u32>(k4, row0 + 2u));
    let a3 = textureLoad(A, vec2<u32>(k4, row0 + 3u));
    let a4 = textureLoad(A, vec2<u32>(k4, row0 + 4u));
    let a5 = textureLoad(A, vec2<u32>(k4, row0 + 5u));
    let a6 = textureLoad(A, vec2<u32>(k4, row0 + 6u));
    let a7 = textureLoad(A, vec2<u32>(k4, row0 + 7u));
    let a8 = textureLoad(A, vec2<u32>(k4, row0 + 8u));
    let a9 = textureLoad(A, vec2<u32>(k4, row0 + 9u));
    let a10 = textureLoad(A, vec2<u32>(k4, row0 + 10u));
    let a11 = textureLoad(A, vec2<u32>(k4, row0 + 11u));
    let a12 = textureLoad(A, vec2<u32>(k4, row0 + 12u));
    let a13 = textureLoad(A, vec2<u32>(k4, row0 + 13u));
    let a14 = textureLoad(A, vec2<u32>(k4, row0 + 14u));
    let a15 = textureLoad(A, vec2<u32>(k4, row0 + 15u));
    let a16 = textureLoad(A, vec2<u32>(k4, row0 + 16u));
    let a17 = textureLoad(A, vec2<u32>(k4, row0 + 17u));
    let a18 = textureLoad(A, vec2<u32>(k4, row0 + 18u));
    let a19 = textureLoad(A, vec2<u32>(k4, row0 + 19u));
    let b0_0 = textureLoad(B, vec2<u32>(cg0 + 0u, k4 * 4u + 0u));
    let b0_1 = textureLoad(B, vec2<u32>(cg0 + 0u, k4 * 4u + 1u));
    let b0_2 = textureLoad(B, vec2<u32>(cg0 + 0u, k4 * 4u + 2u));
    let b0_3 = textureLoad(B, vec2<u32>(cg0 + 0u, k4 * 4u + 3u));
    acc0 = fma(vec4<f32>(a0.x), b0_0, fma(vec4<f32>(a0.y), b0_1, fma(vec4<f32>(a0.z), b0_2, fma(vec4<f32>(a0.w), b0_3, acc0))));
    acc5 = fma(vec4<f32>(a1.x), b0_0, fma(vec4<f32>(a1.y), b0_1, fma(vec4<f32>(a1.z), b0_2, fma(vec4<f32>(a1.w), b0_3, acc5))));
    acc10 = fma(vec4<f32>(a2.x), b0_0, fma(vec4<f32>(a2.y), b0_1, fma(vec4<f32>(a2.z), b0_2, fma(vec4<f32>(a2.w), b0_3, acc10))));
    acc15 = fma(vec4<f32>(a3.x), b0_0, fma(vec4<f32>(a3.y), b0_1, fma(vec4<f32>(a3.z), b0_2, fma(vec4<f32>(a3.w), b0_3, acc15))));
    acc20 = fma(vec4<f32>(a4.x), b0_0, fma(vec4<f32>(a4.y), b0_1, fma(vec4<f32>(a4.z), b0_2, fma(vec4<f32>(a4.w), b0_3, acc20))));
    acc25 = fma(vec4<f32>(a5.x), b0_0, fma(vec4<f32>(a5.y), b0_1, fma(vec4<f32>(a5.z), b0_2, fma(vec4<f32>(a5.w), b0_3, acc25))));
    acc30 = fma(vec4<f32>(a6.x), b0_0, fma(vec4<f32>(a6.y), b0_1, fma(vec4<f32>(a6.z), b0_2, fma(vec4<f32>(a6.w), b0_3, acc30))));
    acc35 = fma(vec4<f32>(a7.x), b0_0, fma(vec4<f32>(a7.y), b0_1, fma(vec4<f32>(a7.z), b0_2, fma(vec4<f32>(a7.w), b0_3, acc35))));
    acc40 = fma(vec4<f32>(a8.x), b0_0, fma(vec4<f32>(a8.y), b0_1, fma(vec4<f32>(a8.z), b0_2, fma(vec4<f32>(a8.w), b0_3, acc40))));
    acc45 = fma(vec4<f32>(a9.x), b0_0, fma(vec4<f32>(a9.y), b0_1, fma(vec4<f32>(a9.z), b0_2, fma(vec4<f32>(a9.w), b0_3, acc45))));
    acc50 = fma(vec4<f32>(a10.x), b0_0, fma(vec4<f32>(a10.y), b0_1, fma(vec4<f32>(a10.z), b0_2, fma(vec4<f32>(a10.w), b0_3, acc50))));
    acc55 = fma(vec4<f32>(a11.x), b0_0, fma(vec4<f32>(a11.y), b0_1, fma(vec4<f32>(a11.z), b0_2, fma(vec4<f32>(a11.w), b0_3, acc55))));
    acc60 = fma(vec4<f32>(a12.x), b0_0, fma(vec4<f32>(a12.y), b0_1, fma(vec4<f32>(a12.z), b0_2, fma(vec4<f32>(a12.w), b0_3, acc60))));
    acc65 = fma(vec4<f32>(a13.x), b0_0, fma(vec4<f32>(a13.y), b0_1, fma(vec4<f32>(a13.z), b0_2, fma(vec4<f32>(a13.w), b0_3, acc65))));
    acc70 = fma(vec4<f32>(a14.x), b0_0, fma(vec4<f32>(a14.y), b0_1, fma(vec4<f32>(a14.z), b0_2, fma(vec4<f32>(a14.w), b0_3, acc70))));
    acc75 = fma(vec4<f32>(a15.x), b0_0, fma(vec4<f32>(a15.y), b0_1, fma(vec4<f32>(a15.z), b0_2, fma(vec4<f32>(a15.w), b0_3, acc75))));
    acc80 = fma(vec4<f32>(a16.x), b0_0, fma(vec4<f32>(a16.y), b0_1, fma(vec4<f32>(a16.z), b0_2, fma(vec4<f32>(a16.w), b0_3, acc80))));
    acc85 = fma(vec4<f32>(a17.x), b0_0, fma(vec4<f32>(a17.y), b0_1, fma(vec4<f32>(a17.z), b0_2, fma(vec4<f32>(a17.w), b0_3, acc85))));
    acc90 = fma(vec4<f32>(a18.x), b0_0, fma(vec4<f32>(a18.y), b0_1, fma(vec4<f32>(a18.z), b0_2, fma(vec4<f32>(a18.w), b0_3, acc90))));
    acc95 = fma(vec4<f32>(a19.x), b0_0, fma(vec4<f32>(a19.y), b0_1, fma(vec4<f32>(a19.z), b0_2, fma(vec4<f32>(a19.w), b0_3, acc95))));
    let b1_0 = textureLoad(B, vec2<u32>(cg0 + 1u, k4 * 4u + 0u));
    let b1_1 = textureLoad(B, vec2<u32>(cg0 + 1u, k4 * 4u + 1u));
    let b1_2 = textureLoad(B, vec2<u32>(cg0 + 1u, k4 * 4u + 2u));
    let b1_3 = textureLoad(B, vec2<u32>(cg0 + 1u, k4 * 4u + 3u));
    acc1 = fma(vec4<f32>(a0.x), b1_0, fma(vec4<f32>(a0.y), b1_1, fma(vec4<f32>(a0.z), b1_2, fma(vec4<f32>(a0.w), b1_3, acc1))));
    acc6 = fma(vec4<f32>(a1.x), b1_0, fma(vec4<f32>(a1.y), b1_1, fma(vec4<f32>(a1.z), b1_2, fma(vec4<f32>(a1.w), b1_3, acc6))));
    acc11 = fma(vec4<f32>(a2.x), b1_0, fma(vec4<f32>(a2.y), b1_1, fma(vec4<f32>(a2.z), b1_2, fma(vec4<f32>(a2.w), b1_3, acc11))));
    acc16 = fma(vec4<f32>(a3.x), b1_0, fma(vec4<f32>(a3.y), b1_1, fma(vec4<f32>(a3.z), b1_2, fma(vec4<f32>(a3.w), b1_3, acc16))));
    acc21 = fma(vec4<f32>(a4.x), b1_0, fma(vec4<f32>(a4.y), b1_1, fma(vec4<f32>(a4.z), b1_2, fma(vec4<f32>(a4.w), b1_3, acc21))));
    acc26 = fma(vec4<f32>(a5.x), b1_0, fma(vec4<f32>(a5.y), b1_1, fma(vec4<f32>(a5.z), b1_2, fma(vec4<f32>(a5.w), b1_3, acc26))));
    acc31 = fma(vec4<f32>(a6.x), b1_0, fma(vec4<f32>(a6.y), b1_1, fma(vec4<f32>(a6.z), b1_2, fma(vec4<f32>(a6.w), b1_3, acc31))));
    acc36 = fma(vec4<f32>(a7.x), b1_0, fma(vec4<f32>(a7.y), b1_1, fma(vec4<f32>(a7.z), b1_2, fma(vec4<f32>(a7.w), b1_3, acc36))));
    acc41 = fma(vec4<f32>(a8.x), b1_0, fma(vec4<f32>(a8.y), b1_1, fma(vec4<f32>(a8.z), b1_2, fma(vec4<f32>(a8.w), b1_3, acc41))));
    acc46 = fma(vec4<f32>(a9.x), b1_0, fma(vec4<f32>(a9.y), b1_1, fma(vec4<f32>(a9.z), b1_2, fma(vec4<f32>(a9.w), b1_3, acc46))));
    acc51 = fma(vec4<f32>(a10.x), b1_0, fma(vec4<f32>(a10.y), b1_1, fma(vec4<f32>(a10.z), b1_2, fma(vec4<f32>(a10.w), b1_3, acc51))));
    acc56 = fma(vec4<f32>(a11.x), b1_0, fma(vec4<f32>(a11.y), b1_1, fma(vec4<f32>(a11.z), b1_2, fma(vec4<f32>(a11.w), b1_3, acc56))));
    acc61 = fma(vec4<f32>(a12.x), b1_0, fma(vec4<f32>(a12.y), b1_1, fma(vec4<f32>(a12.z), b1_2, fma(vec4<f32>(a12.w), b1_3, acc61))));
    acc66 = fma(vec4<f32>(a13.x), b1_0, fma(vec4<f32>(a13.y), b1_1, fma(vec4<f32>(a13.z), b1_2, fma(vec4<f32>(a13.w), b1_3, acc66))));
    acc71 = fma(vec4<f32>(a14.x), b1_0, fma(vec4<f32>(a14.y), b1_1, fma(vec4<f32>(a14.z), b1_2, fma(vec4<f32>(a14.w), b1_3, acc71))));
    acc76 = fma(vec4<f32>(a15.x), b1_0, fma(vec4<f32>(a15.y), b1_1, fma(vec4<f32>(a15.z), b1_2, fma(vec4<f32>(a15.w), b1_3, acc76))));
    acc81 = fma(vec4<f32>(a16.x), b1_0, fma(vec4<f32>(a16.y), b1_1, fma(vec4<f32>(a16.z), b1_2, fma(vec4<f32>(a16.w), b1_3, acc81))));
    acc86 = fma(vec4<f32>(a17.x), b1_0, fma(vec4<f32>(a17.y), b1_1, fma(vec4<f32>(a17.z), b1_2, fma(vec4<f32>(a17.w), b1_3, acc86))));
    acc91 = fma(vec4<f32>(a18.x), b1_0, fma(vec4<f32>(a18.y), b1_1, fma(vec4<f32>(a18.z), b1_2, fma(vec4<f32>(a18.w), b1_3, acc91))));
    acc96 = fma(vec4<f32>(a19.x), b1_0, fma(vec4<f32>(a19.y), b1_1, fma(vec4<f32>(a19.z), b1_2, fma(vec4<f32>(a19.w), b1_3, acc96))));
    let b2_0 = textureLoad(B, vec2<u32>(cg0 + 2u, k4 * 4u + 0u));
    let b2_1 = textureLoad(B, vec2<u32>(cg0 + 2u, k4 * 4u + 1u));
    let b2_2 = textureLoad(B, vec2<u32>(cg0 + 2u, k4 * 4u + 2u));
    let b2_3 = textureLoad(B, vec2<u32>(cg0 + 2u, k4 * 4u + 3u));
    acc2 = fma(vec4<f32>(a0.x), b2_0, fma(vec4<f32>(a0.y), b2_1, fma(vec4<f32>(a0.z), b2_2, fma(vec4<f32>(a0.w), b2_3, acc2))));
    acc7 = fma(vec4<f32>(a1.x), b2_0, fma(vec4<f32>(a1.y), b2_1, fma(vec4<f32>(a1.z), b2_2, fma(vec4<f32>(a1.w), b2_3, acc7))));
    acc12 = fma(vec4<f32>(a2.x), b2_0, fma(vec4<f32>(a2.y), b2_1, fma(vec4<f32>(a2.z), b2_2, fma(vec4<f32>(a2.w), b2_3, acc12))));
    acc17 = fma(vec4<f32>(a3.x), b2_0, fma(vec4<f32>(a3.y), b2_1, fma(vec4<f32>(a3.z), b2_2, fma(vec4<f32>(a3.w), b2_3, acc17))));
    acc22 = fma(vec4<f32>(a4.x), b2_0, fma(vec4<f32>(a4.y), b2_1, fma(vec4<f32>(a4.z), b2_2, fma(vec4<f32>(a4.w), b2_3, acc22))));
    acc27 = fma(vec4<f32>(a5.x), b2_0, fma(vec4<f32>(a5.y), b2_1, fma(vec4<f32>(a5.z), b2_2, fma(vec4<f32>(a5.w), b2_3, acc27))));
    acc32 = fma(vec4<f32>(a6.x), b2_0, fma(vec4<f32>(a6.y), b2_1, fma(vec4<f32>(a6.z), b2_2, fma(vec4<f32>(a6.w), b2_3, acc32))));
    acc37 = fma(vec4<f32>(a7.x), b2_0, fma(vec4<f32>(a7.y), b2_1, fma(vec4<f32>(a7.z), b2_2, fma(vec4<f32>(a7.w), b2_3, acc37))));
    acc42 = fma(vec4<f32>(a8.x), b2_0, fma(vec4<f32>(a8.y), b2_1, fma(vec4<f32>(a8.z), b2_2, fma(vec4<f32>(a8.w), b2_3, acc42))));
    acc47 = fma(vec4<f32>(a9.x), b2_0, fma(vec4<f32>(a9.y), b2_1, fma(vec4<f32>(a9.z), b2_2, fma(vec4<f32>(a9.w), b2_3, acc47))));
    acc52 = fma(vec4<f32>(a10.x), b2_0, fma(vec4<f32>(a10.y), b2_1, fma(vec4<f32>(a10.z), b2_2, fma(vec4<f32>(a10.w), b2_3, acc52))));
    acc57 = fma(vec4<f32>(a11.x), b2_0, fma(vec4<f32>(a11.y), b2_1, fma(vec4<f32>(a11.z), b2_2, fma(vec4<f32>(a11.w), b2_3, acc57))));
    acc62 = fma(vec4<f32>(a12.x), b2_0, fma(vec4<f32>(a12.y), b2_1, fma(vec4<f32>(a12.z), b2_2, fma(vec4<f32>(a12.w), b2_3, acc62))));
    acc67 = fma(vec4<f32>(a13.x), b2_0, fma(vec4<f32>(a13.y), b2_1, fma(vec4<f32>(a13.z), b2_2, fma(vec4<f32>(a13.w), b2_3, acc67))));
    acc72 = fma(vec4<f32>(a14.x), b2_0, fma(vec4<f32>(a14.y), b2_1, fma(vec4<f32>(a14.z), b2_2, fma(vec4<f32>(a14.w), b2_3, acc72))));
    acc77 = fma(vec4<f32>(a15.x), b2_0, fma(vec4<f32>(a15.y), b2_1, fma(vec4<f32>(a15.z), b2_2, fma(vec4<f32>(a15.w), b2_3, acc77))));
    acc82 = fma(vec4<f32>(a16.x), b2_0, fma(vec4<f32>(a16.y), b2_1, fma(vec4<f32>(a16.z), b2_2, fma(vec4<f32>(a16.w), b2_3, acc82))));
    acc87 = fma(vec4<f32>(a17.x), b2_0, fma(vec4<f32>(a17.y), b2_1, fma(vec4<f32>(a17.z), b2_2, fma(vec4<f32>(a17.w), b2_3, acc87))));
    acc92 = fma(vec4<f32>(a18.x), b2_0, fma(vec4<f32>(a18.y), b2_1, fma(vec4<f32>(a18.z), b2_2, fma(vec4<f32>(a18.w), b2_3, acc92))));
    acc97 = fma(vec4<f32>(a19.x), b2_0, fma(vec4<f32>(a19.y), b2_1, fma(vec4<f32>(a19.z), b2_2, fma(vec4<f32>(a19.w), b2_3, acc97))));
    let b3_0 = textureLoad(B, vec2<u32>(cg0 + 3u, k4 * 4u + 0u));
    let b3_1 = textureLoad(B, vec2<u32>(cg0 + 3u, k4 * 4u + 1u));
    let b3_2 = textureLoad(B, vec2<u32>(cg0 + 3u, k4 * 4u + 2u));
    let b3_3 = textureLoad(B, vec2<u32>(cg0 + 3u, k4 * 4u + 3u));
    acc3 = fma(vec4<f32>(a0.x), b3_0, fma(vec4<f32>(a0.y), b3_1, fma(vec4<f32>(a0.z), b3_2, fma(vec4<f32>(a0.w), b3_3, acc3))));
    acc8 = fma(vec4<f32>(a1.x), b3_0, fma(vec4<f32>(a1.y), b3_1, fma(vec4<f32>(a1.z), b3_2, fma(vec4<f32>(a1.w), b3_3, acc8))));
    acc13 = fma(vec4<f32>(a2.x), b3_0, fma(vec4<f32>(a2.y), b3_1, fma(vec4<f32>(a2.z), b3_2, fma(vec4<f32>(a2.w), b3_3, acc13))));
    acc18 = fma(vec4<f32>(a3.x), b3_0, fma(vec4<f32>(a3.y), b3_1, fma(vec4<f32>(a3.z), b3_2, fma(vec4<f32>(a3.w), b3_3, acc18))));
    acc23 = fma(vec4<f32>(a4.x), b3_0, fma(vec4<f32>(a4.y), b3_1, fma(vec4<f32>(a4.z), b3_2, fma(vec4<f32>(a4.w), b3_3, acc23))));
    acc28 = fma(vec4<f32>(a5.x), b3_0, fma(vec4<f32>(a5.y), b3_1, fma(vec4<f32>(a5.z), b3_2, fma(vec4<f32>(a5.w), b3_3, acc28))));
    acc33 = fma(vec4<f32>(a6.x), b3_0, fma(vec4<f32>(a6.y), b3_1, fma(vec4<f32>(a6.z), b3_2, fma(vec4<f32>(a6.w), b3_3, acc33))));
    acc38 = fma(vec4<f32>(a7.x), b3_0, fma(vec4<f32>(a7.y), b3_1, fma(vec4<f32>(a7.z), b3_2, fma(vec4<f32>(a7.w), b3_3, acc38))));
    acc43 = fma(vec4<f32>(a8.x), b3_0, fma(vec4<f32>(a8.y), b3_1, fma(vec4<f32>(a8.z), b3_2, fma(vec4<f32>(a8.w), b3_3, acc43))));
    acc48 = fma(vec4<f32>(a9.x), b3_0, fma(vec4<f32>(a9.y), b3_1, fma(vec4<f32>(a9.z), b3_2, fma(vec4<f32>(a9.w), b3_3, acc48))));
    acc53 = fma(vec4<f32>(a10.x), b3_0, fma(vec4<f32>(a10.y), b3_1, fma(vec4<f32>(a10.z), b3_2, fma(vec4<f32>(a10.w), b3_3, acc53))));
    acc58 = fma(vec4<f32>(a11.x), b3_0, fma(vec4<f32>(a11.y), b3_1, fma(vec4<f32>(a11.z), b3_2, fma(vec4<f32>(a11.w), b3_3, acc58))));
    acc63 = fma(vec4<f32>(a12.x), b3_0, fma(vec4<f32>(a12.y), b3_1, fma(vec4<f32>(a12.z), b3_2, fma(vec4<f32>(a12.w), b3_3, acc63))));
    acc68 = fma(vec4<f32>(a13.x), b3_0, fma(vec4<f32>(a13.y), b3_1, fma(vec4<f32>(a13.z), b3_2, fma(vec4<f32>(a13.w), b3_3, acc68))));
    acc73 = fma(vec4<f32>(a14.x), b3_0, fma(vec4<f32>(a14.y), b3_1, fma(vec4<f32>(a14.z), b3_2, fma(vec4<f32>(a14.w), b3_3, acc73))));
    acc78 = fma(vec4<f32>(a15.x), b3_0, fma(vec4<f32>(a15.y), b3_1, fma(vec4<f32>(a15.z), b3_2, fma(vec4<f32>(a15.w), b3_3, acc78))));
    acc83 = fma(vec4<f32>(a16.x), b3_0, fma(vec4<f32>(a16.y), b3_1, fma(vec4<f32>(a16.z), b3_2, fma(vec4<f32>(a16.w), b3_3, acc83))));
    acc88 = fma(vec4<f32>(a17.x), b3_0, fma(vec4<f32>(a17.y), b3_1, fma(vec4<f32>(a17.z), b3_2, fma(vec4<f32>(a17.w), b3_3, acc88))));
    acc93 = fma(vec4<f32>(a18.x), b3_0, fma(vec4<f32>(a18.y), b3_1, fma(vec4<f32>(a18.z), b3_2, fma(vec4<f32>(a18.w), b3_3, acc93))));
    acc98 = fma(vec4<f32>(a19.x), b3_0, fma(vec4<f32>(a19.y), b3_1, fma(vec4<f32>(a19.z), b3_2, fma(vec4<f32>(a19.w), b3_3, acc98))));
    let b4_0 = textureLoad(B, vec2<u32>(cg0 + 4u, k4 * 4u + 0u));
    let b4_1 = textureLoad(B, vec2<u32>(cg0 + 4u, k4 * 4u + 1u));
    let b4_2 = textureLoad(B, vec2<u32>(cg0 + 4u, k4 * 4u + 2u));
    let b4_3 = textureLoad(B, vec2<u32>(cg0 + 4u, k4 * 4u + 3u));
    acc4 = fma(vec4<f32>(a0.x), b4_0, fma(vec4<f32>(a0.y), b4_1, fma(vec4<f32>(a0.z), b4_2, fma(vec4<f32>(a0.w), b4_3, acc4))));
    acc9 = fma(vec4<f32>(a1.x), b4_0, fma(vec4<f32>(a1.y), b4_1, fma(vec4<f32>(a1.z), b4_2, fma(vec4<f32>(a1.w), b4_3, acc9))));
    acc14 = fma(vec4<f32>(a2.x), b4_0, fma(vec4<f32>(a2.y), b4_1, fma(vec4<f32>(a2.z), b4_2, fma(vec4<f32>(a2.w), b4_3, acc14))));
    acc19 = fma(vec4<f32>(a3.x), b4_0, fma(vec4<f32>(a3.y), b4_1, fma(vec4<f32>(a3.z), b4_2, fma(vec4<f32>(a3.w), b4_3, acc19))));
    acc24 = fma(vec4<f32>(a4.x), b4_0, fma(vec4<f32>(a4.y), b4_1, fma(vec4<f32>(a4.z), b4_2, fma(vec4<f32>(a4.w), b4_3, acc24))));
    acc29 = fma(vec4<f32>(a5.x), b4_0, fma(vec4<f32>(a5.y), b4_1, fma(vec4<f32>(a5.z), b4_2, fma(vec4<f32>(a5.w), b4_3, acc29))));
    acc34 = fma(vec4<f32>(a6.x), b4_0, fma(vec4<f32>(a6.y), b4_1, fma(vec4<f32>(a6.z), b4_2, fma(vec4<f32>(a6.w), b4_3, acc34))));
    acc39 = fma(vec4<f32>(a7.x), b4_0, fma(vec4<f32>(a7.y), b4_1, fma(vec4<f32>(a7.z), b4_2, fma(vec4<f32>(a7.w), b4_3, acc39))));
    acc44 = fma(vec4<f32>(a8.x), b4_0, fma(vec4<f32>(a8.y), b4_1, fma(vec4<f32>(a8.z), b4_2, fma(vec4<f32>(a8.w), b4_3, acc44))));
    acc49 = fma(vec4<f32>(a9.x), b4_0, fma(vec4<f32>(a9.y), b4_1, fma(vec4<f32>(a9.z), b4_2, fma(vec4<f32>(a9.w), b4_3, acc49))));
    acc54 = fma(vec4<f32>(a10.x), b4_0, fma(vec4<f32>(a10.y), b4_1, fma(vec4<f32>(a10.z), b4_2, fma(vec4<f32>(a10.w), b4_3, acc54))));
    acc59 = fma(vec4<f32>(a11.x), b4_0, fma(vec4<f32>(a11.y), b4_1, fma(vec4<f32>(a11.z), b4_2, fma(vec4<f32>(a11.w), b4_3, acc59))));
    acc64 = fma(vec4<f32>(a12.x), b4_0, fma(vec4<f32>(a12.y), b4_1, fma(vec4<f32>(a12.z), b4_2, fma(vec4<f32>(a12.w), b4_3, acc64))));
    acc69 = fma(vec4<f32>(a13.x), b4_0, fma(vec4<f32>(a13.y), b4_1, fma(vec4<f32>(a13.z), b4_2, fma(vec4<f32>(a13.w), b4_3, acc69))));
    acc74 = fma(vec4<f32>(a14.x), b4_0, fma(vec4<f32>(a14.y), b4_1, fma(vec4<f32>(a14.z), b4_2, fma(vec4<f32>(a14.w), b4_3, acc74))));
    acc79 = fma(vec4<f32>(a15.x), b4_0, fma(vec4<f32>(a15.y), b4_1, fma(vec4<f32>(a15.z), b4_2, fma(vec4<f32>(a15.w), b4_3, acc79))));
    acc84 = fma(vec4<f32>(a16.x), b4_0, fma(vec4<f32>(a16.y), b4_1, fma(vec4<f32>(a16.z), b4_2, fma(vec4<f32>(a16.w), b4_3, acc84))));
    acc89 = fma(vec4<f32>(a17.x), b4_0, fma(vec4<f32>(a17.y), b4_1, fma(vec4<f32>(a17.z), b4_2, fma(vec4<f32>(a17.w), b4_3, acc89))));
    acc94 = fma(vec4<f32>(a18.x), b4_0, fma(vec4<f32>(a18.y), b4_1, fma(vec4<f32>(a18.z), b4_2, fma(vec4<f32>(a18.w), b4_3, acc94))));
    acc99 = fma(vec4<f32>(a19.x), b4_0, fma(vec4<f32>(a19.y), b4_1, fma(vec4<f32>(a19.z), b4_2, fma(vec4<f32>(a19.w), b4_3, acc99))));
  }
  epilogue(row0 + 0u, cg0 * 4u, acc0, acc1, acc2, acc3, acc4);
  epilogue(row0 + 1u, cg0 * 4u, acc5, acc6, acc7, acc8, acc9);
  epilogue(row0 + 2u, cg0 * 4u, acc10, acc11, acc12, acc13, acc14);
  epilogue(row0 + 3u, cg0 * 4u, acc15, acc16, acc17, acc18, acc19);
  epilogue(row0 + 4u, cg0 * 4u, acc20, acc21, acc22, acc23, acc24);
  epilogue(row0 + 5u, cg0 * 4u, acc25, acc26, acc27, acc28, acc29);
  epilogue(row0 + 6u, cg0 * 4u, acc30, acc31, acc32, acc33, acc34);
  epilogue(row0 + 7u, cg0 * 4u, acc35, acc36, acc37, acc38, acc39);
  epilogue(row0 + 8u, cg0 * 4u, acc40, acc41, acc42, acc43, acc44);
  epilogue(row0 + 9u, cg0 * 4u, acc45, acc46, acc47, acc48, acc49);
  epilogue(row0 + 10u, cg0 * 4u, acc50, acc51, acc52, acc53, acc54);
  epilogue(row0 + 11u, cg0 * 4u, acc55, acc56, acc57, acc58, acc59);
  epilogue(row0 + 12u, cg0 * 4u, acc60, acc61, acc62, acc63, acc64);
  epilogue(row0 + 13u, cg0 * 4u, acc65, acc66, acc67, acc68, acc69);
  epilogue(row0 + 14u, cg0 * 4u, acc70, acc71, acc72, acc73, acc74);
  epilogue(row0 + 15u, cg0 * 4u, acc75, acc76, acc77, acc78, acc79);
  epilogue(row0 + 16u, cg0 * 4u, acc80, acc81, acc82, acc83, acc84);
  epilogue(row0 + 17u, cg0 * 4u, acc85, acc86, acc87, acc88, acc89);
  epilogue(row0 + 18u, cg0 * 4u, acc90, acc91, acc92, acc93, acc94);
  epilogue(row0 + 19u, cg0 * 4u, acc95, acc96, acc97, acc98, acc99);
}

// the epilogue for one row of the block: 4 maxout units of 5 pieces
fn epilogue(row: u32, c0: u32, t0: vec4<f32>, t1: vec4<f32>, t2: vec4<f32>, t3: vec4<f32>, t4: vec4<f32>) {
  if (row >= 200u) { return; }
  {
    let unit = c0 / 5u + 0u;
    if (unit >= 1600u) { return; }
    var x0: f32;
    {
      let o0 = row * 8000u + unit * 5u + 0u;
      let v0 = t0[0] + state[D_4_bias + (((o0 % 8000u) * 1u))];
      temp[t_D_4_maxout_reshape + o0] = v0;
      x0 = v0;
    }
    var x1: f32;
    {
      let o1 = row * 8000u + unit * 5u + 1u;
      let v0 = t0[1] + state[D_4_bias + (((o1 % 8000u) * 1u))];
      temp[t_D_4_maxout_reshape + o1] = v0;
      x1 = v0;
    }
    var x2: f32;
    {
      let o2 = row * 8000u + unit * 5u + 2u;
      let v0 = t0[2] + state[D_4_bias + (((o2 % 8000u) * 1u))];
      temp[t_D_4_maxout_reshape + o2] = v0;
      x2 = v0;
    }
    var x3: f32;
    {
      let o3 = row * 8000u + unit * 5u + 3u;
      let v0 = t0[3] + state[D_4_bias + (((o3 % 8000u) * 1u))];
      temp[t_D_4_maxout_reshape + o3] = v0;
      x3 = v0;
    }
    var x4: f32;
    {
      let o4 = row * 8000u + unit * 5u + 4u;
      let v0 = t1[0] + state[D_4_bias + (((o4 % 8000u) * 1u))];
      temp[t_D_4_maxout_reshape + o4] = v0;
      x4 = v0;
    }
    let mx = max(max(max(max(x0, x1), x2), x3), x4);
    let oh = row * 1600u + unit;

    temp[t_D_4_maxout_maxr + oh] = mx;
  }
  {
    let unit = c0 / 5u + 1u;
    if (unit >= 1600u) { return; }
    var x0: f32;
    {
      let o0 = row * 8000u + unit * 5u + 0u;
      let v0 = t1[1] + state[D_4_bias + (((o0 % 8000u) * 1u))];
      temp[t_D_4_maxout_reshape + o0] = v0;
      x0 = v0;
    }
    var x1: f32;
    {
      let o1 = row * 8000u + unit * 5u + 1u;
      let v0 = t1[2] + state[D_4_bias + (((o1 % 8000u) * 1u))];
      temp[t_D_4_maxout_reshape + o1] = v0;
      x1 = v0;
    }
    var x2: f32;
    {
      let o2 = row * 8000u + unit * 5u + 2u;
      let v0 = t1[3] + state[D_4_bias + (((o2 % 8000u) * 1u))];
      temp[t_D_4_maxout_reshape + o2] = v0;
      x2 = v0;
    }
    var x3: f32;
    {
      let o3 = row * 8000u + unit * 5u + 3u;
      let v0 = t2[0] + state[D_4_bias + (((o3 % 8000u) * 1u))];
      temp[t_D_4_maxout_reshape + o3] = v0;
      x3 = v0;
    }
    var x4: f32;
    {
      let o4 = row * 8000u + unit * 5u + 4u;
      let v0 = t2[1] + state[D_4_bias + (((o4 % 8000u) * 1u))];
      temp[t_D_4_maxout_reshape + o4] = v0;
      x4 = v0;
    }
    let mx = max(max(max(max(x0, x1), x2), x3), x4);
    let oh = row * 1600u + unit;

    temp[t_D_4_maxout_maxr + oh] = mx;
  }
  {
    let unit = c0 / 5u + 2u;
    if (unit >= 1600u) { return; }
    var x0: f32;
    {
      let o0 = row * 8000u + unit * 5u + 0u;
      let v0 = t2[2] + state[D_4_bias + (((o0 % 8000u) * 1u))];
      temp[t_D_4_maxout_reshape + o0] = v0;
      x0 = v0;
    }
    var x1: f32;
    {
      let o1 = row * 8000u + unit * 5u + 1u;
      let v0 = t2[3] + state[D_4_bias + (((o1 % 8000u) * 1u))];
      temp[t_D_4_maxout_reshape + o1] = v0;
      x1 = v0;
    }
    var x2: f32;
    {
      let o2 = row * 8000u + unit * 5u + 2u;
      let v0 = t3[0] + state[D_4_bias + (((o2 % 8000u) * 1u))];
      temp[t_D_4_maxout_reshape + o2] = v0;
      x2 = v0;
    }
    var x3: f32;
    {
      let o3 = row * 8000u + unit * 5u + 3u;
      let v0 = t3[1] + state[D_4_bias + (((o3 % 8000u) * 1u))];
      temp[t_D_4_maxout_reshape + o3] = v0;
      x3 = v0;
    }
    var x4: f32;
    {
      let o4 = row * 8000u + unit * 5u + 4u;
      let v0 = t3[2] + state[D_4_bias + (((o4 % 8000u) * 1u))];
      temp[t_D_4_maxout_reshape + o4] = v0;
      x4 = v0;
    }
    let mx = max(max(max(max(x0, x1), x2), x3), x4);
    let oh = row * 1600u + unit;

    temp[t_D_4_maxout_maxr + oh] = mx;
  }
  {
    let unit = c0 / 5u + 3u;
    if (unit >= 1600u) { return; }
    var x0: f32;
    {
      let o0 = row * 8000u + unit * 5u + 0u;
      let v0 = t3[3] + state[D_4_bias + (((o0 % 8000u) * 1u))];
      temp[t_D_4_maxout_reshape + o0] = v0;
      x0 = v0;
    }
    var x1: f32;
    {
      let o1 = row * 8000u + unit * 5u + 1u;
      let v0 = t4[0] + state[D_4_bias + (((o1 % 8000u) * 1u))];
      temp[t_D_4_maxout_reshape + o1] = v0;
      x1 = v0;
    }
    var x2: f32;
    {
      let o2 = row * 8000u + unit * 5u + 2u;
      let v0 = t4[1] + state[D_4_bias + (((o2 % 8000u) * 1u))];
      temp[t_D_4_maxout_reshape + o2] = v0;
      x2 = v0;
    }
    var x3: f32;
    {
      let o3 = row * 8000u + unit * 5u + 3u;
      let v0 = t4[2] + state[D_4_bias + (((o3 % 8000u) * 1u))];
      temp[t_D_4_maxout_reshape + o3] = v0;
      x3 = v0;
    }
    var x4: f32;
    {
      let o4 = row * 8000u + unit * 5u + 4u;
      let v0 = t4[3] + state[D_4_bias + (((o4 % 8000u) * 1u))];
      temp[t_D_4_maxout_reshape + o4] = v0;
      x4 = v0;
    }
    let mx = max(max(max(max(x0, x1), x2), x3), x4);
    let oh = row * 1600u + unit;

    temp[t_D_4_maxout_maxr + oh] = mx;
  }
}
