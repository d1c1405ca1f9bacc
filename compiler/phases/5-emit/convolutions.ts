// Convolutions: the buffer kernels' loop nests (one output per invocation, as the interpreter computes
// them) and rule 10's implicit products over texture views, register-blocked like the texture matmuls.
import type { Node } from "../../ir/node.ts";
import { type ConvArg, type ConvTArg, Op, type WgradArg } from "../../ir/ops.ts";
import type { Kernel } from "../4-fuse/fuse.ts";
import { PHILOX_WGSL } from "./philox.wgsl.ts";
import { fourOutputEpilogue } from "./epilogues.ts";
import { type Expr, newPrelude } from "./expr.ts";
import { describeFused, type EmitContext, type EmittedKernel, fusedNodes, HEADER, type Location } from "./frame.ts";
import { blockKernel, TEX_READ } from "./products.ts";

/** The three convolutions, one output element per invocation, with the interpreter's loop nests. */
export function convLoop(anchor: Node, e: Expr): string {
  const [X, W] = anchor.src;
  const os = anchor.shape;
  e.push();
  let code: string;
  if (anchor.op === Op.CONV2D) {
    const { stride, padding } = anchor.arg as ConvArg;
    const [, c, h, w] = X.shape;
    const [, o, oh, ow] = os;
    const k = W.shape[2];
    const x = e.at(X, `((n * ${c}u + ci) * ${h}u + u32(y)) * ${w}u + u32(xx)`);
    const wt = e.at(W, `((co * ${c}u + ci) * ${k}u + ti) * ${k}u + tj`);
    code = `let q = i % ${ow}u; let p = (i / ${ow}u) % ${oh}u; let co = (i / ${ow * oh}u) % ${o}u; let n = i / ${
      ow * oh * o
    }u;
  var acc = 0.0;
  for (var ci = 0u; ci < ${c}u; ci++) { for (var ti = 0u; ti < ${k}u; ti++) {
    let y = i32(p * ${stride}u + ti) - ${padding};
    if (y < 0 || y >= ${h}) { continue; }
    for (var tj = 0u; tj < ${k}u; tj++) {
      let xx = i32(q * ${stride}u + tj) - ${padding};
      if (xx < 0 || xx >= ${w}) { continue; }
${e.code("      ")}
      acc = fma(${x}, ${wt}, acc);
    }
  } }`;
  } else if (anchor.op === Op.CONV2D_T) {
    // out[n, co, Y, X] = sum over ci, ti, tj with Y = p * s - pad + ti: x[n, ci, p, q] * w[ci, co, ti, tj]
    const { stride, padding } = anchor.arg as ConvTArg;
    const [, c, h, w] = X.shape;
    const [, o, oh, ow] = os;
    const k = W.shape[2];
    const x = e.at(X, `((n * ${c}u + ci) * ${h}u + p) * ${w}u + q`);
    const wt = e.at(W, `((ci * ${o}u + co) * ${k}u + ti) * ${k}u + tj`);
    code = `let xo = i % ${ow}u; let yo = (i / ${ow}u) % ${oh}u; let co = (i / ${ow * oh}u) % ${o}u; let n = i / ${
      ow * oh * o
    }u;
  var acc = 0.0;
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
        acc = fma(${x}, ${wt}, acc);
      }
    }
  }`;
  } else {
    // CONV2D_WGRAD: dw[co, ci, ti, tj] = sum over n, p, q: x[n, ci, p s - pad + ti, q s - pad + tj] * g[n, co, p, q]
    const { stride, padding, kernel: k } = anchor.arg as WgradArg;
    const G = W;
    const [b, c, h, w] = X.shape;
    const [, o, oh, ow] = G.shape;
    const x = e.at(X, `((n * ${c}u + ci) * ${h}u + u32(y)) * ${w}u + u32(xx)`);
    const g = e.at(G, `((n * ${o}u + co) * ${oh}u + p) * ${ow}u + q`);
    code = `let tj = i % ${k}u; let ti = (i / ${k}u) % ${k}u; let ci = (i / ${k * k}u) % ${c}u; let co = i / ${
      k * k * c
    }u;
  var acc = 0.0;
  for (var n = 0u; n < ${b}u; n++) { for (var p = 0u; p < ${oh}u; p++) {
    let y = i32(p * ${stride}u + ti) - ${padding};
    if (y < 0 || y >= ${h}) { continue; }
    for (var q = 0u; q < ${ow}u; q++) {
      let xx = i32(q * ${stride}u + tj) - ${padding};
      if (xx < 0 || xx >= ${w}) { continue; }
${e.code("      ")}
      acc = fma(${x}, ${g}, acc);
    }
  } }`;
  }
  e.pop();
  return code;
}

/**
 * Rule 10: a convolution as an implicit product over texture views (fuse.ts's convViews). conv2d and
 * its transpose: rows are output pixels (n, y, x), columns output channels, the contraction runs over
 * (tap, input channel); each invocation gathers, per tap, its rows' input texels (four channels of one
 * pixel, zero outside the image or, for the transpose, off the stride's lattice). The weight gradient:
 * rows are (tap, input channel), columns output channels, the contraction runs over output pixels.
 * Outputs go to the IR's NCHW (or [o, c, k, k]) layout in the epilogue.
 */
