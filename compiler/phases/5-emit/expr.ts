// Expressions: the WGSL for IR nodes at flat indices, with repeated subexpressions shared as `let`s and
// the index remaps (expand, permute, slice, concat) written as index arithmetic.
import type { Node, Shape } from "../../ir/node.ts";
import { size } from "../../ir/node.ts";
import { Op, type RandomArg } from "../../ir/ops.ts";
import type { Location } from "./frame.ts";

/**
 * An infinity or NaN as WGSL. Tint (Chromium) rejects a constant expression whose value is not finite,
 * so the bits go through a runtime value (the clock, masked to zero) that no front end folds.
 */
export const nonFinite = (bits: string) => `bitcast<f32>(${bits} | (clock[0] & 0u))`;

const f32 = (x: number): string => {
  if (Number.isNaN(x)) return nonFinite("0x7fc00000u");
  if (!Number.isFinite(x)) return nonFinite(x > 0 ? "0x7f800000u" : "0xff800000u");
  if (Number.isInteger(x) && Math.abs(x) < 1e7) return `${x}.0`;
  const s = Math.fround(x).toPrecision(9);
  return /[.e]/.test(s) ? (s.includes("e") && !s.includes(".") ? s.replace("e", ".0e") : s) : `${s}.0`;
};

export function strides(shape: Shape): number[] {
  const st = new Array(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) st[i] = st[i + 1] * shape[i + 1];
  return st;
}

/** Thrown when an epilogue cannot run four outputs at a time; the emitter then writes it per output. */
export class NotVectorisable extends Error {}

/** Emits expressions for nodes at given flat indices, sharing repeated subexpressions within a scope. */
export class Expr {
  private lines: string[] = [];
  private scopes: Map<string, string>[] = [new Map()];
  private next = 0;
  constructor(
    private readonly where: (n: Node) => Location | undefined,
    /** The node the kernel writes: computed here even though it has a buffer (none: read it). */
    private readonly root: Node | undefined,
    private readonly anchor?: { node: Node; value: string },
    /** Where values that are the same for every element (learning rates, momenta) are computed once. */
    private readonly prelude?: Expr,
  ) {}

  /** Names of its `let`s: v0, v1, ... (a prelude's are p0, p1, ...). */
  prefix = "v";
  /**
   * Four outputs at a time: `idx` is a texel index (elements 4 idx .. 4 idx + 3) and every value a
   * vec4, read from and written to arenas declared as arrays of vec4 (one access per texel instead of four).
   */
  vec4 = false;
  /** The arenas are declared as arrays of vec4 in this kernel: a scalar read picks one component. */
  vecArenas = false;
  /** A scalar constant or value as what this expression computes with (a splat in vec4 mode). */
  private lift(x: string): string {
    return this.vec4 ? `vec4<f32>(${x})` : x;
  }
  /** A read of a stored value at idx. */
  private load(loc: Location, idx: string, n: Node): string {
    if (this.vec4) {
      if (size(n.shape) % 4 !== 0) {
        throw new NotVectorisable(`a value of ${size(n.shape)} elements is not whole texels`);
      }
      if (loc.offset % 4 !== 0) throw new NotVectorisable(`${loc.arena}[${loc.offset}] is not on a texel boundary`);
      return `${loc.arena}[${loc.name} / 4u + (${idx})]`;
    }
    if (this.vecArenas) return `${loc.arena}[(${loc.name} + (${idx})) / 4u][(${loc.name} + (${idx})) % 4u]`;
    return `${loc.arena}[${loc.name} + (${idx})]`;
  }
  /** Nodes computed here although they have buffers (values a kernel stores besides its root). */
  readonly computed = new Set<Node>();
  /** Nodes whose value is already a name in the code (a maxout's max). */
  readonly fixed = new Map<Node, string>();
  private anchored = new Map<Node, boolean>();
  /** Whether n's expression reaches the anchor (then it cannot be hoisted). */
  private touchesAnchor(n: Node): boolean {
    if (!this.anchor && this.fixed.size === 0) return false;
    if (n === this.anchor?.node || this.fixed.has(n)) return true;
    if (
      n.op === Op.PARAM || n.op === Op.INPUT || n.op === Op.CONST ||
      (n !== this.root && !this.computed.has(n) && this.where(n))
    ) return false;
    let r = this.anchored.get(n);
    if (r === undefined) {
      r = n.src.some((s) => this.touchesAnchor(s));
      this.anchored.set(n, r);
    }
    return r;
  }

