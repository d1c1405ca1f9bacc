// Chevrotain's parse errors, worded in the language's terms.
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";

const ruleWords: Record<string, string> = {
  spec: "a section or `const`",
  header: "the spec's name",
  constDecl: "a constant",
  section: "a section",
  statement: "an option or a layer",
  args: "arguments",
  arg: "an argument",
  expression: "a value",
  term: "a value",
  unary: "a value",
  power: "a value",
  primary: "a value",
  list: "a list",
};

export function describeToken(t: IToken): string {
  if (t.tokenType === EOF || !Number.isFinite(t.startOffset) || t.startOffset < 0) return "the end of the file";
  return `\`${t.image}\``;
}

const label = (t: TokenType) => (t === EOF ? "the end of the file" : t.LABEL ?? t.name);

export const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    if (expected === EOF) return `expected a section or \`const\`, found ${describeToken(actual)}`;
    return `expected ${label(expected)}, found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `expected a section or \`const\`, found ${describeToken(firstRedundant)}`;
  },
  buildNoViableAltMessage({ actual, ruleName }) {
    return `expected ${ruleWords[ruleName] ?? ruleName}, found ${describeToken(actual[0])}`;
  },
  buildEarlyExitMessage({ actual, ruleName }) {
    return `expected ${ruleWords[ruleName] ?? ruleName}, found ${describeToken(actual[0])}`;
  },
};
