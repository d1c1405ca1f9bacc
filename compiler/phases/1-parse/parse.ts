// Phase 1: text to AST. Never throws for any input; what is wrong comes back as diagnostics.
import type { IToken } from "chevrotain";
import type { SpecFile } from "../../ast.ts";
import { diag, type Diagnostic, withHint } from "../../diagnostics/diagnostic.ts";
import { Colon, Equals, ganLexer, SlashComment, UnterminatedString } from "./lexer.ts";
import { parser } from "./parser.ts";
import { astBuilder } from "./to-ast.ts";
import { MAX_DEPTH, MAX_SPEC_CHARS, tooDeepExpr, tooDeepToken } from "./limits.ts";

export interface ParseResult {
  ast: SpecFile;
  diagnostics: Diagnostic[];
}

export function parse(text: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  // refused before anything is read of it: an empty spec goes on, so later phases see nothing to recurse into
  if (text.length > MAX_SPEC_CHARS) {
    return { ast: empty(text), diagnostics: [diag("E006", { start: 0, end: 1 }, text.length, MAX_SPEC_CHARS)] };
  }
  const lexed = ganLexer.tokenize(text);
  for (const e of lexed.errors) {
    diagnostics.push(
      diag("E002", { start: e.offset, end: e.offset + Math.max(1, e.length) }, text.slice(e.offset, e.offset + 1)),
    );
  }
  const tokens: IToken[] = [];
  for (const t of lexed.tokens) {
    const at = { start: t.startOffset, end: t.startOffset + 1 };
    if (t.tokenType === UnterminatedString) diagnostics.push(diag("E003", at));
    else if (t.tokenType === SlashComment) diagnostics.push(withHint(diag("E002", at, "/"), "comments start with `#`"));
    else if (t.tokenType === Colon) {
      diagnostics.push(withHint(diag("E002", at, ":"), "write `key = value`"));
      tokens.push({ ...t, tokenType: Equals, tokenTypeIdx: Equals.tokenTypeIdx! }); // read on as the `=` it stands for
    } else tokens.push(t);
  }
  const deep = tooDeepToken(tokens);
  if (deep) {
    const at = { start: deep.token.startOffset, end: deep.token.startOffset + deep.token.image.length };
    return { ast: empty(text), diagnostics: [...diagnostics, tooDeep(at, deep.depth)] };
  }
  parser.input = tokens;
  const cst = parser.spec();
  for (const e of parser.errors) {
    const t = e.token;
    const at = Number.isFinite(t.startOffset) && t.startOffset >= 0 && !t.isInsertedInRecovery
      ? { start: t.startOffset, end: t.startOffset + Math.max(1, t.image.length) }
      : eofSpan(text, tokens[tokens.length - 1]);
    diagnostics.push(diag("E001", at, e.message));
  }
  const ast = astBuilder.visit(cst, { length: text.length }) as SpecFile;
  ast.comments = (lexed.groups.comments ?? []).map((c) => ({
    text: c.image,
    span: { start: c.startOffset, end: c.startOffset + c.image.length },
  }));
  const deepExpr = tooDeepExpr(ast);
  if (deepExpr) return { ast: empty(text), diagnostics: [...diagnostics, tooDeep(deepExpr.span, deepExpr.depth)] };
  return { ast, diagnostics };
}

const tooDeep = (at: { start: number; end: number }, depth: number) =>
  withHint(
    diag("E005", at, depth, MAX_DEPTH),
    "brackets, calls, signs and operators each add a level; name parts of it with `const`",
  );

/** The AST of a spec refused whole: no items, so no phase after this one has anything to walk. */
const empty = (text: string): SpecFile => ({
  kind: "spec",
  items: [],
  comments: [],
  span: { start: 0, end: text.length },
});

/** Where to point when the file ended too early: just after the last real token. */
function eofSpan(text: string, previous: IToken | undefined) {
  const at = previous && Number.isFinite(previous.startOffset) && previous.startOffset >= 0
    ? previous.startOffset + previous.image.length
    : text.length;
  return { start: Math.min(at, text.length), end: Math.min(at, text.length) + 1 };
}
