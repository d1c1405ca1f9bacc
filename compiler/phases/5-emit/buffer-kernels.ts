// Kernels on the arenas alone: elementwise chains, reductions, buffer matmuls (register tiles, or one
// output per invocation for a thin product) and convolutions, each with its epilogue, and stored uniform
// draws.
import type { Node } from "../../ir/node.ts";
import { size } from "../../ir/node.ts";
import { Op, type RandomArg } from "../../ir/ops.ts";
import type { Kernel } from "../4-fuse/fuse.ts";
import { PHILOX_WGSL } from "./philox.wgsl.ts";
import { convLoop } from "./convolutions.ts";
import { type BlockedConv, blockedConvLoop } from "./buffer-convs.ts";
import { siblingStores } from "./epilogues.ts";
import { coord, Expr, newPrelude, nonFinite, strides } from "./expr.ts";
import {
  describeFused,
  dispatch1d,
  type EmitContext,
  type EmittedKernel,
  fusedNodes,
  HEADER,
  LINEAR,
  type Location,
  VEC4_HEADER,
} from "./frame.ts";

/**
 * A stored draw of uniform numbers, four per invocation: one Philox call yields the four words of four
 * consecutive elements (rand_uniform draws element i from word i % 4 of counter i / 4), so this writes
 * exactly the values of four rand_uniform calls at a quarter of their Philox rounds, as one vec4 store.
 */
function emitUniformDraws(n: Node, out: Location, label: string, head: string): EmittedKernel {
  const r = n.arg as RandomArg;
  const texels = size(n.shape) / 4;
  const d = dispatch1d(texels);
  return {
    label,
    workgroups: d.groups,
    wgsl: `${head.replace(HEADER, VEC4_HEADER)}
@compute @workgroup_size(${LINEAR})
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i4 = ${d.index};
  if (i4 >= ${texels}u) { return; }
  let w = philox(vec4<u32>(i4, clock[2], ${r.draw}u, 0u), vec2<u32>(clock[3], ${r.stream}u));
  ${out.arena}[${out.name} / 4u + i4] = vec4<f32>(unit(w.x), unit(w.y), unit(w.z), unit(w.w));
}
`,
  };
}

