// Epilogues: what a product or convolution kernel does with each accumulated output (bias, activation,
// dropout, an optimiser update), one output, four outputs or one texel at a time, or per maxout unit.
import type { Node } from "../../ir/node.ts";
import { size } from "../../ir/node.ts";
import type { Kernel } from "../4-fuse/fuse.ts";
import { Expr, newPrelude, NotVectorisable } from "./expr.ts";
import type { Location } from "./frame.ts";

/** Fuse rule 9: the stores of values computed from the root in the same epilogue (the new weights). */
export function siblingStores(k: Kernel, e: Expr, where: (n: Node) => Location | undefined, idx: string): string[] {
  if (k.group) return []; // a maxout kernel's extras are its pre-max values
  const out: string[] = [];
  for (const x of k.extras ?? []) {
    e.computed.add(x);
    const v = e.at(x, idx);
    const loc = where(x)!;
    if (e.vec4 && (loc.offset % 4 !== 0 || size(x.shape) % 4 !== 0)) {
      throw new NotVectorisable(`${x.op} is not stored on texel boundaries`);
    }
    out.push(`${loc.arena}[${loc.name}${e.vec4 ? " / 4u" : ""} + ${idx}] = ${v};`);
  }
  return out;
}

/**
 * The epilogue for four outputs of one row of a product (columns 4 cg .. 4 cg + 3), written out one by
 * one (llvmpipe scalarises dynamic indexing of a vector); values hoisted out of the loop arrive as
 * arguments. `setup` names what `index` needs from `row`; `index(col)` is the output's flat index.
 */
export function fourOutputEpilogue(
  k: Kernel,
  where: (n: Node) => Location | undefined,
  prelude: Expr,
  M: number,
  N: number,
  setup: string,
  index: (col: string) => string,
): string {
  const out = where(k.root)!;
  const parts: string[] = [];
  for (let j = 0; j < 4; j++) {
    const e = new Expr(where, k.root, { node: k.anchor!, value: `tv.${"xyzw"[j]}` }, prelude);
    const v = e.at(k.root, "o");
    const more = siblingStores(k, e, where, "o");
    parts.push(`  if (cg * 4u + ${j}u < ${N}u) {
    let o = ${index(`cg * 4u + ${j}u`)};
${e.code("    ")}
    ${out.arena}[${out.name} + o] = ${v};${more.map((l) => `\n    ${l}`).join("")}
  }`);
  }
  const hoisted = prelude.names();
  return `// the epilogue for four outputs of one row; values hoisted out of the loop arrive as arguments
fn epilogue(row: u32, cg: u32, tv: vec4<f32>${hoisted.map((h) => `, ${h}: f32`).join("")}) {
  if (row >= ${M}u) { return; }${setup ? `\n  ${setup}` : ""}
${parts.join("\n")}
}`;
}

/**
 * The epilogue of a row-major product four outputs at a time (columns 4 cg .. 4 cg + 3, one texel of the
 * accumulators): every value it reads or writes must start on a texel boundary in its arena and line up
 * with the outputs, which holds for weight updates (the arenas align every tensor) and for most
 * activations. llvmpipe emits storage-buffer accesses lane by lane, and a vec4 access costs much less
 * than four f32 ones (a momentum update of 1.44M values: 3.2 ms against 5.1 ms). Undefined when something does not line up (a permute, a
 * broadcast inside a texel, a random draw, an unaligned value): the caller writes the scalar epilogue.
 * The kernel then declares both arenas as arrays of vec4 (VEC4_HEADER); the prelude's scalar reads pick
 * a component.
 */
export function texelEpilogue(
  k: Kernel,
  where: (n: Node) => Location | undefined,
  M: number,
  N: number,
  persist?: Node,
): { fn: string; prelude: Expr } | undefined {
  const out = where(k.root)!;
  if (N % 4 !== 0 || out.offset % 4 !== 0) return undefined;
  const prelude = newPrelude(where, k.root);
  prelude.vecArenas = true;
  const e = new Expr(where, k.root, { node: k.anchor!, value: "tv" }, prelude);
  e.vec4 = true;
  let v: string;
  let more: string[];
  try {
    v = e.at(k.root, "o4");
    more = siblingStores(k, e, where, "o4");
    // a persisting weight's new value also goes to its texture (texel (cg, row) holds these four)
    if (persist) more.push(`textureStore(W, vec2<u32>(cg, row), ${e.at(persist, "o4")});`);
  } catch (err) {
    if (err instanceof NotVectorisable) return undefined;
    throw err;
  }
  const hoisted = prelude.names();
  return {
    prelude,
    fn: `// the epilogue for four outputs of one row (one texel), read and written as vec4s; values hoisted
// out of the loop arrive as arguments
fn epilogue(row: u32, cg: u32, tv: vec4<f32>${hoisted.map((h) => `, ${h}: f32`).join("")}) {
  if (row >= ${M}u || cg >= ${N / 4}u) { return; }
  let o4 = row * ${N / 4}u + cg;
${e.code("  ")}
  ${out.arena}[${out.name} / 4u + o4] = ${v};${more.map((l) => `\n  ${l}`).join("")}
}`,
  };
}

/**
 * Rule 8's epilogue for one row of a block of `cols` columns starting at column c0 (texels t0, t1, ...):
 * per maxout unit, each piece's value (bias and whatever else precedes the max), stored when the
 * backward pass reads it, then the max and what follows it, stored at the root.
 */
