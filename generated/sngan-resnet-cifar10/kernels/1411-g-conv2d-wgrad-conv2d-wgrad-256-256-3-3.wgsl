// g: conv2d_wgrad + conv2d_wgrad -> [256, 256, 3, 3]
// fuses: conv2d_wgrad; operands from textures (implicit product)

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var A: texture_storage_2d<rgba32float, read>;
@group(1) @binding(1) var B: texture_storage_2d<rgba32float, read>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_conv2d_wgrad = 4327424u;

@compute @workgroup_size(8)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let t = (wg.y * 288u + wg.x) * 8u + li;
  if (t >= 2304u) { return; }
  let row0 = (t / 16u) * 16u;
  let cg0 = (t % 16u) * 4u;

  let mt0 = row0 / 4u + 0u; let rv0 = mt0 < 576u; let ci4_0 = mt0 % 64u; let tj0 = i32((mt0 / 64u) % 3u); let ti0 = i32(mt0 / 192u);
  let mt1 = row0 / 4u + 1u; let rv1 = mt1 < 576u; let ci4_1 = mt1 % 64u; let tj1 = i32((mt1 / 64u) % 3u); let ti1 = i32(mt1 / 192u);
  let mt2 = row0 / 4u + 2u; let rv2 = mt2 < 576u; let ci4_2 = mt2 % 64u; let tj2 = i32((mt2 / 64u) % 3u); let ti2 = i32(mt2 / 192u);
  let mt3 = row0 / 4u + 3u; let rv3 = mt3 < 576u; let ci4_3 = mt3 % 64u; let tj3 = i32((mt3 / 64u) % 3u); let ti3 = i32(mt3 / 192u);
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
  for (var kk = 0u; kk < 4096u; kk++) {
    let kn = kk / 256u; let kp = i32((kk / 16u) % 16u); let kq = i32(kk % 16u);
    let y0 = kp * 1 + ti0 - 1; let x0 = kq * 1 + tj0 - 1;
    let ok0 = rv0 && y0 >= 0 && y0 < 16 && x0 >= 0 && x0 < 16;
    let a0 = select(vec4<f32>(0.0), textureLoad(A, vec2<u32>(select(0u, u32(x0) * 64u + ci4_0, ok0), select(0u, kn * 16u + u32(y0), ok0))), ok0);
    let y1 = kp * 1 + ti1 - 1; let x1 = kq * 1 + tj1 - 1;
    let ok1 = rv1 && y1 >= 0 && y1 < 16 && x1 >= 0 && x1 < 16;
    let a1 = select(vec4<f32>(0.0), textureLoad(A, vec2<u32>(select(0u, u32(x1) * 64u + ci4_1, ok1), select(0u, kn * 16u + u32(y1), ok1))), ok1);
    let y2 = kp * 1 + ti2 - 1; let x2 = kq * 1 + tj2 - 1;
    let ok2 = rv2 && y2 >= 0 && y2 < 16 && x2 >= 0 && x2 < 16;
    let a2 = select(vec4<f32>(0.0), textureLoad(A, vec2<u32>(select(0u, u32(x2) * 64u + ci4_2, ok2), select(0u, kn * 16u + u32(y2), ok2))), ok2);
    let y3 = kp * 1 + ti3 - 1; let x3 = kq * 1 + tj3 - 1;
    let ok3 = rv3 && y3 >= 0 && y3 < 16 && x3 >= 0 && x3 < 16;
    let a3 = select(vec4<f32>(0.0), textureLoad(A, vec2<u32>(select(0u, u32(x3) * 64u + ci4_3, ok3), select(0u, kn * 16u + u32(y3), ok3))), ok3);
    let b0 = textureLoad(B, vec2<u32>(u32(kq) * 64u + cg0 + 0u, kn * 16u + u32(kp)));
    acc0 = fma(vec4<f32>(a0.x), b0, acc0);
    acc4 = fma(vec4<f32>(a0.y), b0, acc4);
    acc8 = fma(vec4<f32>(a0.z), b0, acc8);
    acc12 = fma(vec4<f32>(a0.w), b0, acc12);
    acc16 = fma(vec4<f32>(a1.x), b0, acc16);
    acc20 = fma(vec4<f32>(a1.y), b0, acc20);
    acc24 = fma(vec4<f32>(a1.z), b0, acc24);
    acc28 = fma(vec4<f32>(a1.w), b0, acc28);
    acc32 = fma(vec4<f32>(a2.x), b0, acc32);
    acc36 = fma(vec4<f32>(a2.y), b0, acc36);
    acc40 = fma(vec4<f32>(a2.z), b0, acc40);
    acc44 = fma(vec4<f32>(a2.w), b0, acc44);
    acc48 = fma(vec4<f32>(a3.x), b0, acc48);
    acc52 = fma(vec4<f32>(a3.y), b0, acc52);
    acc56 = fma(vec4<f32>(a3.z), b0, acc56);
    acc60 = fma(vec4<f32>(a3.w), b0, acc60);
    let b1 = textureLoad(B, vec2<u32>(u32(kq) * 64u + cg0 + 1u, kn * 16u + u32(kp)));
    acc1 = fma(vec4<f32>(a0.x), b1, acc1);
    acc5 = fma(vec4<f32>(a0.y), b1, acc5);
    acc9 = fma(vec4<f32>(a0.z), b1, acc9);
    acc13 = fma(vec4<f32>(a0.w), b1, acc13);
    acc17 = fma(vec4<f32>(a1.x), b1, acc17);
    acc21 = fma(vec4<f32>(a1.y), b1, acc21);
    acc25 = fma(vec4<f32>(a1.z), b1, acc25);
    acc29 = fma(vec4<f32>(a1.w), b1, acc29);
    acc33 = fma(vec4<f32>(a2.x), b1, acc33);
    acc37 = fma(vec4<f32>(a2.y), b1, acc37);
    acc41 = fma(vec4<f32>(a2.z), b1, acc41);
    acc45 = fma(vec4<f32>(a2.w), b1, acc45);
    acc49 = fma(vec4<f32>(a3.x), b1, acc49);
    acc53 = fma(vec4<f32>(a3.y), b1, acc53);
    acc57 = fma(vec4<f32>(a3.z), b1, acc57);
    acc61 = fma(vec4<f32>(a3.w), b1, acc61);
    let b2 = textureLoad(B, vec2<u32>(u32(kq) * 64u + cg0 + 2u, kn * 16u + u32(kp)));
    acc2 = fma(vec4<f32>(a0.x), b2, acc2);
    acc6 = fma(vec4<f32>(a0.y), b2, acc6);
    acc10 = fma(vec4<f32>(a0.z), b2, acc10);
    acc14 = fma(vec4<f32>(a0.w), b2, acc14);
    acc18 = fma(vec4<f32>(a1.x), b2, acc18);
    acc22 = fma(vec4<f32>(a1.y), b2, acc22);
    acc26 = fma(vec4<f32>(a1.z), b2, acc26);
    acc30 = fma(vec4<f32>(a1.w), b2, acc30);
    acc34 = fma(vec4<f32>(a2.x), b2, acc34);
    acc38 = fma(vec4<f32>(a2.y), b2, acc38);
    acc42 = fma(vec4<f32>(a2.z), b2, acc42);
    acc46 = fma(vec4<f32>(a2.w), b2, acc46);
    acc50 = fma(vec4<f32>(a3.x), b2, acc50);
    acc54 = fma(vec4<f32>(a3.y), b2, acc54);
    acc58 = fma(vec4<f32>(a3.z), b2, acc58);
    acc62 = fma(vec4<f32>(a3.w), b2, acc62);
    let b3 = textureLoad(B, vec2<u32>(u32(kq) * 64u + cg0 + 3u, kn * 16u + u32(kp)));
    acc3 = fma(vec4<f32>(a0.x), b3, acc3);
    acc7 = fma(vec4<f32>(a0.y), b3, acc7);
    acc11 = fma(vec4<f32>(a0.z), b3, acc11);
    acc15 = fma(vec4<f32>(a0.w), b3, acc15);
    acc19 = fma(vec4<f32>(a1.x), b3, acc19);
    acc23 = fma(vec4<f32>(a1.y), b3, acc23);
    acc27 = fma(vec4<f32>(a1.z), b3, acc27);
    acc31 = fma(vec4<f32>(a1.w), b3, acc31);
    acc35 = fma(vec4<f32>(a2.x), b3, acc35);
    acc39 = fma(vec4<f32>(a2.y), b3, acc39);
    acc43 = fma(vec4<f32>(a2.z), b3, acc43);
    acc47 = fma(vec4<f32>(a2.w), b3, acc47);
    acc51 = fma(vec4<f32>(a3.x), b3, acc51);
    acc55 = fma(vec4<f32>(a3.y), b3, acc55);
    acc59 = fma(vec4<f32>(a3.z), b3, acc59);
    acc63 = fma(vec4<f32>(a3.w), b3, acc63);
  }
  epilogue(row0 + 0u, cg0 + 0u, acc0);
  epilogue(row0 + 0u, cg0 + 1u, acc1);
  epilogue(row0 + 0u, cg0 + 2u, acc2);
  epilogue(row0 + 0u, cg0 + 3u, acc3);
  epilogue(row0 + 1u, cg0 + 0u, acc4);
  epilogue(row0 + 1u, cg0 + 1u, acc5);
  epilogue(row0 + 1u, cg0 + 2u, acc6);
  epilogue(row0 + 1u, cg0 + 3u, acc7);
  epilogue(row0 + 2u, cg0 + 0u, acc8);
  epilogue(row0 + 2u, cg0 + 1u, acc9);
  epilogue(row0 + 2u, cg0 + 2u, acc10);
  epilogue(row0 + 2u, cg0 + 3u, acc11);
  epilogue(row0 + 3u, cg0 + 0u, acc12);
  epilogue(row0 + 3u, cg0 + 1u, acc13);
  epilogue(row0 + 3u, cg0 + 2u, acc14);
  epilogue(row0 + 3u, cg0 + 3u, acc15);
  epilogue(row0 + 4u, cg0 + 0u, acc16);
  epilogue(row0 + 4u, cg0 + 1u, acc17);
  epilogue(row0 + 4u, cg0 + 2u, acc18);
  epilogue(row0 + 4u, cg0 + 3u, acc19);
  epilogue(row0 + 5u, cg0 + 0u, acc20);
  epilogue(row0 + 5u, cg0 + 1u, acc21);
  epilogue(row0 + 5u, cg0 + 2u, acc22);
  epilogue(row0 + 5u, cg0 + 3u, acc23);
  epilogue(row0 + 6u, cg0 + 0u, acc24);
  epilogue(row0 + 6u, cg0 + 1u, acc25);
  epilogue(row0 + 6u, cg0 + 2u, acc26);
  epilogue(row0 + 6u, cg0 + 3u, acc27);
  epilogue(row0 + 7u, cg0 + 0u, acc28);
  epilogue(row0 + 7u, cg0 + 1u, acc29);
  epilogue(row0 + 7u, cg0 + 2u, acc30);
  epilogue(row0 + 7u, cg0 + 3u, acc31);
  epilogue(row0 + 8u, cg0 + 0u, acc32);
  epilogue(row0 + 8u, cg0 + 1u, acc33);
  epilogue(row0 + 8u, cg0 + 2u, acc34);
  epilogue(row0 + 8u, cg0 + 3u, acc35);
  epilogue(row0 + 9u, cg0 + 0u, acc36);
  epilogue(row0 + 9u, cg0 + 1u, acc37);
  epilogue(row0 + 9u, cg0 + 2u, acc38);
  epilogue(row0 + 9u, cg0 + 3u, acc39);
  epilogue(row0 + 10u, cg0 + 0u, acc40);
  epilogue(row0 + 10u, cg0 + 1u, acc41);
  epilogue(row0 + 10u, cg0 + 2u, acc42);
  epilogue(row0 + 10u, cg0 + 3u, acc43);
  epilogue(row0 + 11u, cg0 + 0u, acc44);
  epilogue(row0 + 11u, cg0 + 1u, acc45);
  epilogue(row0 + 11u, cg0 + 2u, acc46);
  epilogue(row0 + 11u, cg0 + 3u, acc47);
  epilogue(row0 + 12u, cg0 + 0u, acc48);
  epilogue(row0 + 12u, cg0 + 1u, acc49);
  epilogue(row0 + 12u, cg0 + 2u, acc50);
  epilogue(row0 + 12u, cg0 + 3u, acc51);
  epilogue(row0 + 13u, cg0 + 0u, acc52);
  epilogue(row0 + 13u, cg0 + 1u, acc53);
  epilogue(row0 + 13u, cg0 + 2u, acc54);
  epilogue(row0 + 13u, cg0 + 3u, acc55);
  epilogue(row0 + 14u, cg0 + 0u, acc56);
  epilogue(row0 + 14u, cg0 + 1u, acc57);
  epilogue(row0 + 14u, cg0 + 2u, acc58);
  epilogue(row0 + 14u, cg0 + 3u, acc59);
  epilogue(row0 + 15u, cg0 + 0u, acc60);
  epilogue(row0 + 15u, cg0 + 1u, acc61);
  epilogue(row0 + 15u, cg0 + 2u, acc62);
  epilogue(row0 + 15u, cg0 + 3u, acc63);
}

// the epilogue for four outputs of one row; values hoisted out of the loop arrive as arguments
fn epilogue(row: u32, cg: u32, tv: vec4<f32>) {
  if (row >= 2304u) { return; }
  let ci = row % 256u; let tj = (row / 256u) % 3u; let ti = row / 768u;
  if (cg * 4u + 0u < 256u) {
    let o = (((cg * 4u + 0u) * 256u + ci) * 3u + ti) * 3u + tj;

    temp[t_conv2d_wgrad + o] = tv.x;
  }
  if (cg * 4u + 1u < 256u) {
    let o = (((cg * 4u + 1u) * 256u + ci) * 3u + ti) * 3u + tj;

    temp[t_conv2d_wgrad + o] = tv.y;
  }
  if (cg * 4u + 2u < 256u) {
    let o = (((cg * 4u + 2u) * 256u + ci) * 3u + ti) * 3u + tj;

    temp[t_conv2d_wgrad + o] = tv.z;
  }
  if (cg * 4u + 3u < 256u) {
    let o = (((cg * 4u + 3u) * 256u + ci) * 3u + ti) * 3u + tj;

    temp[t_conv2d_wgrad + o] = tv.w;
  }
}
