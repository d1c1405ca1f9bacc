// CST to AST, the library's recommended way: a visitor checked against the grammar by validateVisitor().
// Nodes that error recovery left incomplete are dropped here; parse.ts reports why.
import type { CstNode, IToken } from "chevrotain";
import type * as A from "../../ast.ts";
import type { Span } from "../../diagnostics/diagnostic.ts";
import { parser } from "./parser.ts";

type Ctx = Record<string, (CstNode | IToken)[] | undefined>;

const BaseVisitor = parser.getBaseCstVisitorConstructor();

const real = (t: IToken | undefined): t is IToken =>
  t !== undefined && !t.isInsertedInRecovery && Number.isFinite(t.startOffset);
const tokSpan = (t: IToken): Span => ({ start: t.startOffset, end: t.startOffset + t.image.length });
const join = (a: Span, b: Span): Span => ({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) });
const tok = (ctx: Ctx, name: string, i = 0): IToken | undefined => {
  const t = ctx[name]?.[i] as IToken | undefined;
  return real(t) ? t : undefined;
};
const node = (ctx: Ctx, name: string, i = 0): CstNode | undefined => {
  const n = ctx[name]?.[i] as CstNode | undefined;
  return n && !n.recoveredNode ? n : undefined;
};
const nodes = (ctx: Ctx, name: string): CstNode[] => (ctx[name] ?? []) as CstNode[];

function unquote(raw: string): string {
  return raw.slice(1, -1).replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c));
}

class AstBuilder extends BaseVisitor {
  constructor() {
    super();
    this.validateVisitor();
  }

  spec(ctx: Ctx, info: { length: number }): A.SpecFile {
    const items: A.Item[] = [];
    const all = [...nodes(ctx, "constDecl"), ...nodes(ctx, "section")].sort(
      (a, b) => (a.location?.startOffset ?? 0) - (b.location?.startOffset ?? 0),
    );
    for (const n of all) {
      const item = this.visit(n) as A.Item | undefined;
      if (item) items.push(item);
    }
    const out: A.SpecFile = { kind: "spec", items, comments: [], span: { start: 0, end: info.length } };
    for (const header of nodes(ctx, "header")) {
      if (header.recoveredNode) continue;
      const h = this.visit(header) as { name: string; nameSpan: Span; span: Span } | undefined;
      if (!h) continue;
      if (out.headerSpan) out.extraHeaders = [...(out.extraHeaders ?? []), h.span];
      else Object.assign(out, { name: h.name, nameSpan: h.nameSpan, headerSpan: h.span });
    }
    return out;
  }

  header(ctx: Ctx) {
    const kw = tok(ctx, "Gan");
    const str = tok(ctx, "StringLiteral");
    const id = tok(ctx, "Identifier");
    const t = str ?? id;
    if (!kw || !t) return undefined;
    return { name: str ? unquote(str.image) : t.image, nameSpan: tokSpan(t), span: join(tokSpan(kw), tokSpan(t)) };
  }

  constDecl(ctx: Ctx): A.Const | undefined {
    const kw = tok(ctx, "Const");
    const id = tok(ctx, "Identifier");
    const e = node(ctx, "expression");
    const value = e && (this.visit(e) as A.Expr | undefined);
    if (!kw || !id || !value) return undefined;
    return { kind: "const", name: id.image, nameSpan: tokSpan(id), value, span: join(tokSpan(kw), value.span) };
  }

  section(ctx: Ctx): A.Section | undefined {
    const name = tok(ctx, "name");
    const label = tok(ctx, "label");
    const b = ctx.body?.[0] as CstNode | undefined;
    const body = b && (this.visit(b) as { body: A.Statement[]; span: Span } | undefined);
    if (!name || !body) return undefined;
    const p = node(ctx, "params");
    const params = p && (this.visit(p) as { args: A.Arg[]; span: Span } | undefined);
    return {
      kind: "section",
      name: name.image,
      nameSpan: tokSpan(name),
      ...(label ? { label: label.image, labelSpan: tokSpan(label) } : {}),
      ...(params ? { params: params.args, paramsSpan: params.span } : {}),
      body: body.body,
      span: join(tokSpan(name), body.span),
    };
  }

  /** Statements between braces; a recovered statement is dropped, the rest kept (parse.ts reports why). */
  body(ctx: Ctx): { body: A.Statement[]; span: Span } | undefined {
    const open = tok(ctx, "LBrace");
    const close = tok(ctx, "RBrace");
    if (!open) return undefined;
    const body: A.Statement[] = [];
    for (const s of nodes(ctx, "statement")) {
      if (s.recoveredNode) continue;
      const st = this.visit(s) as A.Statement | undefined;
      if (st) body.push(st);
    }
    const end = close ? tokSpan(close) : body.length ? body[body.length - 1].span : tokSpan(open);
    return { body, span: join(tokSpan(open), end) };
  }

  statement(ctx: Ctx): A.Statement | undefined {
    const id = tok(ctx, "Identifier");
    if (!id) return undefined;
    if (ctx.Equals) {
      const e = node(ctx, "expression");
      const value = e && (this.visit(e) as A.Expr | undefined);
      if (!value || !tok(ctx, "Equals")) return undefined;
      return { kind: "option", key: id.image, keySpan: tokSpan(id), value, span: join(tokSpan(id), value.span) };
    }
    const b = ctx.body?.[0] as CstNode | undefined;
    const body = b && (this.visit(b) as { body: A.Statement[]; span: Span } | undefined);
    if (b && !body) return undefined;
    const nested = body ? { body: body.body, bodySpan: body.span } : {};
    if (ctx.args) {
      const a = node(ctx, "args");
      const r = a && (this.visit(a) as { args: A.Arg[]; span: Span } | undefined);
      if (!r) return undefined;
      const span = join(tokSpan(id), r.span);
      return { kind: "layer", name: id.image, nameSpan: tokSpan(id), args: r.args, span, ...nested };
    }
    return { kind: "layer", name: id.image, nameSpan: tokSpan(id), args: null, span: tokSpan(id), ...nested };
  }

