// One immutable node type. Nodes are built only through `Graph`, which infers shapes, checks operands
// and shares identical nodes (same op, argument and sources), so common subexpressions exist once.
import { type ConvArg, type ConvTArg, Op, type OpName, type RandomArg, type WgradArg } from "./ops.ts";

export type Shape = readonly number[];

export interface Node {
  readonly id: number;
  readonly op: OpName;
  readonly shape: Shape;
  readonly src: readonly Node[];
  readonly arg: unknown;
  /** Where it came from, for the IR listing and kernel comments: e.g. "G.0 dense (line 12)". */
  readonly tag?: string;
}

export class IRError extends Error {}

export const size = (s: Shape) => s.reduce((a, b) => a * b, 1);
const eq = (a: Shape, b: Shape) => a.length === b.length && a.every((x, i) => x === b[i]);
const show = (s: Shape) => `[${s.join(", ")}]`;

export class Graph {
  private readonly nodes = new Map<string, Node>();
  private nextId = 0;
  /** Tag given to nodes created from now on (the layer being lowered). */
  tag: string | undefined;

  all(): Node[] {
    return [...this.nodes.values()].sort((a, b) => a.id - b.id);
  }

  private make(op: OpName, shape: Shape, src: readonly Node[], arg: unknown = null): Node {
    const key = `${op}|${JSON.stringify(arg)}|${src.map((s) => s.id).join(",")}|${shape.join("x")}`;
    const found = this.nodes.get(key);
    if (found) return found;
    const node: Node = Object.freeze({
      id: this.nextId++,
      op,
      shape: Object.freeze([...shape]),
      src: Object.freeze([...src]),
      arg,
      ...(this.tag ? { tag: this.tag } : {}),
    });
    this.nodes.set(key, node);
    return node;
  }

  // sources
  param(name: string, shape: Shape): Node {
    return this.make(Op.PARAM, shape, [], name);
  }
  input(name: string, shape: Shape): Node {
    return this.make(Op.INPUT, shape, [], name);
  }
  const(value: number, shape: Shape = []): Node {
    const c = this.make(Op.CONST, [], [], value);
    return shape.length ? this.expand(this.reshape(c, shape.map(() => 1)), shape) : c;
  }
  random(arg: RandomArg, shape: Shape): Node {
    return this.make(Op.RANDOM, shape, [], arg);
  }

  // elementwise
  unary(op: OpName, x: Node): Node {
    const r = op === Op.NEG ? this.zeroRows(x) : undefined; // -0 rows are 0 rows
    if (r) return this.padRows(this.unary(op, r.inner), r);
    return this.make(op, x.shape, [x]);
  }
  binary(op: OpName, a: Node, b: Node): Node {
    if (!eq(a.shape, b.shape)) throw new IRError(`${op}: shapes ${show(a.shape)} and ${show(b.shape)} differ`);
    if (a.op === Op.CONST && b.op === Op.CONST) {
      const x = a.arg as number;
      const y = b.arg as number;
      const folded: Partial<Record<OpName, number>> = {
        add: x + y,
        sub: x - y,
        mul: x * y,
        div: x / y,
        max: Math.max(x, y),
        pow: x ** y,
      };
      if (folded[op] !== undefined) return this.const(folded[op]!);
    }
    const zeroRows = this.binaryOnRows(op, a, b);
    if (zeroRows) return zeroRows;
    return this.make(op, a.shape, [a, b]);
  }
  where(c: Node, a: Node, b: Node): Node {
    if (!eq(c.shape, a.shape) || !eq(a.shape, b.shape)) throw new IRError("where: operand shapes differ");
    return this.make(Op.WHERE, a.shape, [c, a, b]);
  }
  neg = (x: Node) => this.unary(Op.NEG, x);
  exp = (x: Node) => this.unary(Op.EXP, x);
  log = (x: Node) => this.unary(Op.LOG, x);
  sqrt = (x: Node) => this.unary(Op.SQRT, x);
  recip = (x: Node) => this.unary(Op.RECIP, x);
  abs = (x: Node) => this.unary(Op.ABS, x);
  sigmoid = (x: Node) => this.unary(Op.SIGMOID, x);
  tanh = (x: Node) => this.unary(Op.TANH, x);
  softplus = (x: Node) => this.unary(Op.SOFTPLUS, x);
  detach = (x: Node) => this.unary(Op.DETACH, x);
  add = (a: Node, b: Node) => this.binary(Op.ADD, a, b);
  sub = (a: Node, b: Node) => this.binary(Op.SUB, a, b);
  mul = (a: Node, b: Node) => this.binary(Op.MUL, a, b);
  div = (a: Node, b: Node) => this.binary(Op.DIV, a, b);
  max = (a: Node, b: Node) => this.binary(Op.MAX, a, b);
  /** min(a, b) = -max(-a, -b): no op of its own. */
  min = (a: Node, b: Node) => this.neg(this.max(this.neg(a), this.neg(b)));
  pow = (a: Node, b: Node) => this.binary(Op.POW, a, b);
  cmplt = (a: Node, b: Node) => this.binary(Op.CMPLT, a, b);
  cmpeq = (a: Node, b: Node) => this.binary(Op.CMPEQ, a, b);

