import { createToken, Lexer, type TokenType } from "chevrotain";

// Keywords come before Identifier and use longer_alt, so `constant` stays an identifier.
export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z_][A-Za-z0-9_]*/ });
export const Gan = createToken({ name: "Gan", pattern: /gan/, longer_alt: Identifier });
export const Const = createToken({ name: "Const", pattern: /const/, longer_alt: Identifier });

export const NumberLiteral = createToken({
  name: "NumberLiteral",
  pattern: /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/,
});
export const StringLiteral = createToken({ name: "StringLiteral", pattern: /"(?:[^"\\\n\r]|\\.)*"/ });
export const UnterminatedString = createToken({ name: "UnterminatedString", pattern: /"(?:[^"\\\n\r]|\\.)*/ });

export const LBrace = createToken({ name: "LBrace", pattern: /\{/, label: "`{`" });
export const RBrace = createToken({ name: "RBrace", pattern: /\}/, label: "`}`" });
export const LParen = createToken({ name: "LParen", pattern: /\(/, label: "`(`" });
export const RParen = createToken({ name: "RParen", pattern: /\)/, label: "`)`" });
export const LBracket = createToken({ name: "LBracket", pattern: /\[/, label: "`[`" });
export const RBracket = createToken({ name: "RBracket", pattern: /\]/, label: "`]`" });
export const Comma = createToken({ name: "Comma", pattern: /,/, label: "`,`" });
export const Equals = createToken({ name: "Equals", pattern: /=/, label: "`=`" });
export const Plus = createToken({ name: "Plus", pattern: /\+/, label: "`+`" });
export const Minus = createToken({ name: "Minus", pattern: /-/, label: "`-`" });
export const Star = createToken({ name: "Star", pattern: /\*/, label: "`*`" });
export const Slash = createToken({ name: "Slash", pattern: /\//, label: "`/`" });
export const Caret = createToken({ name: "Caret", pattern: /\^/, label: "`^`" });

export const Comment = createToken({ name: "Comment", pattern: /#[^\n\r]*/, group: "comments" });
// Mistakes common enough to recover from as if written right; parse.ts reports them with a hint.
export const SlashComment = createToken({ name: "SlashComment", pattern: /\/\/[^\n\r]*/ });
export const Colon = createToken({ name: "Colon", pattern: /:/ });
export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\f\v\uFEFF]+/, group: Lexer.SKIPPED });

export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  SlashComment,
  NumberLiteral,
  StringLiteral,
  UnterminatedString,
  Gan,
  Const,
  Identifier,
  LBrace,
  RBrace,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Equals,
  Plus,
  Minus,
  Star,
  Slash,
  Caret,
  Colon,
];

Identifier.LABEL = "a name";
NumberLiteral.LABEL = "a number";
StringLiteral.LABEL = "a string";
Gan.LABEL = "`gan`";
Const.LABEL = "`const`";

export const ganLexer = new Lexer(allTokens, { positionTracking: "onlyOffset", ensureOptimizations: false });
