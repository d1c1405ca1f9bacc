// Typed reading of values. Each reader returns the value or undefined after reporting exactly one
// diagnostic; `bad` values (already reported) pass silently.
import { diag, type Diagnostic, type Span, withHint } from "../../diagnostics/diagnostic.ts";
import { didYouMean, oneOf } from "../../diagnostics/suggest.ts";
import { describe, formatNumber, type Value } from "./values.ts";

export class Reporter {
  constructor(readonly out: Diagnostic[], readonly constants: () => string[]) {}
  report(d: Diagnostic): undefined {
    this.out.push(d);
    return undefined;
  }
}

export type Reader<T> = (r: Reporter, v: Value, what: string) => T | undefined;

export interface NumberRules {
  int?: boolean;
  min?: number;
  max?: number;
  /** Open bounds: min < x, x < max. */
  minOpen?: boolean;
  maxOpen?: boolean;
}

function rangeText(n: NumberRules): string {
  const lo = n.min === undefined ? "" : `${n.minOpen ? ">" : ">="} ${formatNumber(n.min)}`;
  const hi = n.max === undefined ? "" : `${n.maxOpen ? "<" : "<="} ${formatNumber(n.max)}`;
  if (n.min !== undefined && n.max !== undefined) {
    return `in ${n.minOpen ? "(" : "["}${formatNumber(n.min)}, ${formatNumber(n.max)}${n.maxOpen ? ")" : "]"}`;
  }
  return lo || hi;
}

/** A word that is neither a constant nor allowed here: most likely a typo of a constant. */
function unknownWord(r: Reporter, v: Value & { kind: "word" }, what: string, expected: string): undefined {
  if (r.constants().length > 0) {
    const hint = didYouMean(v.name, r.constants());
    if (hint) return r.report(withHint(diag("E108", v.span, v.name), hint));
  }
  return r.report(diag("E201", v.span, what, expected, describe(v)));
}

export const num = (rules: NumberRules = {}): Reader<number> => (r, v, what) => {
  const expected = rules.int ? "an integer" : "a number";
  if (v.kind === "bad") return undefined;
  if (v.kind === "word") return unknownWord(r, v, what, expected);
  if (v.kind !== "num") return r.report(diag("E201", v.span, what, expected, describe(v)));
  if (!Number.isFinite(v.v)) return r.report(diag("E201", v.span, what, `a finite ${expected.slice(2)}`, describe(v)));
  if (rules.int && !Number.isInteger(v.v)) return r.report(diag("E201", v.span, what, expected, describe(v)));
  const x = v.v;
  const tooLow = rules.min !== undefined && (rules.minOpen ? x <= rules.min : x < rules.min);
  const tooHigh = rules.max !== undefined && (rules.maxOpen ? x >= rules.max : x > rules.max);
  if (tooLow || tooHigh) return r.report(diag("E202", v.span, what, rangeText(rules), describe(v)));
  return x;
};

export const positiveInt = num({ int: true, min: 1 });
export const count = num({ int: true, min: 0 });

export const str: Reader<string> = (r, v, what) => {
  if (v.kind === "bad") return undefined;
  if (v.kind !== "str") return r.report(diag("E201", v.span, what, "a string", describe(v)));
  return v.v;
};

/** One of a fixed set of words. */
export const word = <W extends string>(choices: readonly W[], noun: string): Reader<W> => (r, v, what) => {
  if (v.kind === "bad") return undefined;
  if (v.kind === "word") {
    if ((choices as readonly string[]).includes(v.name)) return v.name as W;
    return r.report(
      withHint(diag("E110", v.span, v.name, noun), didYouMean(v.name, choices) ?? `one of ${oneOf(choices)}`),
    );
  }
  return r.report(diag("E201", v.span, what, `one of ${oneOf(choices)}`, describe(v)));
};

export const listOf = <T>(item: Reader<T>, length?: { min?: number; exact?: number }): Reader<T[]> => (r, v, what) => {
  if (v.kind === "bad") return undefined;
  if (v.kind !== "list") return r.report(diag("E201", v.span, what, "a list `[...]`", describe(v)));
  if (length?.exact !== undefined && v.items.length !== length.exact) {
    return r.report(diag("E201", v.span, what, `a list of ${length.exact}`, describe(v)));
  }
  if (length?.min !== undefined && v.items.length < length.min) {
    return r.report(diag("E201", v.span, what, `a list of at least ${length.min}`, describe(v)));
  }
  const out: T[] = [];
  let ok = true;
  v.items.forEach((it, i) => {
    const x = item(r, it, `${what}[${i}]`);
    if (x === undefined) ok = false;
    else out.push(x);
  });
  return ok ? out : undefined;
};

