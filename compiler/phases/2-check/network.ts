// Reading a network section: its layers, nested bodies (`residual { ... }`, `shortcut { ... }`, uses of
// `block`s), named values and joins (`a = conv2d(...)`, `add(a, b)`, `concat(a, b)`), flattened into one
// list in the order the layers run, each reading the layers it names (a graph in topological order).
// Shapes are inferred along the graph; every problem is reported where it was written.
import type * as A from "../../ast.ts";
import { diag, type Diagnostic, type Span, withHint } from "../../diagnostics/diagnostic.ts";
import { didYouMean, oneOf } from "../../diagnostics/suggest.ts";
import type * as M from "../../model.ts";
import { type CallShape, readCall, type Reader, Reporter } from "./readers.ts";
import { type LayerShape, layerShapes } from "./schema.ts";
import { SECTIONS } from "./sections.ts";
import { infer, inferJoin, type Inferred, showShape } from "./shapes.ts";
import { formatNumber, type Scope, type Value } from "./values.ts";

/** The most layers one network may have, counted after blocks are expanded. */
export const MAX_LAYERS = 1000;

/** Words with a meaning of their own inside a network, besides the layer kinds. */
export const FORMS = ["residual", "shortcut", "add", "concat", "dot"];

/** A value in a network: the output of the layer at `at` (-1: the input); its shape, unless unknown. */
interface Val {
  at: number;
  shape?: M.Shape;
}

export interface Body {
  scope: Scope;
  /** Named values visible here. */
  names: Map<string, Val>;
  /** What `input` names: the value the body starts from. */
  input: Val;
  /** Path prefix of its layers: "" at the top, "3." inside the residual or block at 3. */
  prefix: string;
  depth: number;
  /** Names bound in this body itself: binding one twice is an error, shadowing an outer one is not. */
  own: Set<string>;
  /** A residual's own body, where `shortcut { ... }` may stand. */
  residual?: boolean;
}

export class NetworkReader {
  readonly layers: M.Layer[] = [];
  readonly groups: M.Group[] = [];
  ok = true;
  /** Blocks being expanded, innermost last: a block inside itself is an error, not a loop. */
  private readonly active: string[] = [];
  private tooMany = false;

  constructor(
    private readonly r: Reporter,
    private readonly net: "generator" | "discriminator",
    private readonly blocks: ReadonlyMap<string, A.Section>,
    private readonly used: Set<string>,
    private readonly readInit: Reader<unknown>,
    private readonly checkLayer: (st: A.Layer, op: M.LayerOp) => boolean,
  ) {}

  /** Reads statements from `start`; returns the value the last one leaves. */
  body(stmts: readonly A.Statement[], b: Body, start: Val): Val {
    let cur = start;
    let swallowed = false; // a `}` is likely missing: what follows belongs to the next section
    stmts.forEach((st, i) => {
      if (swallowed) {
        if (st.kind === "option") b.scope.evaluate(st.value);
        return;
      }
      if (this.layers.length > MAX_LAYERS) {
        if (!this.tooMany) this.report(diag("E309", st.span, this.net, this.layers.length, MAX_LAYERS));
        this.tooMany = true;
        return;
      }
      let layer: A.Layer;
      let bind: { name: string; span: Span } | undefined;
      if (st.kind === "option") {
        const v = st.value;
        if (v.kind !== "name" && v.kind !== "call") {
          b.scope.evaluate(v);
          this.report(
            withHint(
              diag("E114", st.keySpan, this.net),
              `the ${this.net} is a list of layers such as \`dense(256)\` and \`relu\`; \`h = conv2d(...)\` names a layer's output`,
            ),
          );
          cur = { at: cur.at };
          return;
        }
        layer = v.kind === "name"
          ? { kind: "layer", name: v.name, nameSpan: v.span, args: null, span: st.span }
          : { kind: "layer", name: v.callee, nameSpan: v.calleeSpan, args: v.args, span: st.span };
        bind = { name: st.key, span: st.keySpan };
      } else layer = st;
      if (layer.name === "shortcut") {
        // a residual reads its shortcut itself, after the body
        if (!b.residual || bind) {
          this.report(diag("E121", layer.nameSpan, "`shortcut { ... }`", "a `residual { ... }`"));
        }
        return;
      }
      swallowed = (SECTIONS as readonly string[]).includes(layer.name) && !this.known(layer.name);
      cur = this.statement(layer, b, cur, `${b.prefix}${i}`);
      if (bind) this.bind(b, bind, cur);
    });
    return cur;
  }

  private known(name: string): boolean {
    return name in layerShapes || FORMS.includes(name) || this.blocks.has(name);
  }