  /** x op scalar, the scalar broadcast to x's shape. */
  scale = (x: Node, k: number) => (k === 1 ? x : this.mul(x, this.const(k, x.shape)));
  addScalar = (x: Node, k: number) => (k === 0 ? x : this.add(x, this.const(k, x.shape)));
  /** A scalar node broadcast to a shape. */
  broadcast(scalar: Node, shape: Shape): Node {
    if (scalar.shape.length !== 0) throw new IRError(`broadcast: expected a scalar, got ${show(scalar.shape)}`);
    return shape.length ? this.expand(this.reshape(scalar, shape.map(() => 1)), shape) : scalar;
  }

  // reduce
  reduce(op: typeof Op.SUM | typeof Op.MAXR, x: Node, axes: number[]): Node {
    const sorted = [...new Set(axes)].sort((a, b) => a - b);
    if (sorted.some((a) => a < 0 || a >= x.shape.length)) {
      throw new IRError(`${op}: axes ${axes} out of range for ${show(x.shape)}`);
    }
    if (sorted.length === 0) return x;
    const r = sorted.includes(0) ? undefined : this.zeroRows(x); // a reduction within rows keeps zero rows zero
    if (r) return this.padRows(this.reduce(op, r.inner, sorted), r);
    return this.make(op, x.shape.filter((_, i) => !sorted.includes(i)), [x], sorted);
  }
  sum = (x: Node, axes: number[]) => this.reduce(Op.SUM, x, axes);
  maxr = (x: Node, axes: number[]) => this.reduce(Op.MAXR, x, axes);
  /** Mean over all elements: a scalar. */
  mean(x: Node): Node {
    return this.scale(this.sum(x, x.shape.map((_, i) => i)), 1 / size(x.shape));
  }

  // movement
  reshape(x: Node, shape: Shape): Node {
    if (size(shape) !== size(x.shape)) {
      throw new IRError(`reshape: ${show(x.shape)} to ${show(shape)} changes the size`);
    }
    if (eq(shape, x.shape)) return x;
    const r = shape.length > 0 && shape[0] === x.shape[0] ? this.zeroRows(x) : undefined; // rows stay rows
    if (r) return this.padRows(this.reshape(r.inner, [r.inner.shape[0], ...shape.slice(1)]), r);
    const inner = x.op === Op.RESHAPE ? x.src[0] : x; // reshape of a reshape is one reshape
    return eq(shape, inner.shape) ? inner : this.make(Op.RESHAPE, shape, [inner], [...shape]);
  }
  permute(x: Node, order: number[]): Node {
    if (order.length !== x.shape.length || [...order].sort().some((a, i) => a !== i)) {
      throw new IRError(`permute: bad order ${order}`);
    }
    if (order.every((a, i) => a === i)) return x;
    const r = order[0] === 0 ? this.zeroRows(x) : undefined;
    if (r) return this.padRows(this.permute(r.inner, order), r);
    return this.make(Op.PERMUTE, order.map((a) => x.shape[a]), [x], [...order]);
  }
  transpose = (x: Node) => this.permute(x, [1, 0]);
  expand(x: Node, shape: Shape): Node {
    if (shape.length !== x.shape.length || x.shape.some((d, i) => d !== 1 && d !== shape[i])) {
      throw new IRError(`expand: ${show(x.shape)} to ${show(shape)}`);
    }
    if (eq(shape, x.shape)) return x;
    const r = shape[0] === x.shape[0] ? this.zeroRows(x) : undefined;
    if (r) return this.padRows(this.expand(r.inner, [r.inner.shape[0], ...shape.slice(1)]), r);
    return this.make(Op.EXPAND, shape, [x], [...shape]);
  }

