// `gan fmt`: the canonical text of a spec. Call it only on text whose parse had no diagnostics (the CLI
// refuses to format a file with syntax errors), since error recovery drops what it cannot read.
//
// Rules: the header first, then items in source order; sections indented by two spaces, one statement a
// line, never wrapped; `key = value`, `f(a, b, k = v)`, `[a, b]`, spaced binary operators, the user's
// parentheses kept; numbers exactly as written. At most one blank line where the source had any (none
// right after `{` or before `}`). Every comment survives: on its own line it stays before what follows
// it; after a statement it stays on that line; inside a multi-line statement it moves above it.
import type * as A from "../ast.ts";

const INDENT = "  ";

export function formatExpr(e: A.Expr): string {
  switch (e.kind) {
    case "number":
      return e.text;
    case "string":
      return quote(e.value);
    case "name":
      return e.name;
    case "call":
      return `${e.callee}(${e.args.map(formatArg).join(", ")})`;
    case "list":
      return `[${e.items.map(formatExpr).join(", ")}]`;
    case "unary":
      return `${e.op}${formatExpr(e.operand)}`;
    case "binary":
      return `${formatExpr(e.left)} ${e.op} ${formatExpr(e.right)}`;
    case "paren":
      return `(${formatExpr(e.inner)})`;
  }
}

const formatArg = (a: A.Arg) => (a.name !== undefined ? `${a.name} = ${formatExpr(a.value)}` : formatExpr(a.value));
const quote = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\t/g, "\\t")}"`;

function formatStatement(s: A.Statement): string {
  if (s.kind === "option") return `${s.key} = ${formatExpr(s.value)}`;
  return s.args === null ? s.name : `${s.name}(${s.args.map(formatArg).join(", ")})`;
}

/** Comments in source order, handed out by position as the printer walks the file. */
class Comments {
  private i = 0;
  constructor(private readonly list: readonly A.Comment[], private readonly text: string) {}

  /** Comments that start before `offset`, not yet printed. */
  before(offset: number): A.Comment[] {
    const out: A.Comment[] = [];
    while (this.i < this.list.length && this.list[this.i].span.start < offset) out.push(this.list[this.i++]);
    return out;
  }

  /** The comment that shares the line where `end` is, after it, if any. */
  trailing(end: number): A.Comment | undefined {
    const c = this.list[this.i];
    if (!c || c.span.start < end) return undefined;
    if (this.text.slice(end, c.span.start).includes("\n")) return undefined;
    this.i++;
    return c;
  }
}

export function formatSpec(ast: A.SpecFile, source: string): string {
  const out: string[] = [];
  const comments = new Comments(ast.comments, source);
  const blankBefore = (offset: number, after: number) => /\n[ \t\r]*\n/.test(source.slice(after, offset));
  let last = 0; // end of what has been printed, as a source offset
  let opened = false; // the last line printed opened a section: no blank line may follow it
  const blankOk = () => out.length > 0 && out[out.length - 1] !== "" && !opened;

  const emitComment = (c: A.Comment, indent: string) => {
    if (blankOk() && blankBefore(c.span.start, last)) out.push("");
    out.push(indent + c.text.trimEnd());
    last = c.span.end;
    opened = false;
  };
  const emitLine = (text: string, start: number, end: number, indent: string, blankAllowed: boolean) => {
    for (const c of comments.before(start)) emitComment(c, indent);
    if (blankAllowed && blankOk() && blankBefore(start, last)) out.push("");
    // comments inside a multi-line statement move above it
    for (const c of comments.before(end)) {
      out.push(indent + c.text.trimEnd());
    }
    const t = comments.trailing(end);
    out.push(indent + text + (t ? `  ${t.text.trimEnd()}` : ""));
    last = t ? t.span.end : end;
    opened = false;
  };

  if (ast.headerSpan && ast.name !== undefined) {
    emitLine(`gan ${quote(ast.name)}`, ast.headerSpan.start, ast.headerSpan.end, "", true);
  }
  let previous: A.Item | undefined;
  for (const item of ast.items) {
    // Top-level items are separated by a blank line, except constants that the source kept together.
    const together = previous?.kind === "const" && item.kind === "const" && !blankBefore(item.span.start, previous.span.end);
    const lead = comments.before(item.span.start);
    if (out.length && !together && out[out.length - 1] !== "") out.push("");
    for (const c of lead) emitComment(c, "");
    if (item.kind === "const") {
      emitLine(`const ${item.name} = ${formatExpr(item.value)}`, item.span.start, item.span.end, "", false);
    } else {
      formatSection(item);
    }
    previous = item;
  }
  for (const c of comments.before(Infinity)) {
    if (out.length && out[out.length - 1] !== "" && blankBefore(c.span.start, last)) out.push("");
    out.push(c.text.trimEnd());
    last = c.span.end;
  }
  while (out.length && out[out.length - 1] === "") out.pop();
  return out.join("\n") + "\n";

  function formatSection(s: A.Section) {
    const head = `${s.name}${s.label !== undefined ? ` ${s.label}` : ""}`;
    const close = s.span.end - 1; // the `}`
    const openAt = source.indexOf("{", s.labelSpan?.end ?? s.nameSpan.end);
    const t = comments.trailing(openAt + 1);
    const inner = ast.comments.some((c) => c.span.start > openAt && c.span.start < close);
    if (s.body.length === 0 && !inner && !t) {
      out.push(`${head} {}`);
      last = s.span.end;
      return;
    }
    out.push(`${head} {` + (t ? `  ${t.text.trimEnd()}` : ""));
    last = t ? t.span.end : openAt + 1;
    opened = true;
    for (const st of s.body) emitLine(formatStatement(st), st.span.start, st.span.end, INDENT, true);
    for (const c of comments.before(close)) emitComment(c, INDENT);
    opened = false;
    const tc = comments.trailing(close + 1);
    out.push("}" + (tc ? `  ${tc.text.trimEnd()}` : ""));
    last = tc ? tc.span.end : close + 1;
  }
}
