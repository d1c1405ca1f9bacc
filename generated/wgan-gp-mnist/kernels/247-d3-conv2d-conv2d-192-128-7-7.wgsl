// d3: conv2d + conv2d -> [192, 128, 7, 7]
// fuses: conv2d; operands from textures (implicit product)

@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
@group(1) @binding(0) var A: texture_storage_2d<rgba32float, read>;
@group(1) @binding(1) var B: texture_storage_2d<rgba32float, read>;

// offsets (in floats) into the arenas of the values this kernel reads and writes
const t_conv2d = 6077888u;

@compute @workgroup_size(8)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let t = (wg.y * 588u + wg.x) * 8u + li;
  if (t >= 4704u) { return; }
  let row0 = (t / 8u) * 16u;
  let cg0 = (t % 8u) * 4u;

  let rm0 = row0 + 0u; let h0n = rm0 / 49u; let h0p = i32((rm0 / 7u) % 7u); let h0q = i32(rm0 % 7u); let rn0 = h0n; let rp0 = h0p; let rq0 = h0q;
  let rm1 = row0 + 1u; let h1n = rm1 / 49u; let h1p = i32((rm1 / 7u) % 7u); let h1q = i32(rm1 % 7u); let rn1 = h1n; let rp1 = h1p; let rq1 = h1q;
  let rm2 = row0 + 2u; let h2n = rm2 / 49u; let h2p = i32((rm2 / 7u) % 7u); let h2q = i32(rm2 % 7u); let rn2 = h2n; let rp2 = h2p; let rq2 = h2q;
  let rm3 = row0 + 3u; let h3n = rm3 / 49u; let h3p = i32((rm3 / 7u) % 7u); let h3q = i32(rm3 % 7u); let rn3 = h3n; let rp3 = h3p; let rq3 = h3q;
  let rm4 = row0 + 4u; let h4n = rm4 / 49u; let h4p = i32((rm4 / 7u) % 7u); let h4q = i32(rm4 % 7u); let rn4 = h4n; let rp4 = h4p; let rq4 = h4q;
  let rm5 = row0 + 5u; let h5n = rm5 / 49u; let h5p = i32((rm5 / 7u) % 7u); let h5q = i32(rm5 % 7u); let rn5 = h5n; let rp5 = h5p; let rq5 = h5q;
  let rm6 = row0 + 6u; let h6n = rm6 / 49u; let h6p = i32((rm6 / 7u) % 7u); let h6q = i32(rm6 % 7u); let rn6 = h6n; let rp6 = h6p; let rq6 = h6q;
  let rm7 = row0 + 7u; let h7n = rm7 / 49u; let h7p = i32((rm7 / 7u) % 7u); let h7q = i32(rm7 % 7u); let rn7 = h7n; let rp7 = h7p; let rq7 = h7q;
  let rm8 = row0 + 8u; let h8n = rm8 / 49u; let h8p = i32((rm8 / 7u) % 7u); let h8q = i32(rm8 % 7u); let rn8 = h8n; let rp8 = h8p; let rq8 = h8q;
  let rm9 = row0 + 9u; let h9n = rm9 / 49u; let h9p = i32((rm9 / 7u) % 7u); let h9q = i32(rm9 % 7u); let rn9 = h9n; let rp9 = h9p; let rq9 = h9q;
  let rm10 = row0 + 10u; let h10n = rm10 / 49u; let h10p = i32((rm10 / 7u) % 7u); let h10q = i32(rm10 % 7u); let rn10 = h10n; let rp10 = h10p; let rq10 = h10q;
  let rm11 = row0 + 11u; let h11n = rm11 / 49u; let h11p = i32((rm11 / 7u) % 7u); let h11q = i32(rm11 % 7u); let rn11 = h11n; let rp11 = h11p; let rq11 = h11q;
  let rm12 = row0 + 12u; let h12n = rm12 / 49u; let h12p = i32((rm12 / 7u) % 7u); let h12q = i32(rm12 % 7u); let rn12 = h12n; let rp12 = h12p; let rq12 = h12q;
  let rm13 = row0 + 13u; let h13n = rm13 / 49u; let h13p = i32((rm13 / 7u) % 7u); let h13q = i32(rm13 % 7u); let rn13 = h13n; let rp13 = h13p; let rq13 = h13q;
  let rm14 = row0 + 14u; let h14n = rm14 / 49u; let h14p = i32((rm14 / 7u) % 7u); let h14q = i32(rm14 % 7u); let rn14 = h14n; let rp14 = h14p; let rq14 = h14q;
  let rm15 = row0 + 15u; let h15n = rm15 / 49u; let h15p = i32((rm15 / 7u) % 7u); let h15q = i32(rm15 % 7u); let rn15 = h15n; let rp15 = h15p; let rq15 = h15q;
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
  for (var ti = 0; ti < 5; ti += 1) {
  for (var tj = 0; tj < 5; tj += 1) {
    let y0 = rp0 * 2 + ti - 2; let x0 = rq0 * 2 + tj - 2;
    let ok0 = rm0 < 9408u && y0 >= 0 && y0 < 14 && x0 >= 0 && x0 < 14;
    let ay0 = select(0u, rn0 * 14u + u32(y0), ok0); let ax0 = select(0u, u32(x0) * 16u, ok0);
    let y1 = rp1 * 2 + ti - 2; let x1 = rq1 * 2 + tj - 2;
    let ok1 = rm1 < 9408u && y1 >= 0 && y1 < 14 && x1 >= 0 && x1 < 14;
    let ay1 = select(0u, rn1 * 14u + u32(y1), ok1); let ax1 = select(0u, u32(x1) * 16u, ok1);
    let y2 = rp2 * 2 + ti - 2; let x2 = rq2 * 2 + tj - 2;
    let ok2 = rm2 < 9408u && y2 >= 0 && y2 < 14 && x2 >= 0 && x2 < 14;
    let ay2 = select(0u, rn2 * 14u + u32(y2), ok2); let ax2 = select(0u, u32(x2) * 16u, ok2);
    let y3 = rp3 * 2 + ti - 2; let x3 = rq3 * 2 + tj - 2;
    let ok3 = rm3 < 9408u && y3 >= 0 && y3 < 14 && x3 >= 0 && x3 < 14;
    let ay3 = select(0u, rn3 * 14u + u32(y3), ok3); let ax3 = select(0u, u32(x3) * 16u, ok3);
    let y4 = rp4 * 2 + ti - 2; let x4 = rq4 * 2 + tj - 2;
    let ok4 = rm4 < 9408u && y4 >= 0 && y4 < 14 && x4 >= 0 && x4 < 14;
    let ay4 = select(0u, rn4 * 14u + u32(y4), ok4); let ax4 = select(0u, u32(x4) * 16u, ok4);
    let y5 = rp5 * 2 + ti - 2; let x5 = rq5 * 2 + tj - 2;
    let ok5 = rm5 < 9408u && y5 >= 0 && y5 < 14 && x5 >= 0 && x5 < 14;
    let ay5 = select(0u, rn5 * 14u + u32(y5), ok5); let ax5 = select(0u, u32(x5) * 16u, ok5);
    let y6 = rp6 * 2 + ti - 2; let x6 = rq6 * 2 + tj - 2;
    let ok6 = rm6 < 9408u && y6 >= 0 && y6 < 14 && x6 >= 0 && x6 < 14;
    let ay6 = select(0u, rn6 * 14u + u32(y6), ok6); let ax6 = select(0u, u32(x6) * 16u, ok6);
    let y7 = rp7 * 2 + ti - 2; let x7 = rq7 * 2 + tj - 2;
    let ok7 = rm7 < 9408u && y7 >= 0 && y7 < 14 && x7 >= 0 && x7 < 14;
    let ay7 = select(0u, rn7 * 14u + u32(y7), ok7); let ax7 = select(0u, u32(x7) * 16u, ok7);
    let y8 = rp8 * 2 + ti - 2; let x8 = rq8 * 2 + tj - 2;
    let ok8 = rm8 < 9408u && y8 >= 0 && y8 < 14 && x8 >= 0 && x8 < 14;
    let ay8 = select(0u, rn8 * 14u + u32(y8), ok8); let ax8 = select(0u, u32(x8) * 16u, ok8);
    let y9 = rp9 * 2 + ti - 2; let x9 = rq9 * 2 + tj - 2;
    let ok9 = rm9 < 9408u && y9 >= 0 && y9 < 14 && x9 >= 0 && x9 < 14;
    let ay9 = select(0u, rn9 * 14u + u32(y9), ok9); let ax9 = select(0u, u32(x9) * 16u, ok9);
    let y10 = rp10 * 2 + ti - 2; let x10 = rq10 * 2 + tj - 2;
    let ok10 = rm10 < 9408u && y10 >= 0 && y10 < 14 && x10 >= 0 && x10 < 14;
    let ay10 = select(0u, rn10 * 14u + u32(y10), ok10); let ax10 = select(0u, u32(x10) * 16u, ok10);
    let y11 = rp11 * 2 + ti - 2; let x11 = rq11 * 2 + tj - 2;
    let ok11 = rm11 < 9408u && y11 >= 0 && y11 < 14 && x11 >= 0 && x11 < 14;
    let ay11 = select(0u, rn11 * 14u + u32(y11), ok11); let ax11 = select(0u, u32(x11) * 16u, ok11);
    let y12 = rp12 * 2 + ti - 2; let x12 = rq12 * 2 + tj - 2;
    let ok12 = rm12 < 9408u && y12 >= 0 && y12 < 14 && x12 >= 0 && x12 < 14;
    let ay12 = select(0u, rn12 * 14u + u32(y12), ok12); let ax12 = select(0u, u32(x12) * 16u, ok12);
    let y13 = rp13 * 2 + ti - 2; let x13 = rq13 * 2 + tj - 2;
    let ok13 = rm13 < 9408u && y13 >= 0 && y13 < 14 && x13 >= 0 && x13 < 14;
    let ay13 = select(0u, rn13 * 14u + u32(y13), ok13); let ax13 = select(0u, u32(x13) * 16u, ok13);
    let y14 = rp14 * 2 + ti - 2; let x14 = rq14 * 2 + tj - 2;
    let ok14 = rm14 < 9408u && y14 >= 0 && y14 < 14 && x14 >= 0 && x14 < 14;
    let ay14 = select(0u, rn14 * 14u + u32(y14), ok14); let ax14 = select(0u, u32(x14) * 16u, ok14);
    let y15 = rp15 * 2 + ti - 2; let x15 = rq15 * 2 + tj - 2;
    let ok15 = rm15 < 9408u && y15 >= 0 && y15 < 14 && x15 >= 0 && x15 < 14;
    let ay15 = select(0u, rn15 * 14u + u32(y15), ok15); let ax15 = select(0u, u32(x15) * 16u, ok15);
    let kb = u32(ti * 5 + tj) * 64u;
    for (var c4 = 0u; c4 < 16u; c4++) {
    let a0 = select(vec4<f32>(0.0), textureLoad(A, vec2<u32>(ax0 + c4, ay0)), ok0);
    let a1 = select(vec4<f32>(0.0), textureLoad(A, vec2<u32>(ax1 + c4, ay1)), ok1);
    let a2 = select(vec4<f32>(0.0), textureLoad(A, vec2<u32>(ax2 + c4, ay2)), ok2);
    let a3 = select(vec4<f32>(0.0), textureLoad(A, vec2<u32>(ax3 + c4, ay3)), ok3);
    let a4 = select(vec4<f32>(0.0), textureLoad(A, vec2<u32>(ax4 + c4, ay4)), ok4);
    let a5 = select(vec4<f32>(0.0), textureLoad(A, vec2<u32>(ax5 + c4, ay5)), ok5);
    let a6 = select(vec4<f32>(0.0), textureLoad(A, vec2<u32>(ax6 + c4, ay6)), ok6);
    let a7 = select(vec4<f32>(0.0), textureLoad(A, vec2<u32>(ax7 + c4, ay7)), ok7);
    let a8 = select(vec4<f32>(0.0), textureLoad(A, vec2<u32>(ax8 + c4, ay8)), ok8);
    let a9 = select(vec4<f32>(0.0), textureLoad(A, vec2<u32>(ax9 + c4, ay9)), ok9);
    let a10 = select(vec4<f32>(0.0), textureLoad(A, vec2<u32>(ax10 + c4, ay10)), ok10);
    let a11 = select(vec4<f32>(0.0), textureLoad(A, vec2<u32>(ax11 + c4, ay11)), ok11);
    let a12 = select(vec4<f32>(0.0), textureLoad(A, vec2<u32>(ax12 + c4, ay12)), ok12);
    let a13 = select(vec4<f32>(0.0), textureLoad(A, vec2<u32>(ax13 + c4, ay13)), ok13);
    let a14 = select(vec4<f32>(0.0), textureLoad(A, vec2<u32>(ax14 + c4, ay14)), ok14);
    let a15 = select(vec4<f32>(0.0), textureLoad(A, vec2<u32>(ax15 + c4, ay15)), ok15);
    let b0_0 = textureLoad(B, vec2<u32>(cg0 + 0u, kb + c4 * 4u + 0u));
    let b0_1 = textureLoad(B, vec2<u32>(cg0 + 0u, kb + c4 * 4u + 1u));
    let b0_2 = textureLoad(B, vec2<u32>(cg0 + 0u, kb + c4 * 4u + 2u));
    let b0_3 = textureLoad(B, vec2<u32>(cg0 + 0u, kb + c4 * 4u + 3u));
    acc0 = fma(vec4<f32>(a0.x), b0_0, fma(vec4<f32>(a0.y), b0_1, fma(vec4<f32>(a0.z), b0_2, fma(vec4<f32>(a0.w), b0_3, acc0))));
    acc4 = fma(vec4<f32>(a1.x), b0_0, fma(vec4<f32>(a1.y), b0_1, fma(vec4<f32>(a1.z), b0_2, fma(vec4<f32>(a1.w), b0_3, acc4))));
    acc8 = fma(vec4<f32>(a2.x), b0_0, fma(vec4<f32>(a2.y), b0_1, fma(vec4<f32>(a2.z), b0_2, fma(vec4<f32>(a2.w), b0_3, acc8))));
    acc12 = fma(vec4<f32>(a3.x), b0_0, fma(vec4<f32>(a3.y), b0_1, fma(vec4<f32>(a3.z), b0_2, fma(vec4<f32>(a3.w), b0_3, acc12))));
    acc16 = fma(vec4<f32>(a4.x), b0_0, fma(vec4<f32>(a4.y), b0_1, fma(vec4<f32>(a4.z), b0_2, fma(vec4<f32>(a4.w), b0_3, acc16))));
    acc20 = fma(vec4<f32>(a5.x), b0_0, fma(vec4<f32>(a5.y), b0_1, fma(vec4<f32>(a5.z), b0_2, fma(vec4<f32>(a5.w), b0_3, acc20))));
    acc24 = fma(vec4<f32>(a6.x), b0_0, fma(vec4<f32>(a6.y), b0_1, fma(vec4<f32>(a6.z), b0_2, fma(vec4<f32>(a6.w), b0_3, acc24))));
    acc28 = fma(vec4<f32>(a7.x), b0_0, fma(vec4<f32>(a7.y), b0_1, fma(vec4<f32>(a7.z), b0_2, fma(vec4<f32>(a7.w), b0_3, acc28))));
    acc32 = fma(vec4<f32>(a8.x), b0_0, fma(vec4<f32>(a8.y), b0_1, fma(vec4<f32>(a8.z), b0_2, fma(vec4<f32>(a8.w), b0_3, acc32))));
    acc36 = fma(vec4<f32>(a9.x), b0_0, fma(vec4<f32>(a9.y), b0_1, fma(vec4<f32>(a9.z), b0_2, fma(vec4<f32>(a9.w), b0_3, acc36))));
    acc40 = fma(vec4<f32>(a10.x), b0_0, fma(vec4<f32>(a10.y), b0_1, fma(vec4<f32>(a10.z), b0_2, fma(vec4<f32>(a10.w), b0_3, acc40))));
    acc44 = fma(vec4<f32>(a11.x), b0_0, fma(vec4<f32>(a11.y), b0_1, fma(vec4<f32>(a11.z), b0_2, fma(vec4<f32>(a11.w), b0_3, acc44))));
    acc48 = fma(vec4<f32>(a12.x), b0_0, fma(vec4<f32>(a12.y), b0_1, fma(vec4<f32>(a12.z), b0_2, fma(vec4<f32>(a12.w), b0_3, acc48))));
    acc52 = fma(vec4<f32>(a13.x), b0_0, fma(vec4<f32>(a13.y), b0_1, fma(vec4<f32>(a13.z), b0_2, fma(vec4<f32>(a13.w), b0_3, acc52))));
    acc56 = fma(vec4<f32>(a14.x), b0_0, fma(vec4<f32>(a14.y), b0_1, fma(vec4<f32>(a14.z), b0_2, fma(vec4<f32>(a14.w), b0_3, acc56))));
    acc60 = fma(vec4<f32>(a15.x), b0_0, fma(vec4<f32>(a15.y), b0_1, fma(vec4<f32>(a15.z), b0_2, fma(vec4<f32>(a15.w), b0_3, acc60))));
    let b1_0 = textureLoad(B, vec2<u32>(cg0 + 1u, kb + c4 * 4u + 0u));
    let b1_1 = textureLoad(B, vec2<u32>(cg0 + 1u, kb + c4 * 4u + 1u));
    let b1_2 = textureLoad(B, vec2<u32>(cg0 + 1u, kb + c4 * 4u + 2u));
    let b1_3 = textureLoad(B, vec2<u32>(cg0 + 1u, kb + c4 * 4u + 3u));
    acc1 = fma(vec4<f32>(a0.x), b1_0, fma(vec4<f32>(a0.y), b1_1, fma(vec4<f32>(a0.z), b1_2, fma(vec4<f32>(a0.w), b1_3, acc1))));
    acc5 = fma(vec4<f32>(a1.x), b1_0, fma(vec4<f32>(a1.y), b1_1, fma(vec4<f32>(a1.z), b1_2, fma(vec4<f32>(a1.w), b1_3, acc5))));
    acc9 = fma(vec4<f32>(a2.x), b1_0, fma(vec4<f32>(a2.y), b1_1, fma(vec4<f32>(a2.z), b1_2, fma(vec4<f32>(a2.w), b1_3, acc9))));
    acc13 = fma(vec4<f32>(a3.x), b1_0, fma(vec4<f32>(a3.y), b1_1, fma(vec4<f32>(a3.z), b1_2, fma(vec4<f32>(a3.w), b1_3, acc13))));
    acc17 = fma(vec4<f32>(a4.x), b1_0, fma(vec4<f32>(a4.y), b1_1, fma(vec4<f32>(a4.z), b1_2, fma(vec4<f32>(a4.w), b1_3, acc17))));
    acc21 = fma(vec4<f32>(a5.x), b1_0, fma(vec4<f32>(a5.y), b1_1, fma(vec4<f32>(a5.z), b1_2, fma(vec4<f32>(a5.w), b1_3, acc21))));
    acc25 = fma(vec4<f32>(a6.x), b1_0, fma(vec4<f32>(a6.y), b1_1, fma(vec4<f32>(a6.z), b1_2, fma(vec4<f32>(a6.w), b1_3, acc25))));
    acc29 = fma(vec4<f32>(a7.x), b1_0, fma(vec4<f32>(a7.y), b1_1, fma(vec4<f32>(a7.z), b1_2, fma(vec4<f32>(a7.w), b1_3, acc29))));
    acc33 = fma(vec4<f32>(a8.x), b1_0, fma(vec4<f32>(a8.y), b1_1, fma(vec4<f32>(a8.z), b1_2, fma(vec4<f32>(a8.w), b1_3, acc33))));
    acc37 = fma(vec4<f32>(a9.x), b1_0, fma(vec4<f32>(a9.y), b1_1, fma(vec4<f32>(a9.z), b1_2, fma(vec4<f32>(a9.w), b1_3, acc37))));
    acc41 = fma(vec4<f32>(a10.x), b1_0, fma(vec4<f32>(a10.y), b1_1, fma(vec4<f32>(a10.z), b1_2, fma(vec4<f32>(a10.w), b1_3, acc41))));
    acc45 = fma(vec4<f32>(a11.x), b1_0, fma(vec4<f32>(a11.y), b1_1, fma(vec4<f32>(a11.z), b1_2, fma(vec4<f32>(a11.w), b1_3, acc45))));
    acc49 = fma(vec4<f32>(a12.x), b1_0, fma(vec4<f32>(a12.y), b1_1, fma(vec4<f32>(a12.z), b1_2, fma(vec4<f32>(a12.w), b1_3, acc49))));
    acc53 = fma(vec4<f32>(a13.x), b1_0, fma(vec4<f32>(a13.y), b1_1, fma(vec4<f32>(a13.z), b1_2, fma(vec4<f32>(a13.w), b1_3, acc53))));
    acc57 = fma(vec4<f32>(a14.x), b1_0, fma(vec4<f32>(a14.y), b1_1, fma(vec4<f32>(a14.z), b1_2, fma(vec4<f32>(a14.w), b1_3, acc57))));
    acc61 = fma(vec4<f32>(a15.x), b1_0, fma(vec4<f32>(a15.y), b1_1, fma(vec4<f32>(a15.z), b1_2, fma(vec4<f32>(a15.w), b1_3, acc61))));
    let b2_0 = textureLoad(B, vec2<u32>(cg0 + 2u, kb + c4 * 4u + 0u));
    let b2_1 = textureLoad(B, vec2<u32>(cg0 + 2u, kb + c4 * 4u + 1u));
    let b2_2 = textureLoad(B, vec2<u32>(cg0 + 2u, kb + c4 * 4u + 2u));
    let b2_3 = textureLoad(B, vec2<u32>(cg0 + 2u, kb + c4 * 4u + 3u));
    acc2 = fma(vec4<f32>(a0.x), b2_0, fma(vec4<f32>(a0.y), b2_1, fma(vec4<f32>(a0.z), b2_2, fma(vec4<f32>(a0.w), b2_3, acc2))));
    acc6 = fma(vec4<f32>(a1.x), b2_0, fma(vec4<f32>(a1.y), b2_1, fma(vec4<f32>(a1.z), b2_2, fma(vec4<f32>(a1.w), b2_3, acc6))));
    acc10 = fma(vec4<f32>(a2.x), b2_0, fma(vec4<f32>(a2.y), b2_1, fma(vec4<f32>(a2.z), b2_2, fma(vec4<f32>(a2.w), b2_3, acc10))));
    acc14 = fma(vec4<f32>(a3.x), b2_0, fma(vec4<f32>(a3.y), b2_1, fma(vec4<f32>(a3.z), b2_2, fma(vec4<f32>(a3.w), b2_3, acc14))));
    acc18 = fma(vec4<f32>(a4.x), b2_0, fma(vec4<f32>(a4.y), b2_1, fma(vec4<f32>(a4.z), b2_2, fma(vec4<f32>(a4.w), b2_3, acc18))));
    acc22 = fma(vec4<f32>(a5.x), b2_0, fma(vec4<f32>(a5.y), b2_1, fma(vec4<f32>(a5.z), b2_2, fma(vec4<f32>(a5.w), b2_3, acc22))));
    acc26 = fma(vec4<f32>(a6.x), b2_0, fma(vec4<f32>(a6.y), b2_1, fma(vec4<f32>(a6.z), b2_2, fma(vec4<f32>(a6.w), b2_3, acc26))));
    acc30 = fma(vec4<f32>(a7.x), b2_0, fma(vec4<f32>(a7.y), b2_1, fma(vec4<f32>(a7.z), b2_2, fma(vec4<f32>(a7.w), b2_3, acc30))));
    acc34 = fma(vec4<f32>(a8.x), b2_0, fma(vec4<f32>(a8.y), b2_1, fma(vec4<f32>(a8.z), b2_2, fma(vec4<f32>(a8.w), b2_3, acc34))));
    acc38 = fma(vec4<f32>(a9.x), b2_0, fma(vec4<f32>(a9.y), b2_1, fma(vec4<f32>(a9.z), b2_2, fma(vec4<f32>(a9.w), b2_3, acc38))));
    acc42 = fma(vec4<f32>(a10.x), b2_0, fma(vec4<f32>(a10.y), b2_1, fma(vec4<f32>(a10.z), b2_2, fma(vec4<f32>(a10.w), b2_3, acc42))));
    acc46 = fma(vec4<f32>(a11.x), b2_0, fma(vec4<f32>(a11.y), b2_1, fma(vec4<f32>(a11.z), b2_2, fma(vec4<f32>(a11.w), b2_3, acc46))));
    acc50 = fma(vec4<f32>(a12.x), b2_0, fma(vec4<f32>(a12.y), b2_1, fma(vec4<f32>(a12.z), b2_2, fma(vec4<f32>(a12.w), b2_3, acc50))));
    acc54 = fma(vec4<f32>(a13.x), b2_0, fma(vec4<f32>(a13.y), b2_1, fma(vec4<f32>(a13.z), b2_2, fma(vec4<f32>(a13.w), b2_3, acc54))));
    acc58 = fma(vec4<f32>(a14.x), b2_0, fma(vec4<f32>(a14.y), b2_1, fma(vec4<f32>(a14.z), b2_2, fma(vec4<f32>(a14.w), b2_3, acc58))));
    acc62 = fma(vec4<f32>(a15.x), b2_0, fma(vec4<f32>(a15.y), b2_1, fma(vec4<f32>(a15.z), b2_2, fma(vec4<f32>(a15.w), b2_3, acc62))));
    let b3_0 = textureLoad(B, vec2<u32>(cg0 + 3u, kb + c4 * 4u + 0u));
    let b3_1 = textureLoad(B, vec2<u32>(cg0 + 3u, kb + c4 * 4u + 1u));
    let b3_2 = textureLoad(B, vec2<u32>(cg0 + 3u, kb + c4 * 4u + 2u));
    let b3_3 = textureLoad(B, vec2<u32>(cg0 + 3u, kb + c4 * 4u + 3u));
    acc3 = fma(vec4<f32>(a0.x), b3_0, fma(vec4<f32>(a0.y), b3_1, fma(vec4<f32>(a0.z), b3_2, fma(vec4<f32>(a0.w), b3_3, acc3))));
    acc7 = fma(vec4<f32>(a1.x), b3_0, fma(vec4<f32>(a1.y), b3_1, fma(vec4<f32>(a1.z), b3_2, fma(vec4<f32>(a1.w), b3_3, acc7))));
    acc11 = fma(vec4<f32>(a2.x), b3_0, fma(vec4<f32>(a2.y), b3_1, fma(vec4<f32>(a2.z), b3_2, fma(vec4<f32>(a2.w), b3_3, acc11))));
    acc15 = fma(vec4<f32>(a3.x), b3_0, fma(vec4<f32>(a3.y), b3_1, fma(vec4<f32>(a3.z), b3_2, fma(vec4<f32>(a3.w), b3_3, acc15))));
    acc19 = fma(vec4<f32>(a4.x), b3_0, fma(vec4<f32>(a4.y), b3_1, fma(vec4<f32>(a4.z), b3_2, fma(vec4<f32>(a4.w), b3_3, acc19))));
    acc23 = fma(vec4<f32>(a5.x), b3_0, fma(vec4<f32>(a5.y), b3_1, fma(vec4<f32>(a5.z), b3_2, fma(vec4<f32>(a5.w), b3_3, acc23))));
    acc27 = fma(vec4<f32>(a6.x), b3_0, fma(vec4<f32>(a6.y), b3_1, fma(vec4<f32>(a6.z), b3_2, fma(vec4<f32>(a6.w), b3_3, acc27))));
    acc31 = fma(vec4<f32>(a7.x), b3_0, fma(vec4<f32>(a7.y), b3_1, fma(vec4<f32>(a7.z), b3_2, fma(vec4<f32>(a7.w), b3_3, acc31))));
    acc35 = fma(vec4<f32>(a8.x), b3_0, fma(vec4<f32>(a8.y), b3_1, fma(vec4<f32>(a8.z), b3_2, fma(vec4<f32>(a8.w), b3_3, acc35))));
    acc39 = fma(vec4<f32>(a9.x), b3_0, fma(vec4<f32>(a9.y), b3_1, fma(vec4<f32>(a9.z), b3_2, fma(vec4<f32>(a9.w), b3_3, acc39))));
    acc43 = fma(vec4<f32>(a10.x), b3_0, fma(vec4<f32>(a10.y), b3_1, fma(vec4<f32>(a10.z), b3_2, fma(vec4<f32>(a10.w), b3_3, acc43))));
    acc47 = fma(vec4<f32>(a11.x), b3_0, fma(vec4<f32>(a11.y), b3_1, fma(vec4<f32>(a11.z), b3_2, fma(vec4<f32>(a11.w), b3_3, acc47))));
    acc51 = fma(vec4<f32>(a12.x), b3_0, fma(vec4<f32>(a12.y), b3_1, fma(vec4<f32>(a12.z), b3_2, fma(vec4<f32>(a12.w), b3_3, acc51))));
    acc55 = fma(vec4<f32>(a13.x), b3_0, fma(vec4<f32>(a13.y), b3_1, fma(vec4<f32>(a13.z), b3_2, fma(vec4<f32>(a13.w), b3_3, acc55))));
    acc59 = fma(vec4<f32>(a14.x), b3_0, fma(vec4<f32>(a14.y), b3_1, fma(vec4<f32>(a14.z), b3_2, fma(vec4<f32>(a14.w), b3_3, acc59))));
    acc63 = fma(vec4<f32>(a15.x), b3_0, fma(vec4<f32>(a15.y), b3_1, fma(vec4<f32>(a15.z), b3_2, fma(vec4<f32>(a15.w), b3_3, acc63))));
      }
  }
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
  if (row >= 9408u) { return; }
  let en = row / 49u; let ep = (row / 7u) % 7u; let eq = row % 7u; let n = en; let py = ep; let px = eq;
  if (cg * 4u + 0u < 128u) {
    let o = ((n * 128u + cg * 4u + 0u) * 7u + py) * 7u + px;

    temp[t_conv2d + o] = tv.x;
  }
  if (cg * 4u + 1u < 128u) {
    let o = ((n * 128u + cg * 4u + 1u) * 7u + py) * 7u + px;

    temp[t_conv2d + o] = tv.y;
  }
  if (cg * 4u + 2u < 128u) {
    let o = ((n * 128u + cg * 4u + 2u) * 7u + py) * 7u + px;

    temp[t_conv2d + o] = tv.z;
  }
  if (cg * 4u + 3u < 128u) {
    let o = ((n * 128u + cg * 4u + 3u) * 7u + py) * 7u + px;

    temp[t_conv2d + o] = tv.w;
  }
}