  private bind(b: Body, bind: { name: string; span: Span }, v: Val) {
    const kind = bind.name === "input"
      ? "body's input"
      : bind.name in layerShapes || FORMS.includes(bind.name)
      ? "layer"
      : this.blocks.has(bind.name)
      ? "block"
      : undefined;
    if (kind) return this.report(diag("E118", bind.span, bind.name, kind));
    if (b.own.has(bind.name)) return this.report(diag("E119", bind.span, bind.name));
    b.names.set(bind.name, v);
    b.own.add(bind.name);
  }

  private statement(st: A.Layer, b: Body, cur: Val, path: string): Val {
    if (st.name === "residual") return this.residual(st, b, cur, path);
    if (st.name === "add" || st.name === "concat" || st.name === "dot") return this.join(st, b, cur, path);
    // a value's name alone: what follows reads that value (a side branch, such as AC-GAN's `aux`, is done)
    if (st.args === null && !st.body && (st.name === "input" || b.names.has(st.name))) {
      return st.name === "input" ? b.input : b.names.get(st.name)!;
    }
    if (this.blocks.has(st.name)) return this.useBlock(st, b, cur, path);
    if (st.body) {
      this.report(diag("E207", st.bodySpan ?? st.span, `\`${st.name}\` takes no \`{ ... }\``));
    }
    const ls = layerShapes[st.name];
    if (!ls) {
      for (const a of st.args ?? []) b.scope.evaluate(a.value); // marks constants used, reports their own errors
      const kinds = [...Object.keys(layerShapes), ...FORMS.filter((f) => f !== "shortcut"), ...this.blocks.keys()];
      const hint = (SECTIONS as readonly string[]).includes(st.name)
        ? `\`${st.name}\` is a section: is the \`}\` that closes the ${this.net} missing above it?`
        : didYouMean(st.name, kinds) ?? `layers are ${oneOf(Object.keys(layerShapes))}`;
      this.report(withHint(diag("E107", st.nameSpan, st.name), hint));
      return { at: cur.at };
    }
    const op = this.readOp(st, ls, b.scope);
    if (!op) return { at: cur.at };
    return this.push(op, [cur], st.span, path, b.depth, (shapes) => infer(op, shapes[0]));
  }

  private readOp(st: A.Layer, ls: LayerShape, scope: Scope): M.LayerOp | undefined {
    const value: Value = st.args === null ? { kind: "word", name: st.name, span: st.span } : {
      kind: "call",
      name: st.name,
      nameSpan: st.nameSpan,
      span: st.span,
      pos: st.args.filter((a) => a.name === undefined).map((a) => scope.evaluate(a.value)),
      named: st.args.filter((a) => a.name !== undefined).map((a) => ({
        name: a.name!,
        nameSpan: a.nameSpan!,
        value: scope.evaluate(a.value),
      })),
    };
    const shape: CallShape = {
      name: st.name,
      params: ls.params.map((p) => ({ ...p, read: p.read === "init" ? this.readInit : p.read })),
      ...(ls.rest ? { rest: ls.rest } : {}),
    };
    const args = readCall(this.r, value, shape, `\`${st.name}\``, st.nameSpan);
    const op = args && ls.build(args);
    if (typeof op === "string") this.report(diag("E207", st.span, op));
    if (!op || typeof op === "string") return undefined;
    return this.checkLayer(st, op) ? op : undefined;
  }

  /** Appends a layer reading `inputs`; its shape is inferred when theirs are known. */
  private push(
    op: M.LayerOp,
    inputs: Val[],
    span: Span,
    path: string,
    depth: number,
    inferred: (shapes: M.Shape[]) => Inferred,
  ): Val {
    const shapes = inputs.map((v) => v.shape);
    const index = this.layers.length;
    if (shapes.some((s) => s === undefined)) {
      this.ok = false;
      return { at: index };
    }
    const r = inferred(shapes as M.Shape[]);
    if ("error" in r) {
      const e = r.error;
      this.report(
        withHint((diag as (c: string, s: Span, ...a: unknown[]) => Diagnostic)(e.code, span, ...e.args), e.hint),
      );
      return { at: index };
    }
    this.layers.push({
      index,
      path,
      inputs: inputs.map((v) => v.at),
      depth,
      op,
      inShape: shapes[0]!,
      outShape: r.outShape,
      params: r.params,
      flops: r.flops,
      span,
    });
    return { at: index, shape: r.outShape };
  }

