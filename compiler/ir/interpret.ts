// The float64 reference interpreter: executes IR nodes exactly, one plain loop per op. It is the ground
// truth that every WGSL kernel and every training step is tested against, so it favours obviousness
// over speed.
import { type Node, size } from "./node.ts";
import { type ConvArg, type ConvTArg, Op, type RandomArg, type WgradArg } from "./ops.ts";
import { normalTensor, uniformTensor } from "./philox.ts";

export type Tensor = Float64Array;

export interface Env {
  params: ReadonlyMap<string, Tensor>;
  inputs: ReadonlyMap<string, Tensor>;
  seed: number;
  step: number;
}

export class InterpretError extends Error {}

/** Evaluates the outputs (and everything they need); returns every computed value. */
export function evaluate(outputs: readonly Node[], env: Env, memo = new Map<Node, Tensor>()): Map<Node, Tensor> {
  const visit = (n: Node): Tensor => {
    const known = memo.get(n);
    if (known) return known;
    // Iterative post-order: deep graphs must not overflow the stack.
    const stack: Node[] = [n];
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (memo.has(top)) {
        stack.pop();
        continue;
      }
      const pending = top.src.filter((s) => !memo.has(s));
      if (pending.length) {
        stack.push(...pending);
        continue;
      }
      memo.set(top, run(top, top.src.map((s) => memo.get(s)!), env));
      stack.pop();
    }
    return memo.get(n)!;
  };
  for (const o of outputs) visit(o);
  return memo;
}

const strides = (shape: readonly number[]) => {
  const st = new Array(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) st[i] = st[i + 1] * shape[i + 1];
  return st;
};

function map1(x: Tensor, f: (a: number) => number): Tensor {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = f(x[i]);
  return out;
}
function map2(a: Tensor, b: Tensor, f: (x: number, y: number) => number): Tensor {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = f(a[i], b[i]);
  return out;
}

export const softplus = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
export const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