  /** x [n] of class numbers (whole, or u * classes for a uniform u) as rows of one-hot vectors [n, classes]. */
  onehot(x: Node, classes: number): Node {
    if (x.shape.length !== 1 || !(classes >= 1)) throw new IRError(`onehot: ${show(x.shape)}, ${classes} classes`);
    return this.make(Op.ONEHOT, [x.shape[0], classes], [x], classes);
  }

  /** a and b stacked along axis 0. */
  concat0(a: Node, b: Node): Node {
    if (a.shape.length === 0 || !eq(a.shape.slice(1), b.shape.slice(1))) {
      throw new IRError(`concat: ${show(a.shape)} and ${show(b.shape)}`);
    }
    return this.make(Op.CONCAT, [a.shape[0] + b.shape[0], ...a.shape.slice(1)], [a, b]);
  }
  /** Rows [begin, end) of x. */
  slice0(x: Node, begin: number, end: number): Node {
    if (x.shape.length === 0 || !(0 <= begin && begin < end && end <= x.shape[0])) {
      throw new IRError(`slice: [${begin}, ${end}) of ${show(x.shape)}`);
    }
    if (begin === 0 && end === x.shape[0]) return x;
    if (x.op === Op.CONCAT) {
      // rows of one part of a stack are rows of that part
      const [a, b] = x.src;
      const n = a.shape[0];
      if (end <= n) return this.slice0(a, begin, end);
      if (begin >= n) return this.slice0(b, begin - n, end - n);
    }
    if (isZero(x)) return this.const(0, [end - begin, ...x.shape.slice(1)]);
    if (x.op === Op.EXPAND && x.src[0].shape[0] === 1) return this.expand(x.src[0], [end - begin, ...x.shape.slice(1)]); // a broadcast's rows
    return this.make(Op.SLICE, [end - begin, ...x.shape.slice(1)], [x], [begin, end]);
  }

  // contraction
  matmul(a: Node, b: Node): Node {
    if (a.shape.length !== 2 || b.shape.length !== 2 || a.shape[1] !== b.shape[0]) {
      throw new IRError(`matmul: ${show(a.shape)} x ${show(b.shape)}`);
    }
    const r = this.zeroRows(a); // zero rows of A are zero rows of A B
    if (r) return this.padRows(this.matmul(r.inner, b), r);
    return this.make(Op.MATMUL, [a.shape[0], b.shape[1]], [a, b]);
  }

  // Zero rows. A gradient that flows back through a slice of a stacked batch (G's loss reads only the
  // generated half of D's output) is zeros around the slice's gradient. The rules below keep such
  // zeros outside every row-wise op instead of computing through them, so the backward pass through D
  // for G's loss runs on the generated rows alone; the zeros are never computed.

