// Expressions to values: constants substituted, arithmetic done, calls kept as data for the schema to read.
import type * as A from "../../ast.ts";
import { diag, type Diagnostic, type Span, withHint } from "../../diagnostics/diagnostic.ts";
import { didYouMean } from "../../diagnostics/suggest.ts";

export type Value =
  | { kind: "num"; v: number; span: Span }
  | { kind: "str"; v: string; span: Span }
  /** A bare word that is not a constant: its meaning depends on where it stands (`relu`, `mnist`). */
  | { kind: "word"; name: string; span: Span }
  | { kind: "call"; name: string; nameSpan: Span; pos: Value[]; named: NamedValue[]; span: Span }
  | { kind: "list"; items: Value[]; span: Span }
  /** Something already reported: readers stay quiet about it. */
  | { kind: "bad"; span: Span };

export interface NamedValue {
  name: string;
  nameSpan: Span;
  value: Value;
}

/** Math a spec may use in expressions; anything else called stays a constructor such as `uniform(...)`.
 *  `most` bounds the arguments so `sqrt(2, 3)` is an error rather than a silent `sqrt(2)`. */
const math: Record<string, { fn: (...x: number[]) => number; most: number }> = {
  sqrt: { fn: Math.sqrt, most: 1 },
  exp: { fn: Math.exp, most: 1 },
  log: { fn: Math.log, most: 1 },
  abs: { fn: Math.abs, most: 1 },
  min: { fn: Math.min, most: Infinity },
  max: { fn: Math.max, most: Infinity },
};

export class Scope {
  private readonly consts = new Map<string, { value: Value; span: Span; used: boolean }>();
  /** Constants used above their definition: already reported, so they count as used. */
  private readonly early = new Set<string>();
  /** The file's own scope, for a block's (whose body sees the constants, not its caller's parameters). */
  private base: Scope = this;
  /** `declared`: every constant the file declares, so a use above its definition is reported rather than read as a word. */
  constructor(private readonly out: Diagnostic[], private readonly declared: ReadonlySet<string> = new Set()) {}

  /** The file's scope: its constants only. */
  root(): Scope {
    return this.base;
  }

  /** A scope with names bound besides these constants (a block's parameters), which shadow them. */
  with(bindings: { name: string; value: Value; span: Span }[]): Scope {
    const s = new Scope(this.out, this.declared);
    s.base = this.base;
    // the same entries: a constant used inside a block counts as used
    for (const [k, v] of this.consts) s.consts.set(k, v);
    for (const b of bindings) s.consts.set(b.name, { value: b.value, span: b.span, used: true });
    return s;
  }

  define(c: A.Const): void {
    // Reported, yet still defined: its uses then read as meant and do not echo the error.
    if (c.name in math) {
      this.out.push(
        diag(
          "E208",
          c.nameSpan,
          c.name,
          `is a built-in function (${Object.keys(math).join(", ")}): give the constant another name`,
        ),
      );
    } else if (this.consts.has(c.name)) {
      this.out.push(diag("E109", c.nameSpan, c.name));
      return;
    }
    // Evaluated before it is defined, so a constant can only use earlier ones and never itself.
    const value = this.evaluate(c.value);
    this.consts.set(c.name, { value, span: c.nameSpan, used: this.early.has(c.name) });
  }

  unused(): { name: string; span: Span }[] {
    return [...this.consts].filter(([, c]) => !c.used).map(([name, c]) => ({ name, span: c.span }));
  }

  names(): string[] {
    return [...this.consts.keys()];
  }

  has(name: string): boolean {
    return this.consts.has(name);
  }

  evaluate(e: A.Expr): Value {
    switch (e.kind) {
      case "number":
        return { kind: "num", v: e.value, span: e.span };
      case "string":
        return { kind: "str", v: e.value, span: e.span };
      case "paren": {
        const inner = this.evaluate(e.inner);
        return { ...inner, span: e.span } as Value;
      }
      case "name": {
        const c = this.consts.get(e.name);
        if (!c && this.declared.has(e.name) && !(e.name in math)) {
          this.early.add(e.name); // counts as a use: W001 would only echo this error
          this.out.push(
            withHint(diag("E108", e.span, e.name), "a constant can only use the constants defined above it"),
          );
          return { kind: "bad", span: e.span };
        }
        if (!c) return { kind: "word", name: e.name, span: e.span };
        c.used = true;
        return { ...c.value, span: e.span } as Value;
      }
      case "list":
        return { kind: "list", items: e.items.map((i) => this.evaluate(i)), span: e.span };
      case "call": {
        const pos: Value[] = [];
        const named: NamedValue[] = [];
        for (const a of e.args) {
          const value = this.evaluate(a.value);
          if (a.name !== undefined && a.nameSpan) named.push({ name: a.name, nameSpan: a.nameSpan, value });
          else pos.push(value);
        }
        const fn = math[e.callee];
        if (fn) {
          const xs = pos.map((p) => this.number(p, e.callee));
          const f = `\`${e.callee}\``;
          for (const a of named) {
            this.out.push(withHint(diag("E104", a.nameSpan, a.name, f), `${f} takes numbers by position`));
          }
          if (pos.length > fn.most) this.out.push(diag("E203", pos[fn.most].span, f, fn.most, pos.length));
          if (pos.length === 0 && named.length === 0) {
            this.out.push(diag("E207", e.span, `${f} needs ${fn.most === 1 ? "a number" : "at least one number"}`));
          }
          if (named.length || pos.length > fn.most || pos.length === 0 || xs.some((x) => x === undefined)) {
            return { kind: "bad", span: e.span };
          }
          return { kind: "num", v: fn.fn(...(xs as number[])), span: e.span };
        }
        return { kind: "call", name: e.callee, nameSpan: e.calleeSpan, pos, named, span: e.span };
      }
      case "unary": {
        const x = this.number(this.evaluate(e.operand), e.op);
        if (x === undefined) return { kind: "bad", span: e.span };
        return { kind: "num", v: e.op === "-" ? -x : x, span: e.span };
      }
      case "binary": {
        const a = this.number(this.evaluate(e.left), e.op);
        const b = this.number(this.evaluate(e.right), e.op);
        if (a === undefined || b === undefined) return { kind: "bad", span: e.span };
        const v = e.op === "+" ? a + b : e.op === "-" ? a - b : e.op === "*" ? a * b : e.op === "/" ? a / b : a ** b;
        return { kind: "num", v, span: e.span };
      }
    }
  }

  /** A number for arithmetic, or a diagnostic saying why not. */
  private number(v: Value, op: string): number | undefined {
    if (v.kind === "num") return v.v;
    if (v.kind === "bad") return undefined;
    if (v.kind === "word") {
      this.out.push(withHint(diag("E108", v.span, v.name), didYouMean(v.name, this.names())));
      return undefined;
    }
    this.out.push(diag("E204", v.span, op, describe(v)));
    return undefined;
  }
}

/** A value as a user would name it in a message. */
export function describe(v: Value): string {
  switch (v.kind) {
    case "num":
      return `\`${formatNumber(v.v)}\``;
    case "str":
      return `the string ${JSON.stringify(v.v)}`;
    case "word":
      return `\`${v.name}\``;
    case "call":
      return `\`${v.name}(...)\``;
    case "list":
      return `a list of ${v.items.length}`;
    case "bad":
      return "an invalid value";
  }
}

export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  if (x !== 0 && Math.abs(x) < 1e-3) return Number(x.toPrecision(10)).toExponential();
  const s = String(Number(x.toPrecision(10)));
  return s;
}
