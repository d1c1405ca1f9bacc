// Phase 5: one fused kernel as WGSL. Every value lives in one of two arenas, `state` (parameters and
// optimiser state) and `temp` (everything a step computes), at an offset fixed at compile time, so all
// kernels share one bind-group layout and no kernel needs more than five bindings.
import type { Node, Shape } from "../../ir/node.ts";
import { size } from "../../ir/node.ts";
import { type ConvArg, type ConvTArg, Op, type RandomArg, type WgradArg } from "../../ir/ops.ts";
import type { Kernel } from "../4-fuse/fuse.ts";
import { PHILOX_WGSL } from "./philox.wgsl.ts";
import { operandBase } from "../4-fuse/fuse.ts";
import { DEFAULT_TARGET, getTarget, type MatmulLayout, type Target } from "./targets.ts";

export interface Location {
  arena: "state" | "temp";
  offset: number;
}

export interface EmittedKernel {
  wgsl: string;
  /** Workgroups to dispatch: [x, y, 1]. */
  workgroups: [number, number, number];
  /** What it computes, for the kernel's header comment and listings. */
  label: string;
  /** Textures bound at @group(1), in binding order: the plan's texture ids and how the kernel uses them. */
  textures?: TextureBinding[];
}

export interface TextureBinding {
  id: number;
  access: "read" | "write";
}

/** What the emitter needs beyond the kernel: the tuning table entry, and where textures are. */
export interface EmitContext {
  target: Target;
  /** The plan's texture id holding node n (rule 7 operands). */
  texture?: (n: Node) => number;
}

export const HEADER = /* wgsl */ `
@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
`;

/** HEADER for kernels that read and write the arenas a texel (four floats) at a time. */
export const VEC4_HEADER = HEADER.replace(/array<f32>/g, "array<vec4<f32>>").replace(
  "data: array<vec4<f32>>",
  "data: array<f32>",
);

/** Clock words: 0 step as f32 bits, 1 epoch as f32 bits, 2 step, 3 seed, 4.. real batch offsets. */
export const CLOCK_WORDS = 4;

const LINEAR = 64; // invocations per workgroup for one-output-per-invocation kernels
const MAX_GROUPS = 65535;

/**
 * An infinity or NaN as WGSL. Tint (Chromium) rejects a constant expression whose value is not finite,
 * so the bits go through a runtime value (the clock, masked to zero) that no front end folds.
 */
const nonFinite = (bits: string) => `bitcast<f32>(${bits} | (clock[0] & 0u))`;

const f32 = (x: number): string => {
  if (Number.isNaN(x)) return nonFinite("0x7fc00000u");
  if (!Number.isFinite(x)) return nonFinite(x > 0 ? "0x7f800000u" : "0xff800000u");
  if (Number.isInteger(x) && Math.abs(x) < 1e7) return `${x}.0`;
  const s = Math.fround(x).toPrecision(9);
  return /[.e]/.test(s) ? (s.includes("e") && !s.includes(".") ? s.replace("e", ".0e") : s) : `${s}.0`;
};

function strides(shape: Shape): number[] {
  const st = new Array(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) st[i] = st[i + 1] * shape[i + 1];
  return st;
}

/** Thrown when an epilogue cannot run four outputs at a time; the emitter then writes it per output. */
class NotVectorisable extends Error {}

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
      return `${loc.arena}[${loc.offset / 4}u + (${idx})]`;
    }
    if (this.vecArenas) return `${loc.arena}[(${loc.offset}u + (${idx})) / 4u][(${loc.offset}u + (${idx})) % 4u]`;
    return `${loc.arena}[${loc.offset}u + (${idx})]`;
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
        return `${n.op} reads element by element`;
      default:
        return undefined;
    }
  }
}