/** A parameter of a call-like construct: read positionally in declaration order, or by name. */
export interface Param {
  name: string;
  read: Reader<unknown>;
  /** Absent: the parameter is required. */
  default?: unknown;
  /** Named only: never filled from a positional argument. */
  namedOnly?: boolean;
}

export interface CallShape {
  name: string;
  params: Param[];
  /** Reads every positional argument into one list parameter (e.g. `reshape(1, 28, 28)`). */
  rest?: { name: string; read: Reader<unknown> };
}

export type Args = Record<string, unknown>;

/**
 * Reads `name(a, b, key = v)` or a bare `name` against its shape. Returns the arguments with defaults
 * filled in, or undefined when anything was wrong (all of it reported).
 */
export function readCall(r: Reporter, v: Value, shape: CallShape, what: string, at: Span = v.span): Args | undefined {
  if (v.kind === "bad") return undefined;
  const pos = v.kind === "call" ? v.pos : [];
  const named = v.kind === "call" ? v.named : [];
  const args: Args = {};
  let ok = true;
  const given = new Set<string>();
  const positional = shape.params.filter((p) => !p.namedOnly);
  if (shape.rest) {
    const items = pos.length === 1 && pos[0].kind === "list" ? pos[0].items : pos;
    const xs = items.map((p, i) => shape.rest!.read(r, p, `${shape.rest!.name}[${i}]`));
    if (xs.some((x) => x === undefined)) ok = false;
    args[shape.rest.name] = xs;
  } else {
    if (pos.length > positional.length) {
      r.report(diag("E203", pos[positional.length].span, `\`${shape.name}\``, positional.length, pos.length));
      ok = false;
    }
    pos.slice(0, positional.length).forEach((p, i) => {
      const param = positional[i];
      given.add(param.name);
      const x = param.read(r, p, `\`${param.name}\` of \`${shape.name}\``);
      if (x === undefined) ok = false;
      else args[param.name] = x;
    });
  }
  for (const n of named) {
    const param = shape.params.find((p) => p.name === n.name);
    if (!param) {
      const hint = didYouMean(n.name, shape.params.map((p) => p.name)) ??
        (shape.params.length
          ? `\`${shape.name}\` takes ${oneOf(shape.params.map((p) => p.name))}`
          : `\`${shape.name}\` takes no options`);
      r.report(withHint(diag("E104", n.nameSpan, n.name, `\`${shape.name}\``), hint));
      ok = false;
      continue;
    }
    if (given.has(n.name)) {
      r.report(diag("E105", n.nameSpan, n.name));
      ok = false;
      continue;
    }
    given.add(n.name);
    const x = param.read(r, n.value, `\`${n.name}\` of \`${shape.name}\``);
    if (x === undefined) ok = false;
    else args[n.name] = x;
  }
  for (const p of shape.params) {
    if (given.has(p.name)) continue;
    if (p.default === undefined) {
      r.report(diag("E106", at, p.name, `\`${shape.name}\``));
      ok = false;
    } else args[p.name] = p.default;
  }
  return ok ? args : undefined;
}

/** One of several call shapes, chosen by the callee's name (`uniform(...)`, `normal(...)`, `xavier`). */
export function readVariant<T>(
  r: Reporter,
  v: Value,
  variants: Record<string, { shape: CallShape; build: (a: Args) => T | string }>,
  what: string,
  noun: string,
): T | undefined {
  if (v.kind === "bad") return undefined;
  const name = v.kind === "call" ? v.name : v.kind === "word" ? v.name : undefined;
  const nameSpan = v.kind === "call" ? v.nameSpan : v.span;
  if (name === undefined) {
    return r.report(diag("E201", v.span, what, `one of ${oneOf(Object.keys(variants))}`, describe(v)));
  }
  const variant = variants[name];
  if (!variant) {
    if (
      v.kind === "word" && r.constants().length > 0 && didYouMean(name, r.constants()) &&
      !didYouMean(name, Object.keys(variants))
    ) {
      return unknownWord(r, v, what, noun);
    }
    const hint = didYouMean(name, Object.keys(variants)) ?? `one of ${oneOf(Object.keys(variants))}`;
    return r.report(withHint(diag("E110", nameSpan, name, noun), hint));
  }
  const args = readCall(r, v, variant.shape, what);
  if (!args) return undefined;
  const built = variant.build(args);
  if (typeof built === "string") return r.report(diag("E207", v.span, built));
  return built;
}