function run(n: Node, s: Tensor[], env: Env): Tensor {
  switch (n.op) {
    case Op.PARAM:
    case Op.INPUT: {
      const name = n.arg as string;
      const t = (n.op === Op.PARAM ? env.params : env.inputs).get(name);
      if (!t) throw new InterpretError(`no value for ${n.op} ${name}`);
      if (t.length !== size(n.shape)) {
        throw new InterpretError(`${n.op} ${name}: ${t.length} values for shape [${n.shape}]`);
      }
      return t;
    }
    case Op.CONST:
      return Float64Array.of(n.arg as number);
    case Op.RANDOM: {
      const a = n.arg as RandomArg;
      const site = { seed: env.seed, stream: a.stream, step: env.step, draw: a.draw };
      return a.dist === "uniform" ? uniformTensor(site, size(n.shape)) : normalTensor(site, size(n.shape));
    }
    case Op.NEG:
      return map1(s[0], (x) => -x);
    case Op.EXP:
      return map1(s[0], Math.exp);
    case Op.LOG:
      return map1(s[0], Math.log);
    case Op.SQRT:
      return map1(s[0], Math.sqrt);
    case Op.RECIP:
      return map1(s[0], (x) => 1 / x);
    case Op.ABS:
      return map1(s[0], Math.abs);
    case Op.DETACH:
      return map1(s[0], (x) => x);
    case Op.SIGMOID:
      return map1(s[0], sigmoid);
    case Op.TANH:
      return map1(s[0], Math.tanh);
    case Op.SOFTPLUS:
      return map1(s[0], softplus);
    case Op.ADD:
      return map2(s[0], s[1], (a, b) => a + b);
    case Op.SUB:
      return map2(s[0], s[1], (a, b) => a - b);
    case Op.MUL:
      return map2(s[0], s[1], (a, b) => a * b);
    case Op.DIV:
      return map2(s[0], s[1], (a, b) => a / b);
    case Op.MAX:
      return map2(s[0], s[1], Math.max);
    case Op.POW:
      return map2(s[0], s[1], (a, b) => a ** b);
    case Op.CMPLT:
      return map2(s[0], s[1], (a, b) => (a < b ? 1 : 0));
    case Op.CMPEQ:
      return map2(s[0], s[1], (a, b) => (a === b ? 1 : 0));
    case Op.WHERE: {
      const out = new Float64Array(s[0].length);
      for (let i = 0; i < out.length; i++) out[i] = s[0][i] !== 0 ? s[1][i] : s[2][i];
      return out;
    }
    case Op.SUM:
    case Op.MAXR:
      return reduce(n, s[0]);
    case Op.RESHAPE:
      return s[0];
    case Op.PERMUTE:
      return permute(s[0], n.src[0].shape, n.arg as number[]);
    case Op.EXPAND:
      return expand(s[0], n.src[0].shape, n.shape);
    case Op.ONEHOT: {
      const classes = n.arg as number;
      const out = new Float64Array(s[0].length * classes);
      s[0].forEach((x, i) => (out[i * classes + Math.min(Math.floor(x), classes - 1)] = 1));
      return out;
    }
    case Op.CONCAT: {
      const out = new Float64Array(s[0].length + s[1].length);
      out.set(s[0]);
      out.set(s[1], s[0].length);
      return out;
    }
    case Op.SLICE: {
      const [begin, end] = n.arg as [number, number];
      const row = size(n.shape) / (end - begin);
      return s[0].slice(begin * row, end * row);
    }
    case Op.MATMUL:
      return matmul(s[0], s[1], n.src[0].shape[0], n.src[0].shape[1], n.src[1].shape[1]);
    case Op.CONV2D:
      return conv2d(s[0], n.src[0].shape, s[1], n.src[1].shape, n.shape, n.arg as ConvArg);
    case Op.CONV2D_T:
      return conv2dT(s[0], n.src[0].shape, s[1], n.src[1].shape, n.shape, n.arg as ConvTArg);
    case Op.CONV2D_WGRAD:
      return conv2dWgrad(s[0], n.src[0].shape, s[1], n.src[1].shape, n.shape, n.arg as WgradArg);
    default:
      throw new InterpretError(`no interpreter for op ${n.op}`);
  }
}

function reduce(n: Node, x: Tensor): Tensor {
  const inShape = n.src[0].shape;
  const axes = n.arg as number[];
  const isMax = n.op === Op.MAXR;
  const out = new Float64Array(size(n.shape)).fill(isMax ? -Infinity : 0);
  const inSt = strides(inShape);
  const outSt = strides(n.shape);
  const kept = inShape.map((_, i) => i).filter((i) => !axes.includes(i));
  for (let i = 0; i < x.length; i++) {
    let o = 0;
    kept.forEach((ax, j) => (o += Math.floor(i / inSt[ax]) % inShape[ax] * outSt[j]));
    out[o] = isMax ? Math.max(out[o], x[i]) : out[o] + x[i];
  }
  return out;
}

function permute(x: Tensor, shape: readonly number[], order: number[]): Tensor {
  const inSt = strides(shape);
  const outShape = order.map((a) => shape[a]);
  const outSt = strides(outShape);
  const out = new Float64Array(x.length);
  for (let o = 0; o < out.length; o++) {
    let i = 0;
    for (let d = 0; d < order.length; d++) i += (Math.floor(o / outSt[d]) % outShape[d]) * inSt[order[d]];
    out[o] = x[i];
  }
  return out;
}

function expand(x: Tensor, inShape: readonly number[], outShape: readonly number[]): Tensor {
  const inSt = strides(inShape);
  const outSt = strides(outShape);
  const out = new Float64Array(size(outShape));
  for (let o = 0; o < out.length; o++) {
    let i = 0;
    for (let d = 0; d < outShape.length; d++) {
      if (inShape[d] !== 1) i += (Math.floor(o / outSt[d]) % outShape[d]) * inSt[d];
    }
    out[o] = x[i];
  }
  return out;
}

