// Products from textures (fuse rule 7): the kernels that pack operands into textures, and register-blocked
// matmuls that read them, each block followed by its epilogue calls.
import type { Node, Shape } from "../../ir/node.ts";
import { size } from "../../ir/node.ts";
import { Op } from "../../ir/ops.ts";
import type { Kernel } from "../4-fuse/fuse.ts";
import { operandBase } from "../4-fuse/fuse.ts";
import { PHILOX_WGSL } from "./philox.wgsl.ts";
import type { MatmulLayout } from "./targets.ts";
import { fourOutputEpilogue, groupedEpilogue, groupedTexelEpilogue, texelEpilogue } from "./epilogues.ts";
import { Expr, newPrelude } from "./expr.ts";
import {
  describeFused,
  dispatchGroups,
  type EmitContext,
  type EmittedKernel,
  fusedNodes,
  HEADER,
  type Location,
  NotPersistable,
  VEC4_HEADER,
} from "./frame.ts";

// ---- Texture operands (fuse rule 7) ----
//
// A matmul operand lives in an rgba32float texture as [rows, ceil(cols / 4)] texels: each texel holds four
// consecutive elements of a row, padded with zeros, and the row count is padded to a multiple of 4 (zero
// rows), so the contraction can run over whole texels whichever way an operand is read.

/** The texture that holds a 2-D value: width in texels, height in rows. */
export function textureDims(shape: Shape): { width: number; height: number } {
  const [rows, cols] = shape.length === 2 ? shape : [size(shape.slice(0, -1)), shape[shape.length - 1] ?? 1];
  return { width: Math.max(1, Math.ceil(cols / 4)), height: Math.max(4, Math.ceil(rows / 4) * 4) };
}

export const TEX_READ = "texture_storage_2d<rgba32float, read>";
const TEX_WRITE = "texture_storage_2d<rgba32float, write>";

/** Writes a value into its texture: one texel (four elements of a row) per invocation. */
export function emitPack(
  k: Kernel,
  where: (n: Node) => Location | undefined,
  label: string,
  ctx: EmitContext,
): EmittedKernel {
  const n = k.root;
  const shape = n.shape.length === 2 ? n.shape : [size(n.shape.slice(0, -1)), n.shape[n.shape.length - 1] ?? 1];
  const [rows, cols] = shape;
  const { width, height } = textureDims(n.shape);
  const stored = where(n);
  const fused = stored ? [] : fusedNodes(k, where);
  const uses = fused.some((x) => x.op === Op.RANDOM) ? PHILOX_WGSL : "";
  // a stored value whose rows are whole texels at a 16-byte offset (weights: the arena aligns them) is
  // copied a texel at a time through a vec4 view of its arena: one load per texel instead of four
  const texelCopy = stored !== undefined && cols % 4 === 0 && stored.offset % 4 === 0;
  const header = texelCopy
    ? HEADER.replace(
      `var<storage, read_write> ${stored.arena}: array<f32>`,
      `var<storage, read_write> ${stored.arena}: array<vec4<f32>>`,
    )
    : HEADER;
  const head = `// ${label}\n// fuses: ${
    stored ? "copy into a texture" : describeFused(fused)
  }\n${header}@group(1) @binding(0) var out: ${TEX_WRITE};\n${uses}`;
  const prelude = newPrelude(where, undefined);
  const e = new Expr(where, undefined, undefined, prelude);
  const parts: string[] = [];
  if (texelCopy) {
    parts.push(`  if (row < ${rows}u) {
    v = ${stored.arena}[${stored.name} / 4u + row * ${cols / 4}u + c4];
  }`);
  } else if (cols % 4 === 0) {
    // whole texels: one bounds test per texel
    const vs = [0, 1, 2, 3].map((j) => e.at(n, `o${j}`));
    parts.push(`  if (row < ${rows}u) {
${[0, 1, 2, 3].map((j) => `    let o${j} = row * ${cols}u + c4 * 4u + ${j}u;`).join("\n")}
${e.code("    ")}
    v = vec4<f32>(${vs.join(", ")});
  }`);
  } else {
    for (let j = 0; j < 4; j++) {
      e.push();
      const v = e.at(n, `o${j}`);
      const code = e.take();
      e.pop();
      parts.push(`  if (row < ${rows}u && c4 * 4u + ${j}u < ${cols}u) {
    let o${j} = row * ${cols}u + c4 * 4u + ${j}u;
${code.map((l) => "    " + l).join("\n")}
    v[${j}] = ${v};
  }`);
    }
  }
  // one texel per invocation, on a 2-D grid of 16 x 4 texels per workgroup
  return {
    label,
    workgroups: [Math.ceil(width / 16), Math.ceil(height / 4), 1],
    textures: [{ id: ctx.texture!(n), access: "write" }],
    wgsl: `${head}
@compute @workgroup_size(16, 4)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c4 = gid.x;
  let row = gid.y;
  if (c4 >= ${width}u || row >= ${height}u) { return; }
${prelude.code("  ")}
  var v = vec4<f32>(0.0);
${parts.join("\n")}
  textureStore(out, vec2<u32>(c4, row), v);
}
`,
  };
}

