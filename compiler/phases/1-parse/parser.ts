import { type CstNode, CstParser, type IToken } from "chevrotain";
import { errorMessages } from "./errors.ts";
import * as T from "./lexer.ts";

/** Words that open a top-level section (the checker's list, with `block`): see `statement`. */
const SECTION_WORDS = new Set(["data", "latent", "generator", "discriminator", "loss", "optimizer", "train", "block"]);

/** The grammar. Statements need no separators: a new statement always starts with a name, which
 *  cannot continue an expression. Rules are class fields, so a typo in a sub-rule is a type error. */
export class GanParser extends CstParser {
  constructor() {
    super(T.allTokens, {
      recoveryEnabled: true,
      maxLookahead: 3,
      nodeLocationTracking: "onlyOffset",
      errorMessageProvider: errorMessages,
    });
    this.performSelfAnalysis();
  }

  // The `gan "name"` header may stand anywhere at the top level (usually first); the AST builder
  // reports a second one.
  spec = this.RULE("spec", () => {
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.header) },
        { ALT: () => this.SUBRULE(this.constDecl) },
        { ALT: () => this.SUBRULE(this.section) },
      ])
    );
  });

  header = this.RULE("header", () => {
    this.CONSUME(T.Gan);
    this.OR([{ ALT: () => this.CONSUME(T.StringLiteral) }, { ALT: () => this.CONSUME(T.Identifier) }]);
  });

  constDecl = this.RULE("constDecl", () => {
    this.CONSUME(T.Const);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  section = this.RULE("section", () => {
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.OPTION(() => this.CONSUME2(T.Identifier, { LABEL: "label" }));
    // `block res_up(ch, stride = 1) { ... }`: a block's parameters, with defaults
    this.OPTION2(() => this.SUBRULE(this.args, { LABEL: "params" }));
    this.SUBRULE(this.body);
  });

  /** `{ statements }`: a section's, and a nested layer's (`residual { ... }`, `shortcut { ... }`). */
  body = this.RULE("body", () => {
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.statement));
    this.CONSUME(T.RBrace);
  });

  statement = this.RULE("statement", () => {
    const id = this.CONSUME(T.Identifier);
    // a section's name followed by `{` inside a section means the `}` above it is missing: it is left to
    // end the section there (the error points at that `{`), never read as a nested body
    const nests = () => !SECTION_WORDS.has(id.image);
    // Neither `=` nor `(` follows: a bare layer such as `relu`. A layer may own a body of layers:
    // `residual { ... }`, `residual(shortcut = false) { ... }`.
    this.OPTION({
      GATE: () => this.LA(1).tokenType !== T.LBrace || nests(),
      DEF: () =>
        this.OR([
          {
            ALT: () => {
              this.CONSUME(T.Equals);
              this.SUBRULE(this.expression);
            },
          },
          {
            ALT: () => {
              this.SUBRULE(this.args);
              this.OPTION2({ GATE: nests, DEF: () => this.SUBRULE(this.body) });
            },
          },
          { ALT: () => this.SUBRULE2(this.body) },
        ]),
    });
  });

  args = this.RULE("args", () => {
    this.CONSUME(T.LParen);
    this.OPTION(() => {
      this.SUBRULE(this.arg);
      this.MANY({
        GATE: () => this.LA(2).tokenType !== T.RParen,
        DEF: () => {
          this.CONSUME(T.Comma);
          this.SUBRULE2(this.arg);
        },
      });
      this.OPTION2(() => this.CONSUME2(T.Comma, { LABEL: "trailing" }));
    });
    this.CONSUME(T.RParen);
  });

  arg = this.RULE("arg", () => {
    this.OPTION({
      GATE: () => this.LA(2).tokenType === T.Equals,
      DEF: () => {
        this.CONSUME(T.Identifier, { LABEL: "argName" });
        this.CONSUME(T.Equals);
      },
    });
    this.SUBRULE(this.expression);
  });

  expression = this.RULE("expression", () => {
    this.SUBRULE(this.term, { LABEL: "lhs" });
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
      this.SUBRULE2(this.term, { LABEL: "rhs" });
    });
  });

  term = this.RULE("term", () => {
    this.SUBRULE(this.unary, { LABEL: "lhs" });
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Star) }, { ALT: () => this.CONSUME(T.Slash) }]);
      this.SUBRULE2(this.unary, { LABEL: "rhs" });
    });
  });

  unary = this.RULE("unary", () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.Minus) }, { ALT: () => this.CONSUME(T.Plus) }]);
          this.SUBRULE(this.unary);
        },
      },
      { ALT: () => this.SUBRULE(this.power) },
    ]);
  });

  power = this.RULE("power", () => {
    this.SUBRULE(this.primary);
    this.OPTION(() => {
      this.CONSUME(T.Caret);
      this.SUBRULE(this.unary, { LABEL: "exponent" });
    });
  });

  primary = this.RULE("primary", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.NumberLiteral) },
      { ALT: () => this.CONSUME(T.StringLiteral) },
      {
        ALT: () => {
          this.CONSUME(T.Identifier);
          this.OPTION(() => this.SUBRULE(this.args));
        },
      },
      { ALT: () => this.SUBRULE(this.list) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.expression);
          this.CONSUME(T.RParen);
        },
      },
    ]);
  });

  list = this.RULE("list", () => {
    this.CONSUME(T.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.MANY({
        GATE: () => this.LA(2).tokenType !== T.RBracket,
        DEF: () => {
          this.CONSUME(T.Comma);
          this.SUBRULE2(this.expression);
        },
      });
      this.OPTION2(() => this.CONSUME2(T.Comma, { LABEL: "trailing" }));
    });
    this.CONSUME(T.RBracket);
  });
}

/** One parser instance, reused: Chevrotain's self-analysis is the expensive part. */
export const parser = new GanParser();

export type { CstNode, IToken };