/** Fuse rule 9: the stores of values computed from the root in the same epilogue (the new weights). */
function siblingStores(k: Kernel, e: Expr, where: (n: Node) => Location | undefined, idx: string): string[] {
  if (k.group) return []; // a maxout kernel's extras are its pre-max values
  const out: string[] = [];
  for (const x of k.extras ?? []) {
    e.computed.add(x);
    const v = e.at(x, idx);
    const loc = where(x)!;
    if (e.vec4 && (loc.offset % 4 !== 0 || size(x.shape) % 4 !== 0)) {
      throw new NotVectorisable(`${x.op} is not stored on texel boundaries`);
    }
    out.push(`${loc.arena}[${e.vec4 ? loc.offset / 4 : loc.offset}u + ${idx}] = ${v};`);
  }
  return out;
}

function newPrelude(where: (n: Node) => Location | undefined, root: Node | undefined): Expr {
  const e = new Expr(where, root);
  e.prefix = "p";
  return e;
}

function coord(idx: string, stride: number, dim: number): string {
  const i = /^[\w.]+$/.test(idx) ? idx : `(${idx})`;
  return dim === 1 ? "0u" : stride === 1 ? `(${i} % ${dim}u)` : `((${i} / ${stride}u) % ${dim}u)`;
}

function remapExpand(from: Shape, to: Shape, idx: string): string {
  const st = strides(to);
  const sf = strides(from);
  const parts = from.map((d, i) => (d === 1 ? "" : `${coord(idx, st[i], to[i])} * ${sf[i]}u`)).filter(Boolean);
  return parts.length ? `(${parts.join(" + ")})` : "0u";
}

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
  ${out.arena}[${out.offset / 4}u + i4] = vec4<f32>(unit(w.x), unit(w.y), unit(w.z), unit(w.w));
}
`,
  };
}

function remapPermute(from: Shape, order: number[], idx: string): string {
  const to = order.map((a) => from[a]);
  const st = strides(to);
  const sf = strides(from);
  return `(${order.map((a, d) => `${coord(idx, st[d], to[d])} * ${sf[a]}u`).join(" + ")})`;
}

function dispatch1d(count: number): { groups: [number, number, number]; index: string } {
  return dispatchGroups(count, LINEAR);
}

export function emitKernel(
  k: Kernel,
  where: (n: Node) => Location | undefined,
  label: string,
  ctx: EmitContext = { target: getTarget(DEFAULT_TARGET) },
): EmittedKernel {
  if (k.output === "texture") return emitPack(k, where, label, ctx);
  if (k.texReads && k.anchor?.op !== Op.MATMUL) return emitTextureConv(k, where, label, ctx);
  if (k.texReads) return emitTextureMatmul(k, where, label, ctx);
  const { tile: TILE, workgroup: MM_WG } = ctx.target.bufferTile;
  const out = where(k.root)!;
  const store = (idx: string, value: string) => `${out.arena}[${out.offset}u + ${idx}] = ${value};`;
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

/** Loads a value inside a loop body: the expression's `let`s are emitted into `e`, the name returned. */
function exprAt(e: Expr, n: Node, idx: string): string {
  return e.at(n, idx);
}

/** The IR nodes computed inside a kernel (not read from a buffer). */
function fusedNodes(k: Kernel, where: (n: Node) => Location | undefined): Node[] {
  const seen = new Set<Node>();
  const walk = (n: Node) => {
    if (seen.has(n) || n.op === Op.PARAM || n.op === Op.INPUT || n.op === Op.CONST || (n !== k.root && where(n))) {
      return;
    }
    seen.add(n);
    if (k.texReads && n === k.anchor) return; // its operands are computed by their packing kernels
    n.src.forEach(walk);
  };
  walk(k.root);
  return [...seen];
}

/** "matmul, add, max x2; spec lines 28, 29": the ops a kernel fuses and where in the spec they come from. */
function describeFused(nodes: Node[]): string {
  const counts = new Map<string, number>();
  const lines = new Set<number>();
  for (const n of nodes) {
    if (n.op === Op.RESHAPE || n.op === Op.EXPAND) continue; // index arithmetic, not work
    counts.set(n.op, (counts.get(n.op) ?? 0) + 1);
    const m = /\(line (\d+)\)/.exec(n.tag ?? "");
    if (m && m[1] !== "0") lines.add(Number(m[1]));
  }
  const ops = [...counts].map(([op, c]) => (c > 1 ? `${op} x${c}` : op)).join(", ") || "copy";
  const where = lines.size
    ? `; spec line${lines.size > 1 ? "s" : ""} ${[...lines].sort((a, b) => a - b).join(", ")}`
    : "";
  return ops + where;
}

/** The three convolutions, one output element per invocation, with the interpreter's loop nests. */
function convLoop(anchor: Node, e: Expr): string {
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

const TEX_READ = "texture_storage_2d<rgba32float, read>";
const TEX_WRITE = "texture_storage_2d<rgba32float, write>";

function dispatchGroups(count: number, per: number): { groups: [number, number, number]; index: string } {
  const groups = Math.max(1, Math.ceil(count / per));
  const x = Math.min(groups, MAX_GROUPS);
  const y = Math.ceil(groups / x);
  return { groups: [x, y, 1], index: `(wg.y * ${x}u + wg.x) * ${per}u + li` };
}

/** Writes a value into its texture: one texel (four elements of a row) per invocation. */
function emitPack(k: Kernel, where: (n: Node) => Location | undefined, label: string, ctx: EmitContext): EmittedKernel {
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
    v = ${stored.arena}[${stored.offset / 4}u + row * ${cols / 4}u + c4];
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
function emitTextureMatmul(
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
  if (k.group) {
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
    const vec = texelEpilogue(k, where, M, N);
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
function blockKernel(o: {
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
    textures: o.k.texReads!.map((n) => ({ id: o.ctx.texture!(n), access: "read" as const })),
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

/**
 * The epilogue for four outputs of one row of a product (columns 4 cg .. 4 cg + 3), written out one by
 * one (llvmpipe scalarises dynamic indexing of a vector); values hoisted out of the loop arrive as
 * arguments. `setup` names what `index` needs from `row`; `index(col)` is the output's flat index.
 */
function fourOutputEpilogue(
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
    ${out.arena}[${out.offset}u + o] = ${v};${more.map((l) => `\n    ${l}`).join("")}
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
function texelEpilogue(
  k: Kernel,
  where: (n: Node) => Location | undefined,
  M: number,
  N: number,
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
  ${out.arena}[${out.offset / 4}u + o4] = ${v};${more.map((l) => `\n  ${l}`).join("")}
}`,
  };
}

/**
 * Rule 10: a convolution as an implicit product over texture views (fuse.ts's convViews). conv2d and
 * its transpose: rows are output pixels (n, y, x), columns output channels, the contraction runs over
 * (tap, input channel); each invocation gathers, per tap, its rows' input texels (four channels of one
 * pixel, zero outside the image or, for the transpose, off the stride's lattice). The weight gradient:
 * rows are (tap, input channel), columns output channels, the contraction runs over output pixels.
 * Outputs go to the IR's NCHW (or [o, c, k, k]) layout in the epilogue.
 */
function emitTextureConv(
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
  let hoistRows: string[] = [];
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

/**
 * Rule 8's epilogue for one row of a block of `cols` columns starting at column c0 (texels t0, t1, ...):
 * per maxout unit, each piece's value (bias and whatever else precedes the max), stored when the
 * backward pass reads it, then the max and what follows it, stored at the root.
 */
function groupedEpilogue(
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
      const keep = k.extras?.includes(pre) ? `\n      ${store(pre).arena}[${store(pre).offset}u + o${j}] = ${v};` : "";
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
    ${out.arena}[${out.offset}u + oh] = ${v};
  }`);
  }
  return lines.join("\n");
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
