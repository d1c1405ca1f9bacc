// The syntax tree of a .gan file. Generic on purpose: the grammar knows blocks, options, layers and
// expressions; which sections, options and layers exist is the checker's business (phases/2-check/schema.ts).
import type { Span } from "./diagnostics/diagnostic.ts";

export type Expr = NumberLit | StringLit | Name | Call | List | Unary | Binary | Paren;

export interface NumberLit {
  kind: "number";
  value: number;
  text: string; // as written, so the formatter keeps `1e-7` as `1e-7`
  span: Span;
}
export interface StringLit {
  kind: "string";
  value: string;
  span: Span;
}
/** A bare word: a constant's name, or a word the checker gives meaning to (`relu`, `mnist`, `sgd`). */
export interface Name {
  kind: "name";
  name: string;
  span: Span;
}
export interface Call {
  kind: "call";
  callee: string;
  calleeSpan: Span;
  args: Arg[];
  span: Span;
}
export interface Arg {
  name?: string;
  nameSpan?: Span;
  value: Expr;
  span: Span;
}
export interface List {
  kind: "list";
  items: Expr[];
  span: Span;
}
export interface Unary {
  kind: "unary";
  op: "-" | "+";
  operand: Expr;
  span: Span;
}
export interface Binary {
  kind: "binary";
  op: "+" | "-" | "*" | "/" | "^";
  left: Expr;
  right: Expr;
  span: Span;
}
export interface Paren {
  kind: "paren";
  inner: Expr;
  span: Span;
}

/** `key = value` inside a section. */
export interface Option {
  kind: "option";
  key: string;
  keySpan: Span;
  value: Expr;
  span: Span;
}
/** A layer line inside `generator` or `discriminator`: `relu`, `dense(1200)`, `maxout(240, pieces = 5)`. */
export interface Layer {
  kind: "layer";
  name: string;
  nameSpan: Span;
  args: Arg[] | null; // null: written without parentheses
  /** The span of the name and arguments: what a diagnostic about the layer itself points at. */
  span: Span;
  /** Layers nested in braces: `residual { ... }`, `shortcut { ... }`. */
  body?: Statement[];
  bodySpan?: Span;
}
export type Statement = Option | Layer;

export interface Section {
  kind: "section";
  name: string;
  nameSpan: Span;
  label?: string;
  labelSpan?: Span;
  /** `block res_up(ch, stride = 1) { ... }`: a block's parameters, with default values. */
  params?: Arg[];
  paramsSpan?: Span;
  body: Statement[];
  span: Span;
}
export interface Const {
  kind: "const";
  name: string;
  nameSpan: Span;
  value: Expr;
  span: Span;
}
export type Item = Const | Section;

export interface Comment {
  text: string; // including the leading '#'
  span: Span;
}

export interface SpecFile {
  kind: "spec";
  /** `gan "name"` header; absent when the file has none. */
  name?: string;
  nameSpan?: Span;
  headerSpan?: Span;
  /** Further `gan` headers: an error (E115). */
  extraHeaders?: Span[];
  items: Item[];
  comments: Comment[];
  span: Span;
}