/** The layout of a texture matmul: which operands are read transposed. */
export function matmulLayout(anchor: Node): MatmulLayout | undefined {
  const a = operandBase(anchor.src[0]).transposed;
  const b = operandBase(anchor.src[1]).transposed;
  return a && b ? undefined : a ? "tn" : b ? "nt" : "nn";
}

/**
 * C = A B from two textures, register-blocked: each invocation computes a rows x cols block with its
 * accumulators in registers, loading each texel once per block; the epilogue (bias, activation, dropout,
 * an optimiser update) runs per element after the contraction.
 */
export function emitTextureMatmul(
  k: Kernel,
  where: (n: Node) => Location | undefined,
  label: string,
  ctx: EmitContext,
): EmittedKernel {
  const anchor = k.anchor!;
  const layout = matmulLayout(anchor);
  if (!layout) throw new Error(`${label}: both operands transposed has no texture kernel`);
  const block = ctx.target.blocks[layout];
  const { rows: R, workgroup: WG } = block;
  // rule 8: a maxout's block holds whole units (a multiple of lcm(4, pieces) columns)
  const unitCols = k.group ? (4 * k.group.pieces) / gcd(4, k.group.pieces) : 4;
  const C = unitCols * Math.max(1, Math.floor(block.cols / unitCols));
  const C4 = C / 4;
  const [M, K] = anchor.src[0].shape;
  const N = anchor.shape[1];
  const out = where(k.root)!;
  const fused = fusedNodes(k, where);
  let head = `// ${label}\n// fuses: ${
    describeFused(fused)
  }; operands from textures (${layout})\n${HEADER}@group(1) @binding(0) var A: ${TEX_READ};\n@group(1) @binding(1) var B: ${TEX_READ};\n${
    fused.some((x) => x.op === Op.RANDOM) ? PHILOX_WGSL : ""
  }`;
  const ld = (t: string, x: string, y: string) => `textureLoad(${t}, vec2<u32>(${x}, ${y}))`;
  // The last block of rows or columns may reach past the operands' textures. Those outputs are never
  // stored, but an out-of-bounds load is still made, and what it returns is up to the implementation:
  // loads that can overhang are clamped to the last texel (emitted only where the shapes need it).
  const rowSpan = Math.ceil(M / R) * R; // A's rows (nn, nt) or X's columns (tn) the blocks visit
  const colSpan = Math.ceil(N / C) * C;
  const clamp = (x: string, span: number, limit: number) => (span > limit ? `min(${x}, ${limit - 1}u)` : x);
  const mRows = (x: string) => clamp(x, rowSpan, textureDims([M, 1]).height); // rows of an [M, *] texture
  const mTexels = (x: string) => clamp(x, rowSpan / 4, Math.ceil(M / 4)); // texels of an [*, M] texture
  const nRows = (x: string) => clamp(x, colSpan, textureDims([N, 1]).height);
  const nTexels = (x: string) => clamp(x, colSpan / 4, Math.ceil(N / 4));
  const body: string[] = [];
  let loop: string;
  const acc = (r: number, c: number) => `acc${r * C4 + c}`;
  if (layout === "nn") {
    // A [M, K] texels along K; B [K, N] texels along N
    for (let r = 0; r < R; r++) body.push(`let a${r} = ${ld("A", "k4", mRows(`row0 + ${r}u`))};`);
    for (let c = 0; c < C4; c++) {
      for (let j = 0; j < 4; j++) body.push(`let b${c}_${j} = ${ld("B", nTexels(`cg0 + ${c}u`), `k4 * 4u + ${j}u`)};`);
      for (let r = 0; r < R; r++) {
        body.push(
          `${
            acc(r, c)
          } = fma(vec4<f32>(a${r}.x), b${c}_0, fma(vec4<f32>(a${r}.y), b${c}_1, fma(vec4<f32>(a${r}.z), b${c}_2, fma(vec4<f32>(a${r}.w), b${c}_3, ${
            acc(r, c)
          }))));`,
        );
      }
    }
    loop = `for (var k4 = 0u; k4 < ${Math.ceil(K / 4)}u; k4++) {`;
  } else if (layout === "tn") {
    // A = X^T with X [K, M] texels along M; B [K, N] texels along N. Four rows of K per iteration, their
    // products chained into each accumulator: one read and one write of an accumulator (they live in
    // memory: a block's are far more than the registers) per four multiply-adds, as in the nn layout
    const U = 4;
    for (let u = 0; u < U; u++) {
      for (let r = 0; r < R / 4; r++) {
        body.push(`let a${r}_${u} = ${ld("A", mTexels(`row0 / 4u + ${r}u`), `k + ${u}u`)};`);
      }
    }
    for (let c = 0; c < C4; c++) {
      for (let u = 0; u < U; u++) body.push(`let b${c}_${u} = ${ld("B", nTexels(`cg0 + ${c}u`), `k + ${u}u`)};`);
      for (let r = 0; r < R; r++) {
        let chain = acc(r, c);
        for (let u = U - 1; u >= 0; u--) {
          chain = `fma(vec4<f32>(a${r >> 2}_${u}.${"xyzw"[r & 3]}), b${c}_${u}, ${chain})`;
        }
        body.push(`${acc(r, c)} = ${chain};`);
      }
    }
    loop = `for (var k = 0u; k < ${Math.ceil(K / 4) * 4}u; k += ${U}u) {`;
  } else {
    // A [M, K] texels along K; B = W^T with W [N, K] texels along K
    for (let r = 0; r < R; r++) body.push(`let a${r} = ${ld("A", "k4", mRows(`row0 + ${r}u`))};`);
    for (let c = 0; c < C4; c++) {
      for (let j = 0; j < 4; j++) body.push(`let b${c}_${j} = ${ld("B", "k4", nRows(`cg0 * 4u + ${c * 4 + j}u`))};`);
      for (let r = 0; r < R; r++) {
        body.push(
          `${acc(r, c)} = ${
            acc(r, c)
          } + vec4<f32>(dot(a${r}, b${c}_0), dot(a${r}, b${c}_1), dot(a${r}, b${c}_2), dot(a${r}, b${c}_3));`,
        );
      }
    }
    loop = `for (var k4 = 0u; k4 < ${Math.ceil(K / 4)}u; k4++) {`;
  }
  let prelude = newPrelude(where, k.root);
  let epilogueFn: string;
  const calls: string[] = [];
  if (k.group && ctx.persist) throw new NotPersistable(ctx.persist.param);
  const grouped = k.group ? groupedTexelEpilogue(k, where, M, C, N) : undefined;
  if (grouped) {
    prelude = grouped.prelude;
    epilogueFn = grouped.fn;
    head = head.replace(HEADER, VEC4_HEADER);
    const hoisted = prelude.names();
    for (let r = 0; r < R; r++) {
      const ts = Array.from({ length: C4 }, (_, c) => acc(r, c)).join(", ");
      calls.push(`epilogue(row0 + ${r}u, cg0 * 4u, ${ts}${hoisted.map((h) => `, ${h}`).join("")});`);
    }
  } else if (k.group) {
    const body = groupedEpilogue(k, where, prelude, C, N, out);
    const hoisted = prelude.names();
    const texels = Array.from({ length: C4 }, (_, c) => `t${c}: vec4<f32>`).join(", ");
    epilogueFn = `// the epilogue for one row of the block: ${
      C / k.group.pieces
    } maxout units of ${k.group.pieces} pieces
fn epilogue(row: u32, c0: u32, ${texels}${hoisted.map((h) => `, ${h}: f32`).join("")}) {
  if (row >= ${M}u) { return; }
${body}
}`;
    for (let r = 0; r < R; r++) {
      const ts = Array.from({ length: C4 }, (_, c) => acc(r, c)).join(", ");
      calls.push(`epilogue(row0 + ${r}u, cg0 * 4u, ${ts}${hoisted.map((h) => `, ${h}`).join("")});`);
    }
  } else {
    // four outputs at a time through vec4 views of the arenas where every value lines up with texels;
    // else one output at a time
    const vec = texelEpilogue(k, where, M, N, ctx.persist?.value);
    if (ctx.persist && !vec) throw new NotPersistable(ctx.persist.param);
    if (ctx.persist) head += `@group(1) @binding(2) var W: ${TEX_WRITE};\n`;
    if (vec) {
      prelude = vec.prelude;
      epilogueFn = vec.fn;
      head = head.replace(HEADER, VEC4_HEADER);
    } else {
      epilogueFn = fourOutputEpilogue(k, where, prelude, M, N, "", (col) => `row * ${N}u + ${col}`);
    }
    const hoisted = prelude.names();
    for (let r = 0; r < R; r++) {
      for (let c = 0; c < C4; c++) {
        calls.push(`epilogue(row0 + ${r}u, cg0 + ${c}u, ${acc(r, c)}${hoisted.map((h) => `, ${h}`).join("")});`);
      }
    }
  }
  return blockKernel({
    label,
    k,
    ctx,
    head,
    prelude,
    M,
    N,
    R,
    C,
    WG,
    setup: "",
    loopOpen: loop,
    body,
    loopClose: "}",
    calls,
    epilogueFn,
  });
}