export function groupedEpilogue(
  k: Kernel,
  where: (n: Node) => Location | undefined,
  prelude: Expr,
  cols: number,
  N: number,
  out: Location,
): string {
  const { max, pieces } = k.group!;
  const pre = max.src[0];
  const units = N / pieces;
  const lines: string[] = [];
  const store = (n: Node) => where(n)!;
  for (let q = 0; q < cols / pieces; q++) {
    lines.push(`  {
    let unit = c0 / ${pieces}u + ${q}u;
    if (unit >= ${units}u) { return; }`);
    const names: string[] = [];
    for (let j = 0; j < pieces; j++) {
      const lc = q * pieces + j;
      const e = new Expr(where, k.root, { node: k.anchor!, value: `t${lc >> 2}[${lc & 3}]` }, prelude);
      e.computed.add(pre);
      const v = e.at(pre, `o${j}`);
      names.push(`x${j}`);
      const keep = k.extras?.includes(pre) ? `\n      ${store(pre).arena}[${store(pre).name} + o${j}] = ${v};` : "";
      lines.push(`    var x${j}: f32;
    {
      let o${j} = row * ${N}u + unit * ${pieces}u + ${j}u;
${e.code("      ")}${keep}
      x${j} = ${v};
    }`);
    }
    const mx = names.reduce((a, b) => `max(${a}, ${b})`);
    const e = new Expr(where, k.root, undefined, prelude);
    e.fixed.set(max, "mx");
    const v = e.at(k.root, "oh");
    lines.push(`    let mx = ${mx};
    let oh = row * ${units}u + unit;
${e.code("    ")}
    ${out.arena}[${out.name} + oh] = ${v};
  }`);
  }
  return lines.join("\n");
}

/**
 * Rule 8's epilogue a texel at a time, where everything lines up: each texel's four pre-max values
 * (bias and whatever else precedes the max) computed and stored as one vec4, the maxes of four units
 * gathered into one vec4, and what follows the max stored a texel at a time. llvmpipe emits each
 * storage access lane by lane, so this is a quarter of the scalar epilogue's accesses and of its code
 * (the maxout products' shaders took several seconds each to compile with an empty shader cache). The
 * same operations in the same order as groupedEpilogue, so the same values to the bit. Undefined where
 * a block row's units are not whole texels, a value is not on texel boundaries, or something does not
 * vectorise: the caller writes groupedEpilogue. The kernel then declares both arenas as arrays of vec4.
 */
export function groupedTexelEpilogue(
  k: Kernel,
  where: (n: Node) => Location | undefined,
  M: number,
  cols: number,
  N: number,
): { fn: string; prelude: Expr } | undefined {
  const { max, pieces } = k.group!;
  const pre = max.src[0];
  const units = N / pieces;
  const perRow = cols / pieces; // maxout units in a block's row
  const out = where(k.root)!;
  const keep = k.extras?.includes(pre) ? where(pre)! : undefined;
  if (N % cols !== 0 || perRow % 4 !== 0 || units % 4 !== 0 || out.offset % 4 !== 0) return undefined;
  if (keep && keep.offset % 4 !== 0) return undefined;
  const prelude = newPrelude(where, k.root);
  prelude.vecArenas = true;
  const lines: string[] = [];
  try {
    for (let c = 0; c < cols / 4; c++) {
      const e = new Expr(where, k.root, { node: k.anchor!, value: `t${c}` }, prelude);
      e.vec4 = true;
      e.computed.add(pre);
      const v = e.at(pre, `o${c}`);
      const store = keep ? `\n    ${keep.arena}[${keep.name} / 4u + o${c}] = ${v};` : "";
      lines.push(`  var p${c}: vec4<f32>;
  {
    let o${c} = row * ${N / 4}u + c0 / 4u + ${c}u;
${e.code("    ")}${store}
    p${c} = ${v};
  }`);
    }
    for (let g = 0; g < perRow / 4; g++) {
      const maxes = [0, 1, 2, 3].map((u) =>
        Array.from({ length: pieces }, (_, j) => {
          const lc = (g * 4 + u) * pieces + j;
          return `p${lc >> 2}.${"xyzw"[lc & 3]}`;
        }).reduce((a, b) => `max(${a}, ${b})`)
      );
      const e = new Expr(where, k.root, undefined, prelude);
      e.vec4 = true;
      e.fixed.set(max, "mx");
      const v = e.at(k.root, "oh4");
      lines.push(`  {
    let mx = vec4<f32>(${maxes.join(", ")});
    let oh4 = (row * ${units}u + c0 / ${pieces}u) / 4u + ${g}u;
${e.code("    ")}
    ${out.arena}[${out.name} / 4u + oh4] = ${v};
  }`);
    }
  } catch (err) {
    if (err instanceof NotVectorisable) return undefined;
    throw err;
  }
  const hoisted = prelude.names();
  const texels = Array.from({ length: cols / 4 }, (_, c) => `t${c}: vec4<f32>`).join(", ");
  return {
    prelude,
    fn: `// the epilogue for one row of the block, a texel at a time: ${perRow} maxout units of ${pieces} pieces
fn epilogue(row: u32, c0: u32, ${texels}${hoisted.map((h) => `, ${h}: f32`).join("")}) {
  if (row >= ${M}u) { return; }
${lines.join("\n")}
}`,
  };
}
