import { type Code, type CodeArgs, codes } from "./codes.ts";

/** A half-open range of UTF-16 offsets into one source text. */
export interface Span {
  start: number;
  end: number;
}

export interface Diagnostic {
  code: Code;
  severity: "error" | "warning";
  message: string;
  span: Span;
  hint?: string;
}

/** The one way to make a diagnostic: the code picks the template and the severity. */
export function diag<C extends Code>(code: C, span: Span, ...args: CodeArgs<C>): Diagnostic {
  const entry = codes[code];
  const message = (entry.message as (...a: unknown[]) => string)(...args);
  return { code, severity: entry.severity, message, span };
}

export function withHint(d: Diagnostic, hint: string | undefined): Diagnostic {
  return hint ? { ...d, hint } : d;
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === "error");
}

/** Diagnostics in source order, errors before warnings at the same place, duplicates dropped. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return [...ds]
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code))
    .filter((d) => {
      const key = `${d.code}@${d.span.start}:${d.span.end}:${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