  /** `residual { body [shortcut { ... }] }`: body(x) + shortcut(x), the shortcut x itself when not given. */
  private residual(st: A.Layer, b: Body, cur: Val, path: string): Val {
    if (st.args !== null) this.report(diag("E207", st.span, "`residual` takes no arguments: write `residual { ... }`"));
    const stmts = st.body ?? [];
    const shortcuts = stmts.filter((s): s is A.Layer => s.kind === "layer" && s.name === "shortcut");
    const main = stmts.filter((s) => !(s.kind === "layer" && s.name === "shortcut"));
    for (const extra of shortcuts.slice(1)) this.report(diag("E207", extra.nameSpan, "a residual has one `shortcut`"));
    if (main.length === 0) {
      this.report(withHint(diag("E308", st.nameSpan, "residual"), "write its layers between the braces"));
      return { at: cur.at };
    }
    const group = this.open("residual", path, b.depth, st.span);
    const inner: Body = {
      ...b,
      names: new Map(b.names),
      own: new Set(),
      input: cur,
      prefix: `${path}.`,
      depth: b.depth + 1,
      residual: true,
    };
    // the body's statements keep their positions, shortcut included, so paths stay put when one is added
    const out = this.body(stmts, inner, cur);
    let side = cur;
    const given = shortcuts[0];
    if (given) {
      const sc = this.open("shortcut", `${path}.shortcut`, b.depth + 1, given.span);
      if (given.args !== null) this.report(diag("E207", given.span, "`shortcut` takes no arguments"));
      const scBody: Body = {
        ...inner,
        names: new Map(b.names),
        own: new Set(),
        prefix: `${path}.shortcut.`,
        depth: b.depth + 2,
        residual: false,
      };
      side = given.body?.length ? this.body(given.body, scBody, cur) : cur;
      this.close(sc);
    } else if (out.shape && cur.shape && showShape(out.shape) !== showShape(cur.shape)) {
      side = this.autoShortcut(st, cur, out.shape, `${path}.shortcut.0`, b.depth + 1);
    }
    const sum = this.push({ kind: "add" }, [out, side], st.span, `${path}.add`, b.depth + 1, (shapes) => {
      if (showShape(shapes[0]) === showShape(shapes[1])) return inferJoin({ kind: "add" }, shapes);
      return {
        error: {
          code: "E317",
          args: [showShape(shapes[1]), showShape(shapes[0])],
          hint: shortcutHint(shapes[1], shapes[0]),
        },
      } as Inferred;
    });
    this.close(group);
    return sum;
  }

  /** The shortcut a residual gets when its body changes only channels (or features): a 1x1 projection. */
  private autoShortcut(st: A.Layer, cur: Val, to: M.Shape, path: string, depth: number): Val {
    const from = cur.shape!;
    const sameGrid = from.length === 3 && to.length === 3 && from[1] === to[1] && from[2] === to[2];
    const flat = from.length === 1 && to.length === 1;
    if (!sameGrid && !flat) return cur; // the add reports E317 with a hint
    const init: M.Init = { kind: "xavier", distribution: "uniform" };
    const bias: M.Init = { kind: "constant", value: 0 };
    const op: M.LayerOp = flat
      ? { kind: "dense", units: to[0], init, biasInit: bias }
      : { kind: "conv2d", channels: to[0], kernel: 1, stride: 1, padding: 0, outputPadding: 0, init, biasInit: bias };
    const g = this.open("shortcut", path.replace(/\.0$/, ""), depth, st.span);
    const v = this.push(op, [cur], st.span, path, depth + 1, (shapes) => infer(op, shapes[0]));
    this.close(g);
    return v;
  }

  /** `add(a, b)` and `concat(a, b)`, or with one name, the current value joined with it. */
  private join(st: A.Layer, b: Body, cur: Val, path: string): Val {
    const op: M.LayerOp = { kind: st.name as "add" | "concat" | "dot" };
    const inputs: Val[] = [];
    let ok = true;
    for (const a of st.args ?? []) {
      if (a.name !== undefined) {
        this.report(
          withHint(diag("E104", a.nameSpan!, a.name, `\`${st.name}\``), `\`${st.name}\` takes names of values`),
        );
        ok = false;
        continue;
      }
      if (a.value.kind !== "name") {
        this.report(diag("E201", a.value.span, `an input of \`${st.name}\``, "the name of a value", "an expression"));
        ok = false;
        continue;
      }
      const name = a.value.name;
      const v = name === "input" ? b.input : b.names.get(name);
      if (!v) {
        const known = ["input", ...b.names.keys()];
        this.report(
          withHint(
            diag("E108", a.value.span, name),
            didYouMean(name, known) ?? `name a value first: \`${name} = conv2d(...)\`; here ${oneOf(known)}`,
          ),
        );
        ok = false;
        continue;
      }
      inputs.push(v);
    }
    if (!ok) return { at: cur.at };
    if (inputs.length === 1) inputs.unshift(cur);
    if (inputs.length < 2) {
      this.report(diag("E207", st.span, `\`${st.name}\` joins two or more values: \`${st.name}(a, b)\``));
      return { at: cur.at };
    }
    return this.push(
      op,
      inputs,
      st.span,
      path,
      b.depth,
      (shapes) => inferJoin(op as M.LayerOp & { kind: "add" }, shapes),
    );
  }

