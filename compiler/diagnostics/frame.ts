// The one place where offsets become line:col and a code frame.
import type { Diagnostic, Span } from "./diagnostic.ts";

export interface Position {
  line: number; // 1-based
  column: number; // 1-based, in UTF-16 units
}

export class LineMap {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo] + 1 };
  }
  lineText(line: number): string {
    const start = this.starts[line - 1] ?? this.text.length;
    const next = this.starts[line];
    return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, "");
  }
  get lineCount(): number {
    return this.starts.length;
  }
}

export interface Colours {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

const plain: Colours = { red: (s) => s, yellow: (s) => s, cyan: (s) => s, bold: (s) => s, dim: (s) => s };

/** Renders one diagnostic as text:
 *
 *     error[E107]: unknown layer `desne`
 *       --> specs/x.gan:12:3
 *        |
 *     12 |   desne(1200)
 *        |   ^^^^^
 *        = hint: did you mean `dense`?
 */
export function renderDiagnostic(d: Diagnostic, file: string, lines: LineMap, c: Colours = plain): string {
  const { line, column } = lines.position(d.span.start);
  const endPos = lines.position(Math.max(d.span.start, d.span.end));
  const full = lines.lineText(line).replace(/\t/g, " ");
  const fullWidth = endPos.line === line ? Math.max(1, endPos.column - column) : Math.max(1, full.length - column + 1);
  const { text, caret, width } = clip(full, column, fullWidth);
  const gutter = " ".repeat(String(line).length);
  const head = d.severity === "error" ? c.red(`error[${d.code}]`) : c.yellow(`warning[${d.code}]`);
  const out = [
    `${c.bold(head)}${c.bold(`: ${d.message}`)}`,
    `${gutter}${c.cyan("-->")} ${file}:${line}:${column}`,
    `${gutter} ${c.cyan("|")}`,
    `${c.cyan(String(line))} ${c.cyan("|")} ${text}`,
    `${gutter} ${c.cyan("|")} ${" ".repeat(caret - 1)}${
      (d.severity === "error" ? c.red : c.yellow)("^".repeat(width))
    }`,
  ];
  if (d.hint) out.push(`${gutter} ${c.cyan("=")} hint: ${d.hint}`);
  return out.join("\n");
}

/** Lines longer than this are shown as a window around the column, with `...` where they go on. */
const SHOWN = 100;

/** The part of a line a frame shows, and where the caret and its width fall in it (1-based). */
function clip(line: string, column: number, width: number): { text: string; caret: number; width: number } {
  if (line.length <= SHOWN) return { text: line, caret: column, width };
  const start = Math.max(0, Math.min(column - 1 - 30, line.length - SHOWN));
  const end = Math.min(line.length, start + SHOWN);
  const lead = start > 0 ? "..." : "";
  const text = lead + line.slice(start, end) + (end < line.length ? "..." : "");
  const caret = column - start + lead.length;
  return { text, caret, width: Math.max(1, Math.min(width, end - (column - 1))) };
}

/** A diagnostic as plain data with line:col, for JSON output and sample-folder expectations. */
export function locate(d: Diagnostic, lines: LineMap) {
  const start = lines.position(d.span.start);
  const end = lines.position(d.span.end);
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    ...(d.hint ? { hint: d.hint } : {}),
  };
}

export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}