/** The frame of a register-blocked texture product: each invocation one R x C block, then its epilogue calls. */
export function blockKernel(o: {
  label: string;
  k: Kernel;
  ctx: EmitContext;
  head: string;
  prelude: Expr;
  M: number;
  N: number;
  R: number;
  C: number;
  WG: number;
  setup: string;
  loopOpen: string;
  body: string[];
  loopClose: string;
  calls: string[];
  epilogueFn: string;
}): EmittedKernel {
  const colBlocks = Math.ceil(o.N / o.C);
  const blocks = colBlocks * Math.ceil(o.M / o.R);
  const d = dispatchGroups(blocks, o.WG);
  const accs = Array.from({ length: (o.R * o.C) / 4 }, (_, i) => `var acc${i} = vec4<f32>(0.0);`);
  return {
    label: o.label,
    workgroups: d.groups,
    textures: [
      ...o.k.texReads!.map((n) => ({ id: o.ctx.texture!(n), access: "read" as const })),
      ...(o.ctx.persist ? [{ id: o.ctx.persist.texture, access: "write" as const }] : []),
    ],
    wgsl: `${o.head}
@compute @workgroup_size(${o.WG})
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let t = ${d.index};
  if (t >= ${blocks}u) { return; }
  let row0 = (t / ${colBlocks}u) * ${o.R}u;
  let cg0 = (t % ${colBlocks}u) * ${o.C / 4}u;
${o.prelude.code("  ")}${o.setup ? `\n  ${o.setup}` : ""}
  ${accs.join("\n  ")}
  ${o.loopOpen}
    ${o.body.join("\n    ")}
  ${o.loopClose}
  ${o.calls.join("\n  ")}
}

${o.epilogueFn}
`,
  };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
