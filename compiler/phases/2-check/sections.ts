// Reading option sections: which keys a section takes, each key's reader and default.
import type * as A from "../../ast.ts";
import { diag, type Span, withHint } from "../../diagnostics/diagnostic.ts";
import { didYouMean, oneOf } from "../../diagnostics/suggest.ts";
import type { Reporter } from "./readers.ts";
import type { Scope, Value } from "./values.ts";

export const SECTIONS = ["data", "latent", "generator", "discriminator", "loss", "optimizer", "train"] as const;

/** The options of one section, each evaluated once; unknown and duplicate keys are reported here. */
export class Options {
  private readonly values = new Map<string, { value: Value; keySpan: Span }>();

  constructor(
    private readonly r: Reporter,
    scope: Scope,
    readonly section: A.Section,
    readonly where: string,
    keys: readonly string[],
  ) {
    let swallowed = false; // a `}` is likely missing: what follows belongs to the next section
    for (const st of section.body) {
      if (swallowed) {
        if (st.kind === "option") scope.evaluate(st.value);
        else for (const a of st.args ?? []) scope.evaluate(a.value);
        continue;
      }
      if (st.kind === "layer") {
        swallowed = (SECTIONS as readonly string[]).includes(st.name);
        const hint = swallowed
          ? `\`${st.name}\` is a section: is the \`}\` that closes ${where} missing above it?`
          : `write options as \`key = value\`; ${where} takes ${oneOf(keys)}`;
        r.report(withHint(diag("E113", st.span, section.name), hint));
        continue;
      }
      if (!keys.includes(st.key)) {
        r.report(
          withHint(
            diag("E104", st.keySpan, st.key, where),
            didYouMean(st.key, keys) ?? `${where} takes ${oneOf(keys)}`,
          ),
        );
        continue;
      }
      if (this.values.has(st.key)) {
        r.report(diag("E105", st.keySpan, st.key));
        continue;
      }
      this.values.set(st.key, { value: scope.evaluate(st.value), keySpan: st.keySpan });
    }
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  keySpan(key: string): Span | undefined {
    return this.values.get(key)?.keySpan;
  }

  /** The typed value of a key, its default, or (when required and absent) a diagnostic. */
  get<T>(key: string, read: (r: Reporter, v: Value, what: string) => T | undefined, fallback?: T): T | undefined {
    const got = this.values.get(key);
    if (got) return read(this.r, got.value, `\`${key}\``);
    if (fallback !== undefined) return fallback;
    this.r.report(diag("E106", this.section.nameSpan, key, this.where));
    return undefined;
  }

  value(key: string): Value | undefined {
    return this.values.get(key)?.value;
  }
}
