// `gan fmt`: the canonical text of a spec.
//
// Call formatSpec only on text whose parse had no diagnostics (the CLI refuses to format a file with
// syntax errors): error recovery drops what it cannot read, and the formatter would drop it too.
//
// Rules: the header `gan "name"` first, then items in source order, one blank line between items
// (consecutive `const` lines stay together unless the source had a blank line between them). Sections
// indent their body by two spaces, one statement a line (a layer's own body, `residual { ... }`, two more), never wrapped; an empty one is `name {}`.
// `key = value`, `f(a, b, k = v)`, `[a, b]`, single spaces around binary operators, unary minus tight,
// the user's parentheses kept (never added or dropped), numbers exactly as written, strings
// double-quoted. At most one blank line wherever the source had any, none right after `{` or before
// `}`. Every comment survives, in order: on its own line it stays before what follows it (at that
// indentation); after a statement on the same line it stays there, two spaces after it; inside a
// multi-line statement it moves to its own line just above it. Output ends with one newline.
import type * as A from "../ast.ts";
import type { Span } from "../diagnostics/diagnostic.ts";

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
      return `${e.callee}(${formatArgs(e.args)})`;
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

const formatArgs = (args: A.Arg[]) =>
  args.map((a) => (a.name !== undefined ? `${a.name} = ${formatExpr(a.value)}` : formatExpr(a.value))).join(", ");

// The lexer's unquote turns `\n` and `\t` back into characters, so they are escaped again here.
const quote = (s: string) =>
  `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\t/g, "\\t")}"`;

function formatStatement(s: A.Statement): string {
  if (s.kind === "option") return `${s.key} = ${formatExpr(s.value)}`;
  return s.args === null ? s.name : `${s.name}(${formatArgs(s.args)})`;
}

export function formatSpec(ast: A.SpecFile, source: string): string {
  const out: string[] = [];
  const comments = ast.comments;
  let next = 0; // index of the first comment not yet printed
  let last = 0; // source offset just past what has been printed
  let afterOpen = false; // the last line printed ends with `{`: no blank line may follow

  const hasBlank = (from: number, to: number) => /\n[ \t\r]*\n/.test(source.slice(from, to));
  const blank = () => {
    if (out.length > 0 && out[out.length - 1] !== "" && !afterOpen) out.push("");
  };
  const push = (line: string, end: number) => {
    out.push(line);
    last = end;
    afterOpen = false;
  };

  /** Own-line comments before `start`, each after a blank line if the source had one before it. */
  const ownLine = (start: number, indent: string) => {
    while (next < comments.length && comments[next].span.start < start) {
      const c = comments[next++];
      if (hasBlank(last, c.span.start)) blank();
      push(indent + c.text.trimEnd(), c.span.end);
    }
  };
  /** Comments inside a construct that ends at `end` (a multi-line call, say) move above it. */
  const inside = (end: number, indent: string) => {
    while (next < comments.length && comments[next].span.start < end) {
      out.push(indent + comments[next++].text.trimEnd());
    }
  };
  /** Prints `text` (whose source ends at `end`) with the comment that follows it on its line, if any. */
  const withTrailing = (text: string, end: number) => {
    const c = comments[next];
    if (c && /^[ \t]*$/.test(source.slice(end, c.span.start))) {
      next++;
      push(`${text}  ${c.text.trimEnd()}`, c.span.end);
    } else push(text, end);
  };
  /** One line for a node spanning `span`: comments before it, a blank line if the source had one, itself. */
  const line = (text: string, span: Span, indent: string) => {
    ownLine(span.start, indent);
    if (hasBlank(last, span.start)) blank();
    inside(span.end, indent);
    withTrailing(indent + text, span.end);
  };

  /** `head {`, the statements one level in, `}`: a section, or a layer with a body (`residual { ... }`). */
  const braced = (head: string, start: number, open: number, end: number, body: A.Statement[], indent: string) => {
    const close = end - 1; // the `}`
    ownLine(start, indent);
    if (hasBlank(last, start)) blank();
    inside(open, indent); // between the name and `{`
    const empty = body.length === 0 && !(next < comments.length && comments[next].span.start < close);
    if (empty) return withTrailing(`${indent}${head} {}`, end);
    withTrailing(`${indent}${head} {`, open + 1);
    afterOpen = true;
    const inner = indent + INDENT;
    for (const st of body) {
      if (st.kind === "layer" && st.body && st.bodySpan) {
        braced(formatStatement(st), st.span.start, st.bodySpan.start, st.bodySpan.end, st.body, inner);
      } else line(formatStatement(st), st.span, inner);
    }
    ownLine(close, inner);
    withTrailing(`${indent}}`, end);
  };
  const section = (s: A.Section) => {
    const params = s.params ? `(${formatArgs(s.params)})` : "";
    const head = (s.label !== undefined ? `${s.name} ${s.label}` : s.name) + params;
    const open = source.indexOf("{", (s.paramsSpan ?? s.labelSpan ?? s.nameSpan).end);
    braced(head, s.span.start, open, s.span.end, s.body, "");
  };

  let previous: "header" | A.Item["kind"] | undefined;
  if (ast.name !== undefined && ast.headerSpan) {
    line(`gan ${quote(ast.name)}`, ast.headerSpan, "");
    previous = "header";
  }
  for (const item of ast.items) {
    // A blank line between top-level items, except between constants the source kept together. Where
    // the source had blank lines (around comments, say), the printing below keeps them instead.
    const keptTogether = previous === "const" && item.kind === "const";
    if (previous !== undefined && !keptTogether && !hasBlank(last, item.span.start)) blank();
    if (item.kind === "const") line(`const ${item.name} = ${formatExpr(item.value)}`, item.span, "");
    else section(item);
    previous = item.kind;
  }
  ownLine(Infinity, ""); // comments at the end of the file
  while (out[out.length - 1] === "") out.pop();
  return out.map((l) => l.trimEnd()).join("\n") + "\n";
}
