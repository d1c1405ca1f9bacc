// g: matmul + matmul -> [64, 110]
// fuses: matmul; operands from textures (nt)

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var A: texture_storage_2d<rgba32float, read>;
@group(1) @binding(1) var B: texture_storage_2d<rgba32float, read>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_matmul = 4356u;

@compute @workgroup_size(8)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let t = (wg.y * 5u + wg.x) * 8u + li;
  if (t >= 40u) { return; }
  let row0 = (t / 10u) * 20u;
  let cg0 = (t % 10u) * 3u;

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
    let b0_0 = textureLoad(B, vec2<u32>(k4, min(cg0 * 4u + 0u, 111u)));
    let b0_1 = textureLoad(B, vec2<u32>(k4, min(cg0 * 4u + 1u, 111u)));
    let b0_2 = textureLoad(B, vec2<u32>(k4, min(cg0 * 4u + 2u, 111u)));
    let b0_3 = textureLoad(B, vec2<u32>(k4, min(cg0 * 4u + 3u, 111u)));
    acc0 = acc0 + vec4<f32>(dot(a0, b0_0), dot(a0, b0_1), dot(a0, b0_2), dot(a0, b0_3));
    acc3 = acc3 + vec4<f32>(dot(a1, b0_0), dot(a1, b0_1), dot(a1, b0_2), dot(a1, b0_3));
    acc6 = acc6 + vec4<f32>(dot(a2, b0_0), dot(a2, b0_1), dot(a2, b0_2), dot(a2, b0_3));
    acc9 = acc9 + vec4<f32>(dot(a3, b0_0), dot(a3, b0_1), dot(a3, b0_2), dot(a3, b0_3));
    acc12 = acc12 + vec4<f32>(dot(a4, b0_0), dot(a4, b0_1), dot(a4, b0_2), dot(a4, b0_3));
    acc15 = acc15 + vec4<f32>(dot(a5, b0_0), dot(a5, b0_1), dot(a5, b0_2), dot(a5, b0_3));
    acc18 = acc18 + vec4<f32>(dot(a6, b0_0), dot(a6, b0_1), dot(a6, b0_2), dot(a6, b0_3));
    acc21 = acc21 + vec4<f32>(dot(a7, b0_0), dot(a7, b0_1), dot(a7, b0_2), dot(a7, b0_3));
    acc24 = acc24 + vec4<f32>(dot(a8, b0_0), dot(a8, b0_1), dot(a8, b0_2), dot(a8, b0_3));
    acc27 = acc27 + vec4<f32>(dot(a9, b0_0), dot(a9, b0_1), dot(a9, b0_2), dot(a9, b0_3));
    acc30 = acc30 + vec4<f32>(dot(a10, b0_0), dot(a10, b0_1), dot(a10, b0_2), dot(a10, b0_3));
    acc33 = acc33 + vec4<f32>(dot(a11, b0_0), dot(a11, b0_1), dot(a11, b0_2), dot(a11, b0_3));
    acc36 = acc36 + vec4<f32>(dot(a12, b0_0), dot(a12, b0_1), dot(a12, b0_2), dot(a12, b0_3));
    acc39 = acc39 + vec4<f32>(dot(a13, b0_0), dot(a13, b0_1), dot(a13, b0_2), dot(a13, b0_3));
    acc42 = acc42 + vec4<f32>(dot(a14, b0_0), dot(a14, b0_1), dot(a14, b0_2), dot(a14, b0_3));
    acc45 = acc45 + vec4<f32>(dot(a15, b0_0), dot(a15, b0_1), dot(a15, b0_2), dot(a15, b0_3));
    acc48 = acc48 + vec4<f32>(dot(a16, b0_0), dot(a16, b0_1), dot(a16, b0_2), dot(a16, b0_3));
    acc51 = acc51 + vec4<f32>(dot(a17, b0_0), dot(a17, b0_1), dot(a17, b0_2), dot(a17, b0_3));
    acc54 = acc54 + vec4<f32>(dot(a18, b0_0), dot(a18, b0_1), dot(a18, b0_2), dot(a18, b0_3));
    acc57 = acc57 + vec4<f32>(dot(a19, b0_0), dot(a19, b0_1), dot(a19, b0_2), dot(a19, b0_3));
    let b1_0 = textureLoad(B, vec2<u32>(k4, min(cg0 * 4u + 4u, 111u)));
    let b1_1 = textureLoad(B, vec2<u32>(k4, min(cg0 * 4u + 5u, 111u)));
    let b1_2 = textureLoad(B, vec2<u32>(k4, min(cg0 * 4u + 6u, 111u)));
    let b1_3 = textureLoad(B, vec2<u32>(k4, min(cg0 * 4u + 7u, 111u)));
    acc1 = acc1 + vec4<f32>(dot(a0, b1_0), dot(a0, b1_1), dot(a0, b1_2), dot(a0, b1_3));
    acc4 = acc4 + vec4<f32>(dot(a1, b1_0), dot(a1, b1_1), dot(a1, b1_2), dot(a1, b1_3));
    acc7 = acc7 + vec4<f32>(dot(a2, b1_0), dot(a2, b1_1), dot(a2, b1_2), dot(a2, b1_3));
    acc10 = acc10 + vec4<f32>(dot(a3, b1_0), dot(a3, b1_1), dot(a3, b1_2), dot(a3, b1_3));
    acc13 = acc13 + vec4<f32>(dot(a4, b1_0), dot(a4, b1_1), dot(a4, b1_2), dot(a4, b1_3));
    acc16 = acc16 + vec4<f32>(dot(a5, b1_0), dot(a5, b1_1), dot(a5, b1_2), dot(a5, b1_3));
    acc19 = acc19 + vec4<f32>(dot(a6, b1_0), dot(a6, b1_1), dot(a6, b1_2), dot(a6, b1_3));
    acc22 = acc22 + vec4<f32>(dot(a7, b1_0), dot(a7, b1_1), dot(a7, b1_2), dot(a7, b1_3));
    acc25 = acc25 + vec4<f32>(dot(a8, b1_0), dot(a8, b1_1), dot(a8, b1_2), dot(a8, b1_3));
    acc28 = acc28 + vec4<f32>(dot(a9, b1_0), dot(a9, b1_1), dot(a9, b1_2), dot(a9, b1_3));
    acc31 = acc31 + vec4<f32>(dot(a10, b1_0), dot(a10, b1_1), dot(a10, b1_2), dot(a10, b1_3));
    acc34 = acc34 + vec4<f32>(dot(a11, b1_0), dot(a11, b1_1), dot(a11, b1_2), dot(a11, b1_3));
    acc37 = acc37 + vec4<f32>(dot(a12, b1_0), dot(a12, b1_1), dot(a12, b1_2), dot(a12, b1_3));
    acc40 = acc40 + vec4<f32>(dot(a13, b1_0), dot(a13, b1_1), dot(a13, b1_2), dot(a13, b1_3));
    acc43 = acc43 + vec4<f32>(dot(a14, b1_0), dot(a14, b1_1), dot(a14, b1_2), dot(a14, b1_3));
    acc46 = acc46 + vec4<f32>(dot(a15, b1_0), dot(a15, b1_1), dot(a15, b1_2), dot(a15, b1_3));
    acc49 = acc49 + vec4<f32>(dot(a16, b1_0), dot(a16, b1_1), dot(a16, b1_2), dot(a16, b1_3));
    acc52 = acc52 + vec4<f32>(dot(a17, b1_0), dot(a17, b1_1), dot(a17, b1_2), dot(a17, b1_3));
    acc55 = acc55 + vec4<f32>(dot(a18, b1_0), dot(a18, b1_1), dot(a18, b1_2), dot(a18, b1_3));
    acc58 = acc58 + vec4<f32>(dot(a19, b1_0), dot(a19, b1_1), dot(a19, b1_2), dot(a19, b1_3));
    let b2_0 = textureLoad(B, vec2<u32>(k4, min(cg0 * 4u + 8u, 111u)));
    let b2_1 = textureLoad(B, vec2<u32>(k4, min(cg0 * 4u + 9u, 111u)));
    let b2_2 = textureLoad(B, vec2<u32>(k4, min(cg0 * 4u + 10u, 111u)));
    let b2_3 = textureLoad(B, vec2<u32>(k4, min(cg0 * 4u + 11u, 111u)));
    acc2 = acc2 + vec4<f32>(dot(a0, b2_0), dot(a0, b2_1), dot(a0, b2_2), dot(a0, b2_3));
    acc5 = acc5 + vec4<f32>(dot(a1, b2_0), dot(a1, b2_1), dot(a1, b2_2), dot(a1, b2_3));
    acc8 = acc8 + vec4<f32>(dot(a2, b2_0), dot(a2, b2_1), dot(a2, b2_2), dot(a2, b2_3));
    acc11 = acc11 + vec4<f32>(dot(a3, b2_0), dot(a3, b2_1), dot(a3, b2_2), dot(a3, b2_3));
    acc14 = acc14 + vec4<f32>(dot(a4, b2_0), dot(a4, b2_1), dot(a4, b2_2), dot(a4, b2_3));
    acc17 = acc17 + vec4<f32>(dot(a5, b2_0), dot(a5, b2_1), dot(a5, b2_2), dot(a5, b2_3));
    acc20 = acc20 + vec4<f32>(dot(a6, b2_0), dot(a6, b2_1), dot(a6, b2_2), dot(a6, b2_3));
    acc23 = acc23 + vec4<f32>(dot(a7, b2_0), dot(a7, b2_1), dot(a7, b2_2), dot(a7, b2_3));
    acc26 = acc26 + vec4<f32>(dot(a8, b2_0), dot(a8, b2_1), dot(a8, b2_2), dot(a8, b2_3));
    acc29 = acc29 + vec4<f32>(dot(a9, b2_0), dot(a9, b2_1), dot(a9, b2_2), dot(a9, b2_3));
    acc32 = acc32 + vec4<f32>(dot(a10, b2_0), dot(a10, b2_1), dot(a10, b2_2), dot(a10, b2_3));
    acc35 = acc35 + vec4<f32>(dot(a11, b2_0), dot(a11, b2_1), dot(a11, b2_2), dot(a11, b2_3));
    acc38 = acc38 + vec4<f32>(dot(a12, b2_0), dot(a12, b2_1), dot(a12, b2_2), dot(a12, b2_3));
    acc41 = acc41 + vec4<f32>(dot(a13, b2_0), dot(a13, b2_1), dot(a13, b2_2), dot(a13, b2_3));
    acc44 = acc44 + vec4<f32>(dot(a14, b2_0), dot(a14, b2_1), dot(a14, b2_2), dot(a14, b2_3));
    acc47 = acc47 + vec4<f32>(dot(a15, b2_0), dot(a15, b2_1), dot(a15, b2_2), dot(a15, b2_3));
    acc50 = acc50 + vec4<f32>(dot(a16, b2_0), dot(a16, b2_1), dot(a16, b2_2), dot(a16, b2_3));
    acc53 = acc53 + vec4<f32>(dot(a17, b2_0), dot(a17, b2_1), dot(a17, b2_2), dot(a17, b2_3));
    acc56 = acc56 + vec4<f32>(dot(a18, b2_0), dot(a18, b2_1), dot(a18, b2_2), dot(a18, b2_3));
    acc59 = acc59 + vec4<f32>(dot(a19, b2_0), dot(a19, b2_1), dot(a19, b2_2), dot(a19, b2_3));
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
  if (cg * 4u + 0u < 110u) {
    let o = row * 110u + cg * 4u + 0u;

    temp[t_matmul + o] = tv.x;
  }
  if (cg * 4u + 1u < 110u) {
    let o = row * 110u + cg * 4u + 1u;

    temp[t_matmul + o] = tv.y;
  }
  if (cg * 4u + 2u < 110u) {
    let o = row * 110u + cg * 4u + 2u;

    temp[t_matmul + o] = tv.z;
  }
  if (cg * 4u + 3u < 110u) {
    let o = row * 110u + cg * 4u + 3u;

    temp[t_matmul + o] = tv.w;
  }
}