/** A kernel that reads and writes only the arenas (no texture operands). */
export function emitBufferKernel(
  k: Kernel,
  where: (n: Node) => Location | undefined,
  label: string,
  ctx: EmitContext,
): EmittedKernel {
  const { tile: TILE, workgroup: MM_WG } = ctx.target.bufferTile;
  const out = where(k.root)!;
  const store = (idx: string, value: string) => `${out.arena}[${out.name} + ${idx}] = ${value};`;
  const fused = fusedNodes(k, where);
  const uses = fused.some((n) => n.op === Op.RANDOM) ? PHILOX_WGSL : "";
  const head = `// ${label}\n// fuses: ${describeFused(fused)}\n${HEADER}${uses}`;
  const anchor = k.anchor;
  const prelude = newPrelude(where, k.root);

  if (
    !anchor && !k.extras?.length && k.root.op === Op.RANDOM && (k.root.arg as RandomArg).dist === "uniform" &&
    size(k.root.shape) % 4 === 0 && out.offset % 4 === 0
  ) {
    return emitUniformDraws(k.root, out, label, head);
  }
  if (!anchor) {
    const n = size(k.root.shape);
    const d = dispatch1d(n);
    const e = new Expr(where, k.root, undefined, prelude);
    const v = e.at(k.root, "i");
    return {
      label,
      workgroups: d.groups,
      wgsl: `${head}
@compute @workgroup_size(${LINEAR})
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = ${d.index};
  if (i >= ${n}u) { return; }
${prelude.code("  ")}
${e.code("  ")}
  ${store("i", v)}
}
`,
    };
  }

  const anchorSlot = { node: anchor, value: "acc" };
  const epilogue = (idx: string, value: string, indent: string) => {
    const e = new Expr(where, k.root, { ...anchorSlot, value }, prelude);
    const v = e.at(k.root, idx);
    const more = siblingStores(k, e, where, idx);
    return `${e.code(indent)}\n${indent}${store(idx, v)}${more.map((l) => `\n${indent}${l}`).join("")}`;
  };
  const loads = new Expr(where, k.root, undefined, prelude);

  // a product with a column or row of outputs (a D's last layer): one output per invocation instead,
  // so no invocation of a tile-shaped block sits idle
  const thin = anchor.op === Op.MATMUL && Math.min(anchor.shape[0], anchor.shape[1]) < TILE;
  if (anchor.op === Op.MATMUL && !thin) {
    const [A, B] = anchor.src;
    const [M, K] = A.shape;
    const N = B.shape[1];
    const accs: string[] = [];
    const body: string[] = [];
    loads.push();
    for (let r = 0; r < TILE; r++) {
      body.push(...[
        `let a${r} = select(0.0, ${exprAt(loads, A, `(row0 + ${r}u) * ${K}u + k`)}, row0 + ${r}u < ${M}u);`,
      ]);
    }
    for (let c = 0; c < TILE; c++) {
      body.push(...[`let b${c} = select(0.0, ${exprAt(loads, B, `k * ${N}u + col0 + ${c}u`)}, col0 + ${c}u < ${N}u);`]);
    }
    loads.pop();
    for (let r = 0; r < TILE; r++) {
      for (let c = 0; c < TILE; c++) {
        accs.push(`var acc${r}_${c} = 0.0;`);
        body.push(`acc${r}_${c} = fma(a${r}, b${c}, acc${r}_${c});`);
      }
    }
    const stores: string[] = [];
    for (let r = 0; r < TILE; r++) {
      for (let c = 0; c < TILE; c++) {
        stores.push(
          `  if (row0 + ${r}u < ${M}u && col0 + ${c}u < ${N}u) {\n    let o = (row0 + ${r}u) * ${N}u + col0 + ${c}u;\n${
            epilogue("o", `acc${r}_${c}`, "    ")
          }\n  }`,
        );
      }
    }
    const groups: [number, number, number] = [Math.ceil(N / (TILE * MM_WG)), Math.ceil(M / (TILE * MM_WG)), 1];
    return {
      label,
      workgroups: groups,
      wgsl: `${head}
@compute @workgroup_size(${MM_WG}, ${MM_WG})
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let row0 = gid.y * ${TILE}u;
  let col0 = gid.x * ${TILE}u;
  if (row0 >= ${M}u || col0 >= ${N}u) { return; }
${prelude.code("  ")}
  ${accs.join("\n  ")}
  for (var k = 0u; k < ${K}u; k++) {
${loads.code("    ")}
    ${body.join("\n    ")}
  }
${stores.join("\n")}
}
`,
    };
  }

  // One output element per invocation, a loop over the contraction.
  const n = size(anchor.shape);
  const d = dispatch1d(n);
  let loop: string;
  if (anchor.op === Op.SUM || anchor.op === Op.MAXR) {
    const x = anchor.src[0];
    const axes = anchor.arg as number[];
    const xs = strides(x.shape);
    const kept = x.shape.map((_, i) => i).filter((i) => !axes.includes(i));
    const os = strides(anchor.shape);
    const base = kept.map((ax, j) => `${coord("i", os[j], anchor.shape[j])} * ${xs[ax]}u`).join(" + ") || "0u";
    const rShape = axes.map((a) => x.shape[a]);
    const rs = strides(rShape);
    const off = axes.map((ax, j) => `${coord("r", rs[j], rShape[j])} * ${xs[ax]}u`).join(" + ") || "0u";
    loads.push();
    const v = exprAt(loads, x, "(base + " + off + ")");
    const combine = anchor.op === Op.SUM ? `acc = acc + ${v};` : `acc = max(acc, ${v});`;
    loop = `let base = ${base};
  var acc = ${anchor.op === Op.SUM ? "0.0" : nonFinite("0xff800000u")};
  for (var r = 0u; r < ${size(rShape)}u; r++) {
${loads.code("    ")}
    ${combine}
  }`;
    loads.pop();
  } else if (anchor.op === Op.MATMUL) {
    const [A, B] = anchor.src;
    const K = A.shape[1];
    const N = anchor.shape[1];
    loads.push();
    const a = loads.at(A, `row * ${K}u + k`);
    const b = loads.at(B, `k * ${N}u + col`);
    loop = `let row = i / ${N}u;
  let col = i % ${N}u;
  var acc = 0.0;
  for (var k = 0u; k < ${K}u; k++) {
${loads.code("    ")}
    acc = fma(${a}, ${b}, acc);
  }`;
    loads.pop();
  } else {
    // output channels per invocation (buffer-kernels.ts's register block for convolutions)
    const channels = anchor.op === Op.CONV2D_WGRAD ? anchor.shape[0] : anchor.shape[1];
    const block = anchor.op === Op.CONV2D_WGRAD ? ctx.target.convBlocks.wgrad : ctx.target.convBlocks.forward;
    // fewer where the outputs are few (a one-channel image's filter gradient), so every core gets work
    let tc = Math.min(channels, block.cols);
    const positions = size(anchor.shape) / channels;
    while (tc > 1 && positions * Math.ceil(channels / tc) < ctx.target.minInvocations) tc = Math.ceil(tc / 2);
    if (tc > 1) return blockedConv(blockedConvLoop(anchor, loads, tc), label, head, prelude, epilogue);
    loop = convLoop(anchor, loads);
  }
  const tail = epilogue("i", "acc", "  "); // before the prelude is read: the epilogue adds to it
  return {
    label,
    workgroups: d.groups,
    wgsl: `${head}
@compute @workgroup_size(${LINEAR})
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = ${d.index};
  if (i >= ${n}u) { return; }
${prelude.code("  ")}
  ${loop}
${tail}
}
`,
  };
}

/** A convolution over buffers, `c.tc` output channels per invocation, each channel's epilogue after the sums. */
function blockedConv(
  c: BlockedConv,
  label: string,
  head: string,
  prelude: Expr,
  epilogue: (idx: string, value: string, indent: string) => string,
): EmittedKernel {
  const d = dispatch1d(c.count);
  // before the prelude is read: the epilogues add to it
  const tails = Array.from({ length: c.tc }, (_, j) =>
    `  if (co0 + ${j}u < ${c.channels}u) {
    let o${j} = at + ${j * c.step}u;
${epilogue(`o${j}`, `acc${j}`, "    ")}
  }`);
  return {
    label,
    workgroups: d.groups,
    wgsl: `${head}
@compute @workgroup_size(${LINEAR})
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = ${d.index};
  if (i >= ${c.count}u) { return; }
${prelude.code("  ")}
  ${c.loop}
${tails.join("\n")}
}
`,
  };
}

/** Loads a value inside a loop body: the expression's `let`s are emitted into `e`, the name returned. */
function exprAt(e: Expr, n: Node, idx: string): string {
  return e.at(n, idx);
}