  code(indent: string): string {
    return this.lines.map((l) => indent + l).join("\n");
  }
  take(): string[] {
    const l = this.lines;
    this.lines = [];
    return l;
  }
  push(): void {
    this.scopes.push(new Map());
  }
  pop(): void {
    this.scopes.pop();
  }

  /** A WGSL expression (usually a `let` name) for node n at flat index `idx` (a u32 expression). */
  at(n: Node, idx: string): string {
    if (n.op === Op.CONST) return this.lift(f32(n.arg as number));
    if (this.anchor && n === this.anchor.node) return this.anchor.value;
    const fixed = this.fixed.get(n);
    if (fixed) return fixed;
    if (this.prelude && size(n.shape) === 1 && n !== this.root && !this.touchesAnchor(n)) {
      return this.lift(this.prelude.at(n, "0u"));
    }
    const loc = n === this.root || this.computed.has(n) ? undefined : this.where(n);
    if (loc && this.prefix === "p") return this.bind(`${n.id}@${idx}`, this.load(loc, idx, n));
    if (loc) return this.load(loc, idx, n);
    if (n.op === Op.INPUT) {
      if (n.arg === "step") return this.lift("bitcast<f32>(clock[0])");
      if (n.arg === "epoch") return this.lift("bitcast<f32>(clock[1])");
      throw new Error(`input ${n.arg} has no buffer`);
    }
    const key = `${n.id}@${idx}`;
    for (const s of this.scopes) {
      const hit = s.get(key);
      if (hit) return hit;
    }
    // index remaps produce no value of their own: the source's expression, read at the new index
    if (n.op === Op.RESHAPE || n.op === Op.EXPAND || n.op === Op.PERMUTE || n.op === Op.SLICE) {
      const v = this.compute(n, idx);
      this.scopes[this.scopes.length - 1].set(key, v);
      return v;
    }
    const v = this.compute(n, idx);
    const name = `${this.prefix}${this.next++}`;
    this.declared.push(name);
    this.lines.push(`let ${name} = ${v};`);
    this.scopes[this.scopes.length - 1].set(key, name);
    return name;
  }

  /** The names of the `let`s it has emitted. */
  names(): string[] {
    return [...this.declared];
  }
  private declared: string[] = [];

  /** A `let` for a value, once per scope. */
  private bind(key: string, value: string): string {
    for (const s of this.scopes) {
      const hit = s.get(key);
      if (hit) return hit;
    }
    const name = `${this.prefix}${this.next++}`;
    this.declared.push(name);
    this.lines.push(`let ${name} = ${value};`);
    this.scopes[this.scopes.length - 1].set(key, name);
    return name;
  }