  /** A use of a block: its body read with its parameters bound to the arguments, in a scope of its own. */
  private useBlock(st: A.Layer, b: Body, cur: Val, path: string): Val {
    const block = this.blocks.get(st.name)!;
    this.used.add(st.name);
    if (this.active.includes(st.name)) {
      this.report(diag("E120", st.nameSpan, st.name));
      return { at: cur.at };
    }
    const params = blockParams(block);
    const value: Value = {
      kind: "call",
      name: st.name,
      nameSpan: st.nameSpan,
      span: st.span,
      pos: (st.args ?? []).filter((a) => a.name === undefined).map((a) => b.scope.evaluate(a.value)),
      named: (st.args ?? []).filter((a) => a.name !== undefined).map((a) => ({
        name: a.name!,
        nameSpan: a.nameSpan!,
        value: b.scope.evaluate(a.value),
      })),
    };
    const pass: Reader<unknown> = (_r, v) => v;
    const args = readCall(
      this.r,
      value,
      {
        name: st.name,
        params: params.map((p) => ({
          name: p.name,
          read: pass,
          ...(p.value ? { default: b.scope.root().evaluate(p.value) } : {}),
        })),
      },
      `\`${st.name}\``,
      st.nameSpan,
    );
    if (!args) return { at: cur.at };
    if (st.body) {
      this.report(diag("E207", st.bodySpan ?? st.span, `a use of block \`${st.name}\` takes no \`{ ... }\``));
    }
    const shown = params.map((p) => `${p.name} = ${describeArg(args[p.name] as Value)}`);
    const group = this.open(`${st.name}(${shown.join(", ")})`, path, b.depth, st.span);
    const scope = b.scope.root().with(
      params.map((p) => ({ name: p.name, value: args[p.name] as Value, span: p.span })),
    );
    this.active.push(st.name);
    const inner: Body = { scope, names: new Map(), own: new Set(), input: cur, prefix: `${path}.`, depth: b.depth + 1 };
    const out = this.body(block.body, inner, cur);
    this.active.pop();
    this.close(group);
    return out;
  }

  private open(label: string, path: string, depth: number, span: Span): M.Group {
    const g: M.Group = { label, path, depth, first: this.layers.length, last: -1, span };
    this.groups.push(g);
    return g;
  }
  private close(g: M.Group) {
    g.last = this.layers.length - 1;
  }

  private report(d: Diagnostic) {
    if (d.severity === "error") this.ok = false;
    this.r.report(d);
  }
}

/** A block argument as the summary shows it: numbers and words as written, calls by name. */
function describeArg(v: Value): string {
  if (v.kind === "num") return formatNumber(v.v);
  if (v.kind === "str") return JSON.stringify(v.v);
  if (v.kind === "word") return v.name;
  if (v.kind === "call") return `${v.name}(...)`;
  if (v.kind === "list") return `[${v.items.map(describeArg).join(", ")}]`;
  return "?";
}

function shortcutHint(from: M.Shape, to: M.Shape): string {
  if (from.length === 3 && to.length === 3 && to[1] > from[1]) {
    return `give it one: \`shortcut { upsample(${to[1] / from[1]}) conv2d(${to[0]}, kernel = 1) }\``;
  }
  if (from.length === 3 && to.length === 3 && to[1] < from[1]) {
    return `give it one: \`shortcut { conv2d(${to[0]}, kernel = 1) avg_pool(${from[1] / to[1]}) }\``;
  }
  return "give it one: `shortcut { ... }` with layers that make the input the body's output shape";
}

/** A block's parameters: `ch` (required) or `ch = 64` (with a default). */
export function blockParams(s: A.Section): { name: string; span: Span; value?: A.Expr }[] {
  return (s.params ?? []).flatMap((a) => {
    if (a.name !== undefined) return [{ name: a.name, span: a.nameSpan!, value: a.value }];
    if (a.value.kind === "name") return [{ name: a.value.name, span: a.value.span }];
    return [];
  });
}
