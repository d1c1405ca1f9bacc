// g: matmul + add -> [64, 10] (D.5 dense (line 42))
// fuses: add, matmul; spec line 42; operands from textures (nn)

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var A: texture_storage_2d<rgba32float, read>;
@group(1) @binding(1) var B: texture_storage_2d<rgba32float, read>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const D_5_bias = 446632u;
const t_D_5_dense_add = 256u;

@compute @workgroup_size(8)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let t = (wg.y * 1u + wg.x) * 8u + li;
  if (t >= 4u) { return; }
  let row0 = (t / 1u) * 20u;
  let cg0 = (t % 1u) * 3u;

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
  for (var k4 = 0u; k4 < 784u; k4++) {
    let a0 = textureLoad(A, vec2<u32>(k4, min(row0 + 0u, 63u)));
    let a1 = textureLoad(A, vec2<u32>(k4, min(row0 + 1u, 63u)));
    let a2 = textureLoad(A, vec2<u32>(k4, min(row0 + 2u, 63u)));
    let a3 = textureLoad(A, vec2<u32>(k4, min(row0 + 3u, 63u)));
    let a4 = textureLoad(A, vec2<u32>(k4, min(row0 + 4u, 63u)));
    let a5 = textureLoad(A, vec2<u32>(k4, min(row0 + 5u, 63u)));
    let a6 = textureLoad(A, vec2<u32>(k4, min(row0 + 6u, 63u)));
    let a7 = textureLoad(A, vec2<u32>(k4, min(row0 + 7u, 63u)));
    let a8 = textureLoad(A, vec2<u32>(k4, min(row0 + 8u, 63u)));
    let a9 = textureLoad(A, vec2<u32>(k4, min(row0 + 9u, 63u)));
    let a10 = textureLoad(A, vec2<u32>(k4, min(row0 + 10u, 63u)));
    let a11 = textureLoad(A, vec2<u32>(k4, min(row0 + 11u, 63u)));
    let a12 = textureLoad(A, vec2<u32>(k4, min(row0 + 12u, 63u)));
    let a13 = textureLoad(A, vec2<u32>(k4, min(row0 + 13u, 63u)));
    let a14 = textureLoad(A, vec2<u32>(k4, min(row0 + 14u, 63u)));
    let a15 = textureLoad(A, vec2<u32>(k4, min(row0 + 15u, 63u)));
    let a16 = textureLoad(A, vec2<u32>(k4, min(row0 + 16u, 63u)));
    let a17 = textureLoad(A, vec2<u32>(k4, min(row0 + 17u, 63u)));
    let a18 = textureLoad(A, vec2<u32>(k4, min(row0 + 18u, 63u)));
    let a19 = textureLoad(A, vec2<u32>(k4, min(row0 + 19u, 63u)));
    let b0_0 = textureLoad(B, vec2<u32>(cg0 + 0u, k4 * 4u + 0u));
    let b0_1 = textureLoad(B, vec2<u32>(cg0 + 0u, k4 * 4u + 1u));
    let b0_2 = textureLoad(B, vec2<u32>(cg0 + 0u, k4 * 4u + 2u));
    let b0_3 = textureLoad(B, vec2<u32>(cg0 + 0u, k4 * 4u + 3u));
    acc0 = fma(vec4<f32>(a0.x), b0_0, fma(vec4<f32>(a0.y), b0_1, fma(vec4<f32>(a0.z), b0_2, fma(vec4<f32>(a0.w), b0_3, acc0))));
    acc3 = fma(vec4<f32>(a1.x), b0_0, fma(vec4<f32>(a1.y), b0_1, fma(vec4<f32>(a1.z), b0_2, fma(vec4<f32>(a1.w), b0_3, acc3))));
    acc6 = fma(vec4<f32>(a2.x), b0_0, fma(vec4<f32>(a2.y), b0_1, fma(vec4<f32>(a2.z), b0_2, fma(vec4<f32>(a2.w), b0_3, acc6))));
    acc9 = fma(vec4<f32>(a3.x), b0_0, fma(vec4<f32>(a3.y), b0_1, fma(vec4<f32>(a3.z), b0_2, fma(vec4<f32>(a3.w), b0_3, acc9))));
    acc12 = fma(vec4<f32>(a4.x), b0_0, fma(vec4<f32>(a4.y), b0_1, fma(vec4<f32>(a4.z), b0_2, fma(vec4<f32>(a4.w), b0_3, acc12))));
    acc15 = fma(vec4<f32>(a5.x), b0_0, fma(vec4<f32>(a5.y), b0_1, fma(vec4<f32>(a5.z), b0_2, fma(vec4<f32>(a5.w), b0_3, acc15))));
    acc18 = fma(vec4<f32>(a6.x), b0_0, fma(vec4<f32>(a6.y), b0_1, fma(vec4<f32>(a6.z), b0_2, fma(vec4<f32>(a6.w), b0_3, acc18))));
    acc21 = fma(vec4<f32>(a7.x), b0_0, fma(vec4<f32>(a7.y), b0_1, fma(vec4<f32>(a7.z), b0_2, fma(vec4<f32>(a7.w), b0_3, acc21))));
    acc24 = fma(vec4<f32>(a8.x), b0_0, fma(vec4<f32>(a8.y), b0_1, fma(vec4<f32>(a8.z), b0_2, fma(vec4<f32>(a8.w), b0_3, acc24))));
    acc27 = fma(vec4<f32>(a9.x), b0_0, fma(vec4<f32>(a9.y), b0_1, fma(vec4<f32>(a9.z), b0_2, fma(vec4<f32>(a9.w), b0_3, acc27))));
    acc30 = fma(vec4<f32>(a10.x), b0_0, fma(vec4<f32>(a10.y), b0_1, fma(vec4<f32>(a10.z), b0_2, fma(vec4<f32>(a10.w), b0_3, acc30))));
    acc33 = fma(vec4<f32>(a11.x), b0_0, fma(vec4<f32>(a11.y), b0_1, fma(vec4<f32>(a11.z), b0_2, fma(vec4<f32>(a11.w), b0_3, acc33))));
    acc36 = fma(vec4<f32>(a12.x), b0_0, fma(vec4<f32>(a12.y), b0_1, fma(vec4<f32>(a12.z), b0_2, fma(vec4<f32>(a12.w), b0_3, acc36))));
    acc39 = fma(vec4<f32>(a13.x), b0_0, fma(vec4<f32>(a13.y), b0_1, fma(vec4<f32>(a13.z), b0_2, fma(vec4<f32>(a13.w), b0_3, acc39))));
    acc42 = fma(vec4<f32>(a14.x), b0_0, fma(vec4<f32>(a14.y), b0_1, fma(vec4<f32>(a14.z), b0_2, fma(vec4<f32>(a14.w), b0_3, acc42))));
    acc45 = fma(vec4<f32>(a15.x), b0_0, fma(vec4<f32>(a15.y), b0_1, fma(vec4<f32>(a15.z), b0_2, fma(vec4<f32>(a15.w), b0_3, acc45))));
    acc48 = fma(vec4<f32>(a16.x), b0_0, fma(vec4<f32>(a16.y), b0_1, fma(vec4<f32>(a16.z), b0_2, fma(vec4<f32>(a16.w), b0_3, acc48))));
    acc51 = fma(vec4<f32>(a17.x), b0_0, fma(vec4<f32>(a17.y), b0_1, fma(vec4<f32>(a17.z), b0_2, fma(vec4<f32>(a17.w), b0_3, acc51))));
    acc54 = fma(vec4<f32>(a18.x), b0_0, fma(vec4<f32>(a18.y), b0_1, fma(vec4<f32>(a18.z), b0_2, fma(vec4<f32>(a18.w), b0_3, acc54))));
    acc57 = fma(vec4<f32>(a19.x), b0_0, fma(vec4<f32>(a19.y), b0_1, fma(vec4<f32>(a19.z), b0_2, fma(vec4<f32>(a19.w), b0_3, acc57))));
    let b1_0 = textureLoad(B, vec2<u32>(cg0 + 1u, k4 * 4u + 0u));
    let b1_1 = textureLoad(B, vec2<u32>(cg0 + 1u, k4 * 4u + 1u));
    let b1_2 = textureLoad(B, vec2<u32>(cg0 + 1u, k4 * 4u + 2u));
    let b1_3 = textureLoad(B, vec2<u32>(cg0 + 1u, k4 * 4u + 3u));
    acc1 = fma(vec4<f32>(a0.x), b1_0, fma(vec4<f32>(a0.y), b1_1, fma(vec4<f32>(a0.z), b1_2, fma(vec4<f32>(a0.w), b1_3, acc1))));
    acc4 = fma(vec4<f32>(a1.x), b1_0, fma(vec4<f32>(a1.y), b1_1, fma(vec4<f32>(a1.z), b1_2, fma(vec4<f32>(a1.w), b1_3, acc4))));
    acc7 = fma(vec4<f32>(a2.x), b1_0, fma(vec4<f32>(a2.y), b1_1, fma(vec4<f32>(a2.z), b1_2, fma(vec4<f32>(a2.w), b1_3, acc7))));
    acc10 = fma(vec4<f32>(a3.x), b1_0, fma(vec4<f32>(a3.y), b1_1, fma(vec4<f32>(a3.z), b1_2, fma(vec4<f32>(a3.w), b1_3, acc10))));
    acc13 = fma(vec4<f32>(a4.x), b1_0, fma(vec4<f32>(a4.y), b1_1, fma(vec4<f32>(a4.z), b1_2, fma(vec4<f32>(a4.w), b1_3, acc13))));
    acc16 = fma(vec4<f32>(a5.x), b1_0, fma(vec4<f32>(a5.y), b1_1, fma(vec4<f32>(a5.z), b1_2, fma(vec4<f32>(a5.w), b1_3, acc16))));
    acc19 = fma(vec4<f32>(a6.x), b1_0, fma(vec4<f32>(a6.y), b1_1, fma(vec4<f32>(a6.z), b1_2, fma(vec4<f32>(a6.w), b1_3, acc19))));
    acc22 = fma(vec4<f32>(a7.x), b1_0, fma(vec4<f32>(a7.y), b1_1, fma(vec4<f32>(a7.z), b1_2, fma(vec4<f32>(a7.w), b1_3, acc22))));
    acc25 = fma(vec4<f32>(a8.x), b1_0, fma(vec4<f32>(a8.y), b1_1, fma(vec4<f32>(a8.z), b1_2, fma(vec4<f32>(a8.w), b1_3, acc25))));
    acc28 = fma(vec4<f32>(a9.x), b1_0, fma(vec4<f32>(a9.y), b1_1, fma(vec4<f32>(a9.z), b1_2, fma(vec4<f32>(a9.w), b1_3, acc28))));
    acc31 = fma(vec4<f32>(a10.x), b1_0, fma(vec4<f32>(a10.y), b1_1, fma(vec4<f32>(a10.z), b1_2, fma(vec4<f32>(a10.w), b1_3, acc31))));
    acc34 = fma(vec4<f32>(a11.x), b1_0, fma(vec4<f32>(a11.y), b1_1, fma(vec4<f32>(a11.z), b1_2, fma(vec4<f32>(a11.w), b1_3, acc34))));
    acc37 = fma(vec4<f32>(a12.x), b1_0, fma(vec4<f32>(a12.y), b1_1, fma(vec4<f32>(a12.z), b1_2, fma(vec4<f32>(a12.w), b1_3, acc37))));
    acc40 = fma(vec4<f32>(a13.x), b1_0, fma(vec4<f32>(a13.y), b1_1, fma(vec4<f32>(a13.z), b1_2, fma(vec4<f32>(a13.w), b1_3, acc40))));
    acc43 = fma(vec4<f32>(a14.x), b1_0, fma(vec4<f32>(a14.y), b1_1, fma(vec4<f32>(a14.z), b1_2, fma(vec4<f32>(a14.w), b1_3, acc43))));
    acc46 = fma(vec4<f32>(a15.x), b1_0, fma(vec4<f32>(a15.y), b1_1, fma(vec4<f32>(a15.z), b1_2, fma(vec4<f32>(a15.w), b1_3, acc46))));
    acc49 = fma(vec4<f32>(a16.x), b1_0, fma(vec4<f32>(a16.y), b1_1, fma(vec4<f32>(a16.z), b1_2, fma(vec4<f32>(a16.w), b1_3, acc49))));
    acc52 = fma(vec4<f32>(a17.x), b1_0, fma(vec4<f32>(a17.y), b1_1, fma(vec4<f32>(a17.z), b1_2, fma(vec4<f32>(a17.w), b1_3, acc52))));
    acc55 = fma(vec4<f32>(a18.x), b1_0, fma(vec4<f32>(a18.y), b1_1, fma(vec4<f32>(a18.z), b1_2, fma(vec4<f32>(a18.w), b1_3, acc55))));
    acc58 = fma(vec4<f32>(a19.x), b1_0, fma(vec4<f32>(a19.y), b1_1, fma(vec4<f32>(a19.z), b1_2, fma(vec4<f32>(a19.w), b1_3, acc58))));
    let b2_0 = textureLoad(B, vec2<u32>(cg0 + 2u, k4 * 4u + 0u));
    let b2_1 = textureLoad(B, vec2<u32>(cg0 + 2u, k4 * 4u + 1u));
    let b2_2 = textureLoad(B, vec2<u32>(cg0 + 2u, k4 * 4u + 2u));
    let b2_3 = textureLoad(B, vec2<u32>(cg0 + 2u, k4 * 4u + 3u));
    acc2 = fma(vec4<f32>(a0.x), b2_0, fma(vec4<f32>(a0.y), b2_1, fma(vec4<f32>(a0.z), b2_2, fma(vec4<f32>(a0.w), b2_3, acc2))));
    acc5 = fma(vec4<f32>(a1.x), b2_0, fma(vec4<f32>(a1.y), b2_1, fma(vec4<f32>(a1.z), b2_2, fma(vec4<f32>(a1.w), b2_3, acc5))));
    acc8 = fma(vec4<f32>(a2.x), b2_0, fma(vec4<f32>(a2.y), b2_1, fma(vec4<f32>(a2.z), b2_2, fma(vec4<f32>(a2.w), b2_3, acc8))));
    acc11 = fma(vec4<f32>(a3.x), b2_0, fma(vec4<f32>(a3.y), b2_1, fma(vec4<f32>(a3.z), b2_2, fma(vec4<f32>(a3.w), b2_3, acc11))));
    acc14 = fma(vec4<f32>(a4.x), b2_0, fma(vec4<f32>(a4.y), b2_1, fma(vec4<f32>(a4.z), b2_2, fma(vec4<f32>(a4.w), b2_3, acc14))));
    acc17 = fma(vec4<f32>(a5.x), b2_0, fma(vec4<f32>(a5.y), b2_1, fma(vec4<f32>(a5.z), b2_2, fma(vec4<f32>(a5.w), b2_3, acc17))));
    acc20 = fma(vec4<f32>(a6.x), b2_0, fma(vec4<f32>(a6.y), b2_1, fma(vec4<f32>(a6.z), b2_2, fma(vec4<f32>(a6.w), b2_3, acc20))));
    acc23 = fma(vec4<f32>(a7.x), b2_0, fma(vec4<f32>(a7.y), b2_1, fma(vec4<f32>(a7.z), b2_2, fma(vec4<f32>(a7.w), b2_3, acc23))));
    acc26 = fma(vec4<f32>(a8.x), b2_0, fma(vec4<f32>(a8.y), b2_1, fma(vec4<f32>(a8.z), b2_2, fma(vec4<f32>(a8.w), b2_3, acc26))));
    acc29 = fma(vec4<f32>(a9.x), b2_0, fma(vec4<f32>(a9.y), b2_1, fma(vec4<f32>(a9.z), b2_2, fma(vec4<f32>(a9.w), b2_3, acc29))));
    acc32 = fma(vec4<f32>(a10.x), b2_0, fma(vec4<f32>(a10.y), b2_1, fma(vec4<f32>(a10.z), b2_2, fma(vec4<f32>(a10.w), b2_3, acc32))));
    acc35 = fma(vec4<f32>(a11.x), b2_0, fma(vec4<f32>(a11.y), b2_1, fma(vec4<f32>(a11.z), b2_2, fma(vec4<f32>(a11.w), b2_3, acc35))));
    acc38 = fma(vec4<f32>(a12.x), b2_0, fma(vec4<f32>(a12.y), b2_1, fma(vec4<f32>(a12.z), b2_2, fma(vec4<f32>(a12.w), b2_3, acc38))));
    acc41 = fma(vec4<f32>(a13.x), b2_0, fma(vec4<f32>(a13.y), b2_1, fma(vec4<f32>(a13.z), b2_2, fma(vec4<f32>(a13.w), b2_3, acc41))));
    acc44 = fma(vec4<f32>(a14.x), b2_0, fma(vec4<f32>(a14.y), b2_1, fma(vec4<f32>(a14.z), b2_2, fma(vec4<f32>(a14.w), b2_3, acc44))));
    acc47 = fma(vec4<f32>(a15.x), b2_0, fma(vec4<f32>(a15.y), b2_1, fma(vec4<f32>(a15.z), b2_2, fma(vec4<f32>(a15.w), b2_3, acc47))));
    acc50 = fma(vec4<f32>(a16.x), b2_0, fma(vec4<f32>(a16.y), b2_1, fma(vec4<f32>(a16.z), b2_2, fma(vec4<f32>(a16.w), b2_3, acc50))));
    acc53 = fma(vec4<f32>(a17.x), b2_0, fma(vec4<f32>(a17.y), b2_1, fma(vec4<f32>(a17.z), b2_2, fma(vec4<f32>(a17.w), b2_3, acc53))));
    acc56 = fma(vec4<f32>(a18.x), b2_0, fma(vec4<f32>(a18.y), b2_1, fma(vec4<f32>(a18.z), b2_2, fma(vec4<f32>(a18.w), b2_3, acc56))));
    acc59 = fma(vec4<f32>(a19.x), b2_0, fma(vec4<f32>(a19.y), b2_1, fma(vec4<f32>(a19.z), b2_2, fma(vec4<f32>(a19.w), b2_3, acc59))));
  }
  epilogue(row0 + 0u, cg0 + 0u, acc0);
  epilogue(row0 + 0u, cg0 + 1u, acc1);
  epilogue(row0 + 0u, cg0 + 2u, acc2);
  epilogue(row0 + 1u, cg0 + 0u, acc3);
  epilogue(row0 + 1u, cg0 + 1u, acc4);
  epilogue(row0 + 1u, cg0 + 2u, acc5);
  epilogue(row0 + 2u, cg0 + 0u, acc6);
  epilogue(row0 + 2u, cg0 + 1u, acc7);
  epilogue(row0 + 2u, cg0 + 2u, acc8);
  epilogue(row0 + 3u, cg0 + 0u, acc9);
  epilogue(row0 + 3u, cg0 + 1u, acc10);
  epilogue(row0 + 3u, cg0 + 2u, acc11);
  epilogue(row0 + 4u, cg0 + 0u, acc12);
  epilogue(row0 + 4u, cg0 + 1u, acc13);
  epilogue(row0 + 4u, cg0 + 2u, acc14);
  epilogue(row0 + 5u, cg0 + 0u, acc15);
  epilogue(row0 + 5u, cg0 + 1u, acc16);
  epilogue(row0 + 5u, cg0 + 2u, acc17);
  epilogue(row0 + 6u, cg0 + 0u, acc18);
  epilogue(row0 + 6u, cg0 + 1u, acc19);
  epilogue(row0 + 6u, cg0 + 2u, acc20);
  epilogue(row0 + 7u, cg0 + 0u, acc21);
  epilogue(row0 + 7u, cg0 + 1u, acc22);
  epilogue(row0 + 7u, cg0 + 2u, acc23);
  epilogue(row0 + 8u, cg0 + 0u, acc24);
  epilogue(row0 + 8u, cg0 + 1u, acc25);
  epilogue(row0 + 8u, cg0 + 2u, acc26);
  epilogue(row0 + 9u, cg0 + 0u, acc27);
  epilogue(row0 + 9u, cg0 + 1u, acc28);
  epilogue(row0 + 9u, cg0 + 2u, acc29);
  epilogue(row0 + 10u, cg0 + 0u, acc30);
  epilogue(row0 + 10u, cg0 + 1u, acc31);
  epilogue(row0 + 10u, cg0 + 2u, acc32);
  epilogue(row0 + 11u, cg0 + 0u, acc33);
  epilogue(row0 + 11u, cg0 + 1u, acc34);
  epilogue(row0 + 11u, cg0 + 2u, acc35);
  epilogue(row0 + 12u, cg0 + 0u, acc36);
  epilogue(row0 + 12u, cg0 + 1u, acc37);
  epilogue(row0 + 12u, cg0 + 2u, acc38);
  epilogue(row0 + 13u, cg0 + 0u, acc39);
  epilogue(row0 + 13u, cg0 + 1u, acc40);
  epilogue(row0 + 13u, cg0 + 2u, acc41);
  epilogue(row0 + 14u, cg0 + 0u, acc42);
  epilogue(row0 + 14u, cg0 + 1u, acc43);
  epilogue(row0 + 14u, cg0 + 2u, acc44);
  epilogue(row0 + 15u, cg0 + 0u, acc45);
  epilogue(row0 + 15u, cg0 + 1u, acc46);
  epilogue(row0 + 15u, cg0 + 2u, acc47);
  epilogue(row0 + 16u, cg0 + 0u, acc48);
  epilogue(row0 + 16u, cg0 + 1u, acc49);
  epilogue(row0 + 16u, cg0 + 2u, acc50);
  epilogue(row0 + 17u, cg0 + 0u, acc51);
  epilogue(row0 + 17u, cg0 + 1u, acc52);
  epilogue(row0 + 17u, cg0 + 2u, acc53);
  epilogue(row0 + 18u, cg0 + 0u, acc54);
  epilogue(row0 + 18u, cg0 + 1u, acc55);
  epilogue(row0 + 18u, cg0 + 2u, acc56);
  epilogue(row0 + 19u, cg0 + 0u, acc57);
  epilogue(row0 + 19u, cg0 + 1u, acc58);
  epilogue(row0 + 19u, cg0 + 2u, acc59);
}

// the epilogue for four outputs of one row; values hoisted out of the loop arrive as arguments
fn epilogue(row: u32, cg: u32, tv: vec4<f32>) {
  if (row >= 64u) { return; }
  if (cg * 4u + 0u < 10u) {
    let o = row * 10u + cg * 4u + 0u;
    let v0 = tv.x + state[D_5_bias + (((o % 10u) * 1u))];
    temp[t_D_5_dense_add + o] = v0;
  }
  if (cg * 4u + 1u < 10u) {
    let o = row * 10u + cg * 4u + 1u;
    let v0 = tv.y + state[D_5_bias + (((o % 10u) * 1u))];
    temp[t_D_5_dense_add + o] = v0;
  }
  if (cg * 4u + 2u < 10u) {
    let o = row * 10u + cg * 4u + 2u;
    let v0 = tv.z + state[D_5_bias + (((o % 10u) * 1u))];
    temp[t_D_5_dense_add + o] = v0;
  }
  if (cg * 4u + 3u < 10u) {
    let o = row * 10u + cg * 4u + 3u;
    let v0 = tv.w + state[D_5_bias + (((o % 10u) * 1u))];
    temp[t_D_5_dense_add + o] = v0;
  }
}