function matmul(a: Tensor, b: Tensor, m: number, k: number, n: number): Tensor {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const av = a[i * k + p];
      if (av === 0) continue;
      for (let j = 0; j < n; j++) out[i * n + j] += av * b[p * n + j];
    }
  }
  return out;
}

// The three convolution ops share one loop nest: output pixel (oh, ow) of a conv2d reads input pixel
// (oh * stride - padding + i, ow * stride - padding + j) through kernel tap (i, j).
function convLoop(
  b: number,
  c: number,
  h: number,
  w: number, // the conv2d's input
  o: number,
  oh: number,
  ow: number, // the conv2d's output
  k: number,
  arg: ConvArg,
  body: (n: number, ci: number, y: number, x: number, co: number, p: number, q: number, ti: number, tj: number) => void,
) {
  for (let n = 0; n < b; n++) {
    for (let co = 0; co < o; co++) {
      for (let p = 0; p < oh; p++) {
        for (let q = 0; q < ow; q++) {
          for (let ci = 0; ci < c; ci++) {
            for (let ti = 0; ti < k; ti++) {
              const y = p * arg.stride - arg.padding + ti;
              if (y < 0 || y >= h) continue;
              for (let tj = 0; tj < k; tj++) {
                const x = q * arg.stride - arg.padding + tj;
                if (x < 0 || x >= w) continue;
                body(n, ci, y, x, co, p, q, ti, tj);
              }
            }
          }
        }
      }
    }
  }
}

function conv2d(
  x: Tensor,
  xs: readonly number[],
  wt: Tensor,
  ws: readonly number[],
  os: readonly number[],
  arg: ConvArg,
): Tensor {
  const [b, c, h, w] = xs;
  const [, o, oh, ow] = os;
  const k = ws[2];
  const out = new Float64Array(size(os));
  convLoop(b, c, h, w, o, oh, ow, k, arg, (n, ci, y, xx, co, p, q, ti, tj) => {
    out[((n * o + co) * oh + p) * ow + q] += x[((n * c + ci) * h + y) * w + xx] * wt[((co * c + ci) * k + ti) * k + tj];
  });
  return out;
}

/** Transposed conv: the adjoint of conv2d with respect to its input. Its input plays the conv2d's output. */
function conv2dT(
  x: Tensor,
  xs: readonly number[],
  wt: Tensor,
  ws: readonly number[],
  os: readonly number[],
  arg: ConvTArg,
): Tensor {
  const [b, c, h, w] = xs; // c input channels; (h, w) play the conv2d's output size
  const [, o, oh, ow] = os; // (oh, ow) play the conv2d's input size
  const k = ws[2];
  const out = new Float64Array(size(os));
  convLoop(b, o, oh, ow, c, h, w, k, arg, (n, ci, y, xx, co, p, q, ti, tj) => {
    // here ci runs over this op's output channels and co over its input channels
    out[((n * o + ci) * oh + y) * ow + xx] += x[((n * c + co) * h + p) * w + q] * wt[((co * o + ci) * k + ti) * k + tj];
  });
  return out;
}

/** The weight gradient of conv2d: x is the conv2d's input, g the gradient at its output. */
function conv2dWgrad(
  x: Tensor,
  xs: readonly number[],
  g: Tensor,
  gs: readonly number[],
  os: readonly number[],
  arg: WgradArg,
): Tensor {
  const [b, c, h, w] = xs;
  const [, o, oh, ow] = gs;
  const k = arg.kernel;
  const out = new Float64Array(size(os));
  convLoop(b, c, h, w, o, oh, ow, k, arg, (n, ci, y, xx, co, p, q, ti, tj) => {
    out[((co * c + ci) * k + ti) * k + tj] += x[((n * c + ci) * h + y) * w + xx] * g[((n * o + co) * oh + p) * ow + q];
  });
  return out;
}
