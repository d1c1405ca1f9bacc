// Bounds on what the parser and every later phase take in. Phases walk expressions recursively (the
// checker evaluates them, the formatter prints them), so an expression nested too deep would overflow
// the stack: it is refused here, with its position, before anything recurses over it. The size bound
// keeps a spec a text a person wrote: 1 MiB is 500 times the largest bundled spec.
import type { IToken, TokenType } from "chevrotain";
import type * as A from "../../ast.ts";
import type { Span } from "../../diagnostics/diagnostic.ts";
import {
  Caret,
  Comma,
  Const,
  Equals,
  Gan,
  Identifier,
  LBrace,
  LBracket,
  LParen,
  Minus,
  NumberLiteral,
  Plus,
  RBrace,
  RBracket,
  RParen,
  Slash,
  Star,
  StringLiteral,
} from "./lexer.ts";

/** The most characters a spec may have. */
export const MAX_SPEC_CHARS = 1 << 20;

/** The deepest an expression may nest: brackets, calls, signs, powers and operators each count one level. */
export const MAX_DEPTH = 100;

const OPEN = new Set([LParen, LBracket, LBrace]);
const CLOSE = new Set([RParen, RBracket, RBrace]);
/** After these a `-` or `+` is a sign, not an operator; `^` always nests (it is right-associative). */
const BINARY = new Set([Plus, Minus, Star, Slash]);
const STARTS = new Set([Identifier, NumberLiteral, StringLiteral, Const, Gan, LBrace]);
const ENDS = new Set<TokenType | undefined>([Identifier, NumberLiteral, StringLiteral, RParen, RBracket, RBrace]);

/**
 * The first token at which the parser would recurse more than MAX_DEPTH levels, and how deep it gets
 * there, from the tokens alone (the parser recurses into each bracket, sign and power, and loops over
 * + - * /).
 */
export function tooDeepToken(tokens: readonly IToken[]): { token: IToken; depth: number } | undefined {
  // one entry per open bracket: the signs and powers in a row at that level
  const chains: number[] = [0];
  const opened: number[] = []; // the level each open bracket added
  let depth = 0;
  let braces = 0; // open braces: a section's own count nothing, nested bodies (`residual { ... }`) one each
  let first: { token: IToken; depth: number } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].tokenType;
    const level = chains.length - 1;
    // an operand right after an operand starts the next statement: the last one's signs are done
    if (STARTS.has(t) && ENDS.has(tokens[i - 1]?.tokenType)) {
      depth -= chains[level];
      chains[level] = 0;
    }
    if (OPEN.has(t)) {
      // a section's braces hold expressions but are no part of one; a body nested in a layer recurses
      const own = t === LBrace ? (braces++ > 0 ? 1 : 0) : 1;
      chains.push(0);
      opened.push(own);
      depth += own;
    } else if (CLOSE.has(t)) {
      if (t === RBrace && braces > 0) braces--;
      if (chains.length > 1) depth -= opened.pop()! + chains.pop()!;
    } else if (t === Caret || ((t === Minus || t === Plus) && startsOperand(tokens[i - 1]))) {
      chains[level]++;
      depth++;
    } else if (BINARY.has(t) || t === Comma || t === Equals) {
      depth -= chains[level];
      chains[level] = 0;
    }
    if (depth > MAX_DEPTH) {
      first ??= { token: tokens[i], depth };
      first.depth = Math.max(first.depth, depth);
    } else if (first) return first;
  }
  return first;
}

/** Whether a token after `prev` begins an operand (so a `-` there is a sign). */
function startsOperand(prev: IToken | undefined): boolean {
  if (!prev) return true;
  const t = prev.tokenType;
  return OPEN.has(t) || BINARY.has(t) || t === Caret || t === Comma || t === Equals;
}

/**
 * The first expression deeper than MAX_DEPTH and the depth of the deepest one (a chain `1 + 1 + ...` is
 * as deep as it is long), found without recursion.
 */
export function tooDeepExpr(spec: A.SpecFile): { span: Span; depth: number } | undefined {
  const stack: [A.Expr, number][] = [];
  // bodies nest (`residual { ... }`) no deeper than tooDeepToken allowed, so this walk may recurse
  const statements = (body: readonly A.Statement[]) => {
    for (const s of [...body].reverse()) {
      if (s.kind === "option") stack.push([s.value, 1]);
      else {
        statements(s.body ?? []);
        for (const a of [...(s.args ?? [])].reverse()) stack.push([a.value, 1]);
      }
    }
  };
  for (const item of [...spec.items].reverse()) {
    if (item.kind === "const") stack.push([item.value, 1]);
    else {
      statements(item.body);
      for (const a of [...(item.params ?? [])].reverse()) stack.push([a.value, 1]);
    }
  }
  let first: { span: Span; depth: number } | undefined;
  while (stack.length) {
    const [e, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) {
      first ??= { span: e.span, depth };
      first.depth = Math.max(first.depth, depth);
    }
    if (e.kind === "unary") stack.push([e.operand, depth + 1]);
    else if (e.kind === "paren") stack.push([e.inner, depth + 1]);
    else if (e.kind === "binary") stack.push([e.right, depth + 1], [e.left, depth + 1]);
    else if (e.kind === "list") { for (const x of [...e.items].reverse()) stack.push([x, depth + 1]); }
    else if (e.kind === "call") { for (const a of [...e.args].reverse()) stack.push([a.value, depth + 1]); }
  }
  return first;
}
