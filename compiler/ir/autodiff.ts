// Reverse-mode automatic differentiation on the IR: each op's vector-Jacobian product, written with
// IR ops, so backward graphs are ordinary IR (fused, interpreted and checked like the forward ones).
import { type Graph, IRError, type Node } from "./node.ts";
import { type ConvArg, type ConvTArg, Op, type WgradArg } from "./ops.ts";

/** Gradients of a scalar `loss` with respect to each of `wrt` (zeros where the loss does not depend on it). */
export function grad(g: Graph, loss: Node, wrt: readonly Node[]): Node[] {
  if (loss.shape.length !== 0) throw new IRError(`grad: the loss must be a scalar, got [${loss.shape}]`);
  const order = topo(loss);
  const adj = new Map<Node, Node>([[loss, g.const(1)]]);
  const accumulate = (n: Node, d: Node) => {
    const prev = adj.get(n);
    adj.set(n, prev ? g.add(prev, d) : d);
  };
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i];
    const dy = adj.get(n);
    if (!dy) continue;
    vjp(g, n, dy).forEach((d, j) => d && accumulate(n.src[j], d));
  }
  return wrt.map((w) => adj.get(w) ?? g.const(0, w.shape));
}

/** Nodes the output depends on, sources first. */
export function topo(...outputs: Node[]): Node[] {
  const seen = new Set<Node>();
  const order: Node[] = [];
  const stack: [Node, boolean][] = outputs.map((o) => [o, false]);
  while (stack.length) {
    const [n, done] = stack.pop()!;
    if (done) {
      order.push(n);
      continue;
    }
    if (seen.has(n)) continue;
    seen.add(n);
    stack.push([n, true]);
    for (const s of n.src) if (!seen.has(s)) stack.push([s, false]);
  }
  return order;
}