  private compute(n: Node, idx: string): string {
    const s = n.src;
    const a = () => this.at(s[0], idx);
    const b = () => this.at(s[1], idx);
    const c = (x: string) => this.lift(x);
    if (this.vec4) {
      const why = this.vecRemapRefusal(n);
      if (why) throw new NotVectorisable(why);
    }
    switch (n.op) {
      case Op.NEG:
        return `-(${a()})`;
      case Op.EXP:
        return `exp(${a()})`;
      case Op.LOG:
        return `log(${a()})`;
      case Op.SQRT:
        return `sqrt(${a()})`;
      case Op.RECIP:
        return `1.0 / ${a()}`;
      case Op.ABS:
        return `abs(${a()})`;
      case Op.DETACH:
        return `(${a()})`;
      case Op.SIGMOID: {
        const x = a();
        return `select(exp(${x}) / (1.0 + exp(${x})), 1.0 / (1.0 + exp(-(${x}))), ${x} >= ${c("0.0")})`;
      }
      case Op.TANH:
        return `tanh(clamp(${a()}, ${c("-15.0")}, ${c("15.0")}))`;
      case Op.SOFTPLUS: {
        const x = a();
        return `max(${x}, ${c("0.0")}) + log(1.0 + exp(-abs(${x})))`;
      }
      case Op.ADD:
        return `${a()} + ${b()}`;
      case Op.SUB:
        return `${a()} - ${b()}`;
      case Op.MUL:
        return `${a()} * ${b()}`;
      case Op.DIV:
        return `${a()} / ${b()}`;
      case Op.MAX:
        return `max(${a()}, ${b()})`;
      case Op.POW:
        return `pow(${a()}, ${b()})`;
      case Op.CMPLT:
        return `select(${c("0.0")}, ${c("1.0")}, ${a()} < ${b()})`;
      case Op.CMPEQ:
        return `select(${c("0.0")}, ${c("1.0")}, ${a()} == ${b()})`;
      case Op.WHERE:
        return `select(${this.at(s[2], idx)}, ${this.at(s[1], idx)}, ${this.at(s[0], idx)} != ${c("0.0")})`;
      case Op.RESHAPE:
        return this.at(s[0], idx);
      case Op.EXPAND:
        // vec4: the last axis is kept and whole texels long (vecRemapRefusal), so four outputs read four
        // consecutive source elements starting on a texel
        if (this.vec4 && size(s[0].shape) === 1) return this.at(s[0], "0u");
        if (this.vec4) return this.at(s[0], `(${remapExpand(s[0].shape, n.shape, `((${idx}) * 4u)`)}) / 4u`);
        return this.at(s[0], remapExpand(s[0].shape, n.shape, idx));
      case Op.PERMUTE:
        return this.at(s[0], remapPermute(s[0].shape, n.arg as number[], idx));
      case Op.SLICE: {
        const [begin] = n.arg as [number, number];
        const row = size(n.shape.slice(1));
        const skip = this.vec4 ? (begin * row) / 4 : begin * row;
        return begin === 0 ? this.at(s[0], idx) : this.at(s[0], `(${idx}) + ${skip}u`);
      }
      case Op.CONCAT: {
        // both sides are evaluated (WGSL's select is not lazy); the unused one reads a harmless index
        const split = size(s[0].shape);
        const inA = `(${idx}) < ${split}u`;
        const va = this.at(s[0], `min(${idx}, ${split - 1}u)`);
        const vb = this.at(s[1], `select(0u, (${idx}) - ${split}u, ${inA.replace("<", ">=")})`);
        return `select(${vb}, ${va}, ${inA})`;
      }
      case Op.ONEHOT: {
        const classes = n.arg as number;
        const k = `min(floor(${this.at(s[0], `(${idx}) / ${classes}u`)}), ${c(`${classes - 1}.0`)})`;
        return `select(${c("0.0")}, ${c("1.0")}, ${k} == f32((${idx}) % ${classes}u))`;
      }
      case Op.RANDOM: {
        const r = n.arg as RandomArg;
        return `rand_${r.dist}(${r.stream}u, ${r.draw}u, ${idx})`;
      }
      default:
        throw new Error(`op ${n.op} cannot be inlined`);
    }
  }

  /** Why node n cannot be computed four outputs at a time (undefined: it can). */
  private vecRemapRefusal(n: Node): string | undefined {
    const s = n.src;
    switch (n.op) {
      case Op.EXPAND: {
        const from = s[0].shape;
        if (size(from) === 1) return undefined; // a scalar: the same for all four
        const last = n.shape[n.shape.length - 1] ?? 1;
        return from.length === n.shape.length && from[from.length - 1] === last && last % 4 === 0
          ? undefined
          : "a broadcast across a texel";
      }
      case Op.SLICE: {
        const [begin] = n.arg as [number, number];
        return (begin * size(n.shape.slice(1))) % 4 === 0 ? undefined : "a slice that starts inside a texel";
      }
      case Op.PERMUTE:
      case Op.CONCAT:
      case Op.RANDOM:
      case Op.ONEHOT:
        return `${n.op} reads element by element`;
      default:
        return undefined;
    }
  }
}

export function newPrelude(where: (n: Node) => Location | undefined, root: Node | undefined): Expr {
  const e = new Expr(where, root);
  e.prefix = "p";
  return e;
}

export function coord(idx: string, stride: number, dim: number): string {
  const i = /^[\w.]+$/.test(idx) ? idx : `(${idx})`;
  return dim === 1 ? "0u" : stride === 1 ? `(${i} % ${dim}u)` : `((${i} / ${stride}u) % ${dim}u)`;
}

export function remapExpand(from: Shape, to: Shape, idx: string): string {
  const st = strides(to);
  const sf = strides(from);
  const parts = from.map((d, i) => (d === 1 ? "" : `${coord(idx, st[i], to[i])} * ${sf[i]}u`)).filter(Boolean);
  return parts.length ? `(${parts.join(" + ")})` : "0u";
}

export function remapPermute(from: Shape, order: number[], idx: string): string {
  const to = order.map((a) => from[a]);
  const st = strides(to);
  const sf = strides(from);
  return `(${order.map((a, d) => `${coord(idx, st[d], to[d])} * ${sf[a]}u`).join(" + ")})`;
}