  /** x as zero rows around an inner tensor (concat0 of zeros and x, at any depth); undefined otherwise. */
  private zeroRows(x: Node): ZeroRows | undefined {
    if (x.op !== Op.CONCAT) return undefined;
    const [a, b] = x.src;
    if (isZero(a)) {
      const r = this.zeroRows(b) ?? { before: 0, inner: b, after: 0 };
      return { ...r, before: r.before + a.shape[0] };
    }
    if (isZero(b)) {
      const r = this.zeroRows(a) ?? { before: 0, inner: a, after: 0 };
      return { ...r, after: r.after + b.shape[0] };
    }
    return undefined;
  }
  private padRows(inner: Node, r: { before: number; after: number }): Node {
    const rest = inner.shape.slice(1);
    let x = inner;
    if (r.before) x = this.concat0(this.const(0, [r.before, ...rest]), x);
    if (r.after) x = this.concat0(x, this.const(0, [r.after, ...rest]));
    return x;
  }
  /** 0 * y, 0 / y: the other operand's matching rows; a + b and a - b when both have the same zero rows. */
  private binaryOnRows(op: OpName, a: Node, b: Node): Node | undefined {
    if (a.shape.length === 0) return undefined;
    const rows = (r: ZeroRows, y: Node) => this.slice0(y, r.before, y.shape[0] - r.after);
    const ra = this.zeroRows(a);
    if (op === Op.MUL || op === Op.DIV) {
      if (ra) return this.padRows(this.binary(op, ra.inner, rows(ra, b)), ra);
      const rb = op === Op.MUL ? this.zeroRows(b) : undefined;
      if (rb) return this.padRows(this.binary(op, rows(rb, a), rb.inner), rb);
    }
    if (op === Op.ADD || op === Op.SUB) {
      const rb = this.zeroRows(b);
      if (ra && rb && ra.before === rb.before && ra.after === rb.after) {
        return this.padRows(this.binary(op, ra.inner, rb.inner), ra);
      }
    }
    return undefined;
  }
  conv2d(x: Node, w: Node, arg: ConvArg): Node {
    const [b, c, h, wd] = x.shape;
    const [o, c2, k, k2] = w.shape;
    if (x.shape.length !== 4 || w.shape.length !== 4 || c !== c2 || k !== k2) {
      throw new IRError(`conv2d: ${show(x.shape)} with ${show(w.shape)}`);
    }
    const out = (n: number) => Math.floor((n + 2 * arg.padding - k) / arg.stride) + 1;
    return this.make(Op.CONV2D, [b, o, out(h), out(wd)], [x, w], { stride: arg.stride, padding: arg.padding });
  }
  conv2dT(x: Node, w: Node, arg: ConvTArg): Node {
    const [b, c, h, wd] = x.shape;
    const [c2, o, k, k2] = w.shape;
    if (x.shape.length !== 4 || w.shape.length !== 4 || c !== c2 || k !== k2) {
      throw new IRError(`conv2d_t: ${show(x.shape)} with ${show(w.shape)}`);
    }
    const out = (n: number) => (n - 1) * arg.stride - 2 * arg.padding + k + arg.outputPadding;
    return this.make(Op.CONV2D_T, [b, o, out(h), out(wd)], [x, w], {
      stride: arg.stride,
      padding: arg.padding,
      outputPadding: arg.outputPadding,
    });
  }
  conv2dWgrad(x: Node, g: Node, arg: WgradArg): Node {
    if (x.shape.length !== 4 || g.shape.length !== 4 || x.shape[0] !== g.shape[0]) {
      throw new IRError(`conv2d_wgrad: ${show(x.shape)} with ${show(g.shape)}`);
    }
    return this.make(Op.CONV2D_WGRAD, [g.shape[1], x.shape[1], arg.kernel, arg.kernel], [x, g], {
      stride: arg.stride,
      padding: arg.padding,
      kernel: arg.kernel,
    });
  }
}

interface ZeroRows {
  before: number;
  inner: Node;
  after: number;
}

/** A constant zero, broadcast or reshaped. */
function isZero(x: Node): boolean {
  if (x.op === Op.CONST) return x.arg === 0;
  return (x.op === Op.EXPAND || x.op === Op.RESHAPE) && isZero(x.src[0]);
}

export { show as showShape };