  args(ctx: Ctx): { args: A.Arg[]; span: Span } | undefined {
    const open = tok(ctx, "LParen");
    const close = tok(ctx, "RParen");
    if (!open || !close) return undefined;
    const args: A.Arg[] = [];
    for (const n of nodes(ctx, "arg")) {
      if (n.recoveredNode) return undefined;
      const a = this.visit(n) as A.Arg | undefined;
      if (!a) return undefined;
      args.push(a);
    }
    return { args, span: join(tokSpan(open), tokSpan(close)) };
  }

  arg(ctx: Ctx): A.Arg | undefined {
    const e = node(ctx, "expression");
    const value = e && (this.visit(e) as A.Expr | undefined);
    if (!value) return undefined;
    const name = tok(ctx, "argName");
    if (ctx.argName && !name) return undefined;
    if (name) return { name: name.image, nameSpan: tokSpan(name), value, span: join(tokSpan(name), value.span) };
    return { value, span: value.span };
  }

  expression(ctx: Ctx): A.Expr | undefined {
    return this.binaryChain(ctx, ["Plus", "Minus"]);
  }

  term(ctx: Ctx): A.Expr | undefined {
    return this.binaryChain(ctx, ["Star", "Slash"]);
  }

  /** Left-associative chains: operators and right-hand sides come back in source order. */
  private binaryChain(ctx: Ctx, opNames: string[]): A.Expr | undefined {
    const lhsNode = node(ctx, "lhs");
    let left = lhsNode && (this.visit(lhsNode) as A.Expr | undefined);
    if (!left) return undefined;
    const ops = opNames.flatMap((n) => (ctx[n] ?? []) as IToken[]).sort((a, b) => a.startOffset - b.startOffset);
    const rhs = nodes(ctx, "rhs");
    if (ops.length !== rhs.length) return undefined;
    for (let i = 0; i < rhs.length; i++) {
      if (!real(ops[i]) || rhs[i].recoveredNode) return undefined;
      const right = this.visit(rhs[i]) as A.Expr | undefined;
      if (!right) return undefined;
      left = { kind: "binary", op: ops[i].image as A.Binary["op"], left, right, span: join(left.span, right.span) };
    }
    return left;
  }

  unary(ctx: Ctx): A.Expr | undefined {
    const p = node(ctx, "power");
    if (p) return this.visit(p) as A.Expr | undefined;
    const op = tok(ctx, "Minus") ?? tok(ctx, "Plus");
    const u = node(ctx, "unary");
    const operand = u && (this.visit(u) as A.Expr | undefined);
    if (!op || !operand) return undefined;
    return { kind: "unary", op: op.image as "-" | "+", operand, span: join(tokSpan(op), operand.span) };
  }

  power(ctx: Ctx): A.Expr | undefined {
    const p = node(ctx, "primary");
    const base = p && (this.visit(p) as A.Expr | undefined);
    if (!base) return undefined;
    if (!ctx.Caret) return base;
    const e = node(ctx, "exponent");
    const exponent = e && (this.visit(e) as A.Expr | undefined);
    if (!exponent || !tok(ctx, "Caret")) return undefined;
    return { kind: "binary", op: "^", left: base, right: exponent, span: join(base.span, exponent.span) };
  }

  primary(ctx: Ctx): A.Expr | undefined {
    const num = tok(ctx, "NumberLiteral");
    if (num) return { kind: "number", value: Number(num.image), text: num.image, span: tokSpan(num) };
    const str = tok(ctx, "StringLiteral");
    if (str) return { kind: "string", value: unquote(str.image), span: tokSpan(str) };
    const list = node(ctx, "list");
    if (list) return this.visit(list) as A.Expr | undefined;
    const id = tok(ctx, "Identifier");
    if (id) {
      if (!ctx.args) return { kind: "name", name: id.image, span: tokSpan(id) };
      const a = node(ctx, "args");
      const r = a && (this.visit(a) as { args: A.Arg[]; span: Span } | undefined);
      if (!r) return undefined;
      return { kind: "call", callee: id.image, calleeSpan: tokSpan(id), args: r.args, span: join(tokSpan(id), r.span) };
    }
    const open = tok(ctx, "LParen");
    const close = tok(ctx, "RParen");
    const e = node(ctx, "expression");
    const inner = e && (this.visit(e) as A.Expr | undefined);
    if (!open || !close || !inner) return undefined;
    return { kind: "paren", inner, span: join(tokSpan(open), tokSpan(close)) };
  }

  list(ctx: Ctx): A.Expr | undefined {
    const open = tok(ctx, "LBracket");
    const close = tok(ctx, "RBracket");
    if (!open || !close) return undefined;
    const items: A.Expr[] = [];
    for (const n of nodes(ctx, "expression")) {
      if (n.recoveredNode) return undefined;
      const e = this.visit(n) as A.Expr | undefined;
      if (!e) return undefined;
      items.push(e);
    }
    return { kind: "list", items, span: join(tokSpan(open), tokSpan(close)) };
  }
}

export const astBuilder = new AstBuilder();