export function emitTextureConv(
  k: Kernel,
  where: (n: Node) => Location | undefined,
  label: string,
  ctx: EmitContext,
): EmittedKernel {
  const anchor = k.anchor!;
  const wgrad = anchor.op === Op.CONV2D_WGRAD;
  const block = wgrad ? ctx.target.convBlocks.wgrad : ctx.target.convBlocks.forward;
  const { rows: R, workgroup: WG } = block;
  const C4 = Math.max(1, Math.floor(block.cols / 4));
  const C = C4 * 4;
  const [X, Y] = anchor.src;
  const [b, c, h, w] = X.shape;
  const CI4 = c / 4;
  const { stride: s, padding: pad } = anchor.arg as ConvArg;
  const fused = fusedNodes(k, where);
  const head = `// ${label}\n// fuses: ${
    describeFused(fused)
  }; operands from textures (implicit product)\n${HEADER}@group(1) @binding(0) var A: ${TEX_READ};\n@group(1) @binding(1) var B: ${TEX_READ};\n${
    fused.some((x) => x.op === Op.RANDOM) ? PHILOX_WGSL : ""
  }`;
  const ld = (t: string, x: string, y: string) => `textureLoad(${t}, vec2<u32>(${x}, ${y}))`;
  const acc = (r: number, cc: number) => `acc${r * C4 + cc}`;
  const body: string[] = [];
  let M: number;
  let N: number;
  let setup: string;
  let index: (col: string) => string;
  let loopOpen: string;
  let loopClose: string;
  const hoistRows: string[] = [];
  if (!wgrad) {
    const kk = Y.shape[2];
    const [, o, oh, ow] = anchor.shape;
    M = b * oh * ow;
    N = o;
    // A strided transpose: output pixel (y, x) only meets taps ti = y + pad (mod s), tj likewise. Rows are
    // then ordered by that phase (y mod s, x mod s) first, so a block's rows share their taps and the
    // loops visit only those: s^2 fewer multiply-adds than zeros would cost.
    const hs = oh / s;
    const ws = ow / s;
    const phased = anchor.op === Op.CONV2D_T && s > 1 && Number.isInteger(hs) && Number.isInteger(ws) &&
      (b * hs * ws) % R === 0;
    const rowToPixel = (m: string, pre: string, int: (x: string) => string) =>
      phased
        ? `let ${pre}c = ${m} / ${b * hs * ws}u; let ${pre}r = ${m} % ${b * hs * ws}u; let ${pre}n = ${pre}r / ${
          hs * ws
        }u; let ${pre}p = ${int(`(${pre}c / ${s}u) + ${s}u * ((${pre}r / ${ws}u) % ${hs}u)`)}; let ${pre}q = ${
          int(`(${pre}c % ${s}u) + ${s}u * (${pre}r % ${ws}u)`)
        };`
        : `let ${pre}n = ${m} / ${oh * ow}u; let ${pre}p = ${int(`(${m} / ${ow}u) % ${oh}u`)}; let ${pre}q = ${
          int(`${m} % ${ow}u`)
        };`;
    setup = `${rowToPixel("row", "e", (x) => x)} let n = en; let py = ep; let px = eq;`;
    index = (col) => `((n * ${o}u + ${col}) * ${oh}u + py) * ${ow}u + px`;
    for (let r = 0; r < R; r++) {
      hoistRows.push(
        `let rm${r} = row0 + ${r}u; ${
          rowToPixel(`rm${r}`, `h${r}`, (x) => `i32(${x})`)
        } let rn${r} = h${r}n; let rp${r} = h${r}p; let rq${r} = h${r}q;`,
      );
    }
    if (phased) {
      hoistRows.push(
        `let phase = row0 / ${
          b * hs * ws
        }u; let ti0 = (i32(phase / ${s}u) + ${pad}) % ${s}; let tj0 = (i32(phase % ${s}u) + ${pad}) % ${s};`,
      );
    }
    const tapRows: string[] = [];
    for (let r = 0; r < R; r++) {
      if (anchor.op === Op.CONV2D) {
        tapRows.push(`let y${r} = rp${r} * ${s} + ti - ${pad}; let x${r} = rq${r} * ${s} + tj - ${pad};`);
        tapRows.push(`let ok${r} = rm${r} < ${M}u && y${r} >= 0 && y${r} < ${h} && x${r} >= 0 && x${r} < ${w};`);
      } else {
        // transposed: output (p, q) takes input (y, x) where p = y s - pad + ti, so y = (p + pad - ti) / s
        tapRows.push(`let sy${r} = rp${r} + ${pad} - ti; let sx${r} = rq${r} + ${pad} - tj;`);
        tapRows.push(
          `let ok${r} = rm${r} < ${M}u && sy${r} >= 0 && sx${r} >= 0 && sy${r} % ${s} == 0 && sx${r} % ${s} == 0 && sy${r} / ${s} < ${h} && sx${r} / ${s} < ${w};`,
        );
        tapRows.push(`let y${r} = sy${r} / ${s}; let x${r} = sx${r} / ${s};`);
      }
      tapRows.push(
        `let ay${r} = select(0u, rn${r} * ${h}u + u32(y${r}), ok${r}); let ax${r} = select(0u, u32(x${r}) * ${CI4}u, ok${r});`,
      );
    }
    for (let r = 0; r < R; r++) {
      body.push(`let a${r} = select(vec4<f32>(0.0), ${ld("A", `ax${r} + c4`, `ay${r}`)}, ok${r});`);
    }
    for (let cc = 0; cc < C4; cc++) {
      for (let j = 0; j < 4; j++) body.push(`let b${cc}_${j} = ${ld("B", `cg0 + ${cc}u`, `kb + c4 * 4u + ${j}u`)};`);
      for (let r = 0; r < R; r++) {
        body.push(
          `${
            acc(r, cc)
          } = fma(vec4<f32>(a${r}.x), b${cc}_0, fma(vec4<f32>(a${r}.y), b${cc}_1, fma(vec4<f32>(a${r}.z), b${cc}_2, fma(vec4<f32>(a${r}.w), b${cc}_3, ${
            acc(r, cc)
          }))));`,
        );
      }
    }
    loopOpen = `for (var ti = ${phased ? "ti0" : "0"}; ti < ${kk}; ti += ${phased ? s : 1}) {
  for (var tj = ${phased ? "tj0" : "0"}; tj < ${kk}; tj += ${phased ? s : 1}) {
    ${tapRows.join("\n    ")}
    let kb = u32(ti * ${kk} + tj) * ${c}u;
    for (var c4 = 0u; c4 < ${CI4}u; c4++) {`;
    loopClose = `    }\n  }\n  }`;
  } else {
    const kk = (anchor.arg as WgradArg).kernel;
    const [, o, oh, ow] = Y.shape;
    const O4 = o / 4;
    M = kk * kk * c;
    N = o;
    setup = `let ci = row % ${c}u; let tj = (row / ${c}u) % ${kk}u; let ti = row / ${c * kk}u;`;
    index = (col) => `(((${col}) * ${c}u + ci) * ${kk}u + ti) * ${kk}u + tj`;
    for (let r4 = 0; r4 < R / 4; r4++) {
      hoistRows.push(
        `let mt${r4} = row0 / 4u + ${r4}u; let rv${r4} = mt${r4} < ${
          kk * kk * CI4
        }u; let ci4_${r4} = mt${r4} % ${CI4}u; let tj${r4} = i32((mt${r4} / ${CI4}u) % ${kk}u); let ti${r4} = i32(mt${r4} / ${
          CI4 * kk
        }u);`,
      );
    }
    const per: string[] = [
      `let kn = kk / ${oh * ow}u; let kp = i32((kk / ${ow}u) % ${oh}u); let kq = i32(kk % ${ow}u);`,
    ];
    for (let r4 = 0; r4 < R / 4; r4++) {
      per.push(`let y${r4} = kp * ${s} + ti${r4} - ${pad}; let x${r4} = kq * ${s} + tj${r4} - ${pad};`);
      per.push(`let ok${r4} = rv${r4} && y${r4} >= 0 && y${r4} < ${h} && x${r4} >= 0 && x${r4} < ${w};`);
      per.push(
        `let a${r4} = select(vec4<f32>(0.0), ${
          ld(
            "A",
            `select(0u, u32(x${r4}) * ${CI4}u + ci4_${r4}, ok${r4})`,
            `select(0u, kn * ${h}u + u32(y${r4}), ok${r4})`,
          )
        }, ok${r4});`,
      );
    }
    body.push(...per);
    for (let cc = 0; cc < C4; cc++) {
      body.push(`let b${cc} = ${ld("B", `u32(kq) * ${O4}u + cg0 + ${cc}u`, `kn * ${oh}u + u32(kp)`)};`);
      for (let r = 0; r < R; r++) {
        body.push(`${acc(r, cc)} = fma(vec4<f32>(a${r >> 2}.${"xyzw"[r & 3]}), b${cc}, ${acc(r, cc)});`);
      }
    }
    loopOpen = `for (var kk = 0u; kk < ${b * oh * ow}u; kk++) {`;
    loopClose = `}`;
  }
  const prelude = newPrelude(where, k.root);
  const epilogueFn = fourOutputEpilogue(k, where, prelude, M, N, setup, index);
  const hoisted = prelude.names();
  const calls: string[] = [];
  for (let r = 0; r < R; r++) {
    for (let cc = 0; cc < C4; cc++) {
      calls.push(`epilogue(row0 + ${r}u, cg0 + ${cc}u, ${acc(r, cc)}${hoisted.map((x) => `, ${x}`).join("")});`);
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
    setup: hoistRows.join("\n  "),
    loopOpen,
    body,
    loopClose,
    calls,
    epilogueFn,
  });
}
