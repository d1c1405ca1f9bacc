// Convolutions on buffer operands, register-blocked over output channels: each invocation computes one
// output position for `tc` consecutive output channels (conv2d and its transpose: a pixel of an image;
// the filter gradient: a tap of an input channel), so each input value it loads serves `tc` products.
// Each output's sum runs in the interpreter's order (convLoop's loop nests, the same skipped taps), so the
// values are those of one output per invocation, to the bit.
import type { Node } from "../../ir/node.ts";
import { type ConvArg, type ConvTArg, Op, type WgradArg } from "../../ir/ops.ts";
import type { Expr } from "./expr.ts";

export interface BlockedConv {
  /** Invocations to dispatch. */
  count: number;
  /** WGSL run by invocation `i`: declares acc0.. acc{tc-1}, `co0` and `at`, the output index of channel co0. */
  loop: string;
  /** Output channels per invocation, how many there are, and the output index step from one to the next. */
  tc: number;
  channels: number;
  step: number;
}

/** The three convolutions, `tc` output channels per invocation (tc > 1). */
export function blockedConvLoop(anchor: Node, e: Expr, tc: number): BlockedConv {
  const [X, W] = anchor.src;
  const accs = Array.from({ length: tc }, (_, j) => `var acc${j} = 0.0;`).join(" ");
  // the weight (or output gradient) of channel co0 + j; past the last channel, the last one's (its sum is not stored)
  const ch = (j: number, o: number) => `min(co0 + ${j}u, ${o - 1}u)`;
  const fmas = (x: string, ys: string[]) => ys.map((y, j) => `acc${j} = fma(${x}, ${y}, acc${j});`).join(" ");
  e.push();
  let out: BlockedConv;
  if (anchor.op === Op.CONV2D) {
    const { stride, padding } = anchor.arg as ConvArg;
    const [, c, h, w] = X.shape;
    const [b, o, oh, ow] = anchor.shape;
    const k = W.shape[2];
    const blocks = Math.ceil(o / tc);
    const x = e.at(X, `((n * ${c}u + ci) * ${h}u + u32(y)) * ${w}u + u32(xx)`);
    const wts = Array.from({ length: tc }, (_, j) => e.at(W, `((${ch(j, o)} * ${c}u + ci) * ${k}u + ti) * ${k}u + tj`));
    out = {
      count: b * blocks * oh * ow,
      tc,
      channels: o,
      step: oh * ow,
      loop: `let q = i % ${ow}u; let p = (i / ${ow}u) % ${oh}u; let co0 = ((i / ${ow * oh}u) % ${blocks}u) * ${tc}u;
  let n = i / ${ow * oh * blocks}u;
  let at = ((n * ${o}u + co0) * ${oh}u + p) * ${ow}u + q;
  ${accs}
  for (var ci = 0u; ci < ${c}u; ci++) { for (var ti = 0u; ti < ${k}u; ti++) {
    let y = i32(p * ${stride}u + ti) - ${padding};
    if (y < 0 || y >= ${h}) { continue; }
    for (var tj = 0u; tj < ${k}u; tj++) {
      let xx = i32(q * ${stride}u + tj) - ${padding};
      if (xx < 0 || xx >= ${w}) { continue; }
${e.code("      ")}
      ${fmas(x, wts)}
    }
  } }`,
    };
  } else if (anchor.op === Op.CONV2D_T) {
    const { stride, padding } = anchor.arg as ConvTArg;
    const [, c, h, w] = X.shape;
    const [b, o, oh, ow] = anchor.shape;
    const k = W.shape[2];
    const blocks = Math.ceil(o / tc);
    const x = e.at(X, `((n * ${c}u + ci) * ${h}u + p) * ${w}u + q`);
    const wts = Array.from({ length: tc }, (_, j) => e.at(W, `((ci * ${o}u + ${ch(j, o)}) * ${k}u + ti) * ${k}u + tj`));
    out = {
      count: b * blocks * oh * ow,
      tc,
      channels: o,
      step: oh * ow,
      loop: `let xo = i % ${ow}u; let yo = (i / ${ow}u) % ${oh}u; let co0 = ((i / ${ow * oh}u) % ${blocks}u) * ${tc}u;
  let n = i / ${ow * oh * blocks}u;
  let at = ((n * ${o}u + co0) * ${oh}u + yo) * ${ow}u + xo;
  ${accs}
  for (var ti = 0u; ti < ${k}u; ti++) {
    let py = i32(yo) + ${padding} - i32(ti);
    if (py < 0 || py % ${stride} != 0 || py / ${stride} >= ${h}) { continue; }
    let p = u32(py / ${stride});
    for (var tj = 0u; tj < ${k}u; tj++) {
      let qx = i32(xo) + ${padding} - i32(tj);
      if (qx < 0 || qx % ${stride} != 0 || qx / ${stride} >= ${w}) { continue; }
      let q = u32(qx / ${stride});
      for (var ci = 0u; ci < ${c}u; ci++) {
${e.code("        ")}
        ${fmas(x, wts)}
      }
    }
  }`,
    };
  } else {
    // the filter gradient dw[co, ci, ti, tj]: channels are the output's first axis
    const { stride, padding, kernel: k } = anchor.arg as WgradArg;
    const G = W;
    const [b, c, h, w] = X.shape;
    const [, o, oh, ow] = G.shape;
    const blocks = Math.ceil(o / tc);
    const x = e.at(X, `((n * ${c}u + ci) * ${h}u + u32(y)) * ${w}u + u32(xx)`);
    const gs = Array.from({ length: tc }, (_, j) => e.at(G, `((n * ${o}u + ${ch(j, o)}) * ${oh}u + p) * ${ow}u + q`));
    out = {
      count: blocks * c * k * k,
      tc,
      channels: o,
      step: c * k * k,
      loop: `let tj = i % ${k}u; let ti = (i / ${k}u) % ${k}u; let ci = (i / ${k * k}u) % ${c}u;
  let co0 = (i / ${k * k * c}u) * ${tc}u;
  let at = ((co0 * ${c}u + ci) * ${k}u + ti) * ${k}u + tj;
  ${accs}
  for (var n = 0u; n < ${b}u; n++) { for (var p = 0u; p < ${oh}u; p++) {
    let y = i32(p * ${stride}u + ti) - ${padding};
    if (y < 0 || y >= ${h}) { continue; }
    for (var q = 0u; q < ${ow}u; q++) {
      let xx = i32(q * ${stride}u + tj) - ${padding};
      if (xx < 0 || xx >= ${w}) { continue; }
${e.code("      ")}
      ${fmas(x, gs)}
    }
  } }`,
    };
  }
  e.pop();
  return out;
}