/** The gradient flowing to each source of n, given the gradient dy at n; undefined where none flows. */
function vjp(g: Graph, n: Node, dy: Node): (Node | undefined)[] {
  const [a, b] = n.src;
  switch (n.op) {
    case Op.PARAM:
    case Op.INPUT:
    case Op.CONST:
    case Op.RANDOM:
      return [];
    case Op.NEG:
      return [g.neg(dy)];
    case Op.EXP:
      return [g.mul(dy, n)];
    case Op.LOG:
      return [g.div(dy, a)];
    case Op.SQRT:
      return [g.div(dy, g.scale(n, 2))];
    case Op.RECIP:
      return [g.neg(g.mul(dy, g.mul(n, n)))];
    case Op.ABS: {
      const zero = g.const(0, a.shape);
      return [g.mul(dy, g.sub(g.cmplt(zero, a), g.cmplt(a, zero)))];
    }
    case Op.SIGMOID:
      return [g.mul(dy, g.mul(n, g.sub(g.const(1, n.shape), n)))];
    case Op.TANH:
      return [g.mul(dy, g.sub(g.const(1, n.shape), g.mul(n, n)))];
    case Op.SOFTPLUS:
      return [g.mul(dy, g.sigmoid(a))];
    case Op.ADD:
      return [dy, dy];
    case Op.SUB:
      return [dy, g.neg(dy)];
    case Op.MUL:
      return [g.mul(dy, b), g.mul(dy, a)];
    case Op.DIV:
      return [g.div(dy, b), g.neg(g.div(g.mul(dy, n), b))];
    case Op.MAX: {
      // Ties go to the first operand, as the forward max picks it.
      const bWins = g.cmplt(a, b);
      return [g.mul(dy, g.sub(g.const(1, n.shape), bWins)), g.mul(dy, bWins)];
    }
    case Op.POW:
      // d(a^b)/da = b a^(b-1); d/db = a^b log a (only where a > 0, the sole place it is defined)
      return [
        g.mul(dy, g.mul(b, g.pow(a, g.sub(b, g.const(1, b.shape))))),
        b.op === Op.CONST || (b.op === Op.EXPAND && b.src[0].op === Op.RESHAPE && b.src[0].src[0].op === Op.CONST)
          ? undefined
          : g.mul(dy, g.mul(n, g.log(a))),
      ];
    case Op.CMPLT:
    case Op.CMPEQ:
    case Op.DETACH:
    case Op.ONEHOT: // class numbers: piecewise constant
      return [];
    case Op.WHERE: {
      const zero = g.const(0, n.shape);
      return [undefined, g.where(a, dy, zero), g.where(a, zero, dy)];
    }
    case Op.SUM:
      return [g.expand(g.reshape(dy, keepDims(a.shape, n.arg as number[])), a.shape)];
    case Op.MAXR: {
      // Exact ties (a maxout unit whose inputs were all dropped sees only its biases) share the gradient:
      // the average of the one-sided derivatives, which is also what central differences measure.
      const axes = n.arg as number[];
      const keep = keepDims(a.shape, axes);
      const winner = g.cmpeq(a, g.expand(g.reshape(n, keep), a.shape));
      const ties = g.expand(g.reshape(g.sum(winner, axes), keep), a.shape);
      return [g.div(g.mul(winner, g.expand(g.reshape(dy, keep), a.shape)), ties)];
    }
    case Op.RESHAPE:
      return [g.reshape(dy, a.shape)];
    case Op.PERMUTE: {
      const order = n.arg as number[];
      const inverse = order.map((_, i) => order.indexOf(i));
      return [g.permute(dy, inverse)];
    }
    case Op.EXPAND: {
      const axes = a.shape.map((d, i) => (d === 1 && n.shape[i] !== 1 ? i : -1)).filter((i) => i >= 0);
      return [g.reshape(g.sum(dy, axes), a.shape)];
    }
    case Op.CONCAT:
      return [g.slice0(dy, 0, a.shape[0]), g.slice0(dy, a.shape[0], n.shape[0])];
    case Op.SLICE: {
      // zeros around the slice's gradient, back to the source's rows
      const [begin, end] = n.arg as [number, number];
      const rest = a.shape.slice(1);
      let d = dy;
      if (begin > 0) d = g.concat0(g.const(0, [begin, ...rest]), d);
      if (end < a.shape[0]) d = g.concat0(d, g.const(0, [a.shape[0] - end, ...rest]));
      return [d];
    }
    case Op.MATMUL:
      return [g.matmul(dy, g.transpose(b)), g.matmul(g.transpose(a), dy)];
    case Op.CONV2D: {
      const arg = n.arg as ConvArg;
      const k = b.shape[2];
      // output_padding recovers the input rows that the stride skipped past
      const outputPadding = a.shape[2] - ((n.shape[2] - 1) * arg.stride - 2 * arg.padding + k);
      return [
        g.conv2dT(dy, b, { ...arg, outputPadding }),
        g.conv2dWgrad(a, dy, { ...arg, kernel: k }),
      ];
    }
    case Op.CONV2D_T: {
      const arg = n.arg as ConvTArg;
      const conv = { stride: arg.stride, padding: arg.padding };
      return [g.conv2d(dy, b, conv), g.conv2dWgrad(dy, a, { ...conv, kernel: b.shape[2] })];
    }
    case Op.CONV2D_WGRAD: {
      // Linear in both operands: x [b, c, h, w] and gy [b, o, h', w'] give dw [o, c, k, k].
      const arg = n.arg as WgradArg;
      const conv = { stride: arg.stride, padding: arg.padding };
      const outputPadding = a.shape[2] - ((b.shape[2] - 1) * arg.stride - 2 * arg.padding + arg.kernel);
      return [g.conv2dT(b, dy, { ...conv, outputPadding }), g.conv2d(a, dy, conv)];
    }
    default:
      throw new IRError(`no gradient for op ${n.op}`);
  }
}

function keepDims(shape: readonly number[], axes: number[]): number[] {
  return shape.map((d, i) => (axes.includes(i) ? 1 : d));
}
