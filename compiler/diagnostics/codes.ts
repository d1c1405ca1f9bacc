// Every diagnostic a user can cause, as data: one entry per code with its message template.
// Positions never appear here; they travel as offsets and become line:col in frame.ts alone.

type Template<A extends unknown[]> = (...args: A) => string;

function code<A extends unknown[]>(severity: "error" | "warning", message: Template<A>) {
  return { severity, message };
}

const q = (s: string | number) => `\`${s}\``;
const fmtCount = (n: number) => n.toLocaleString("en-US");

export const codes = {
  // 0xx: reading the text
  E001: code("error", (what: string) => what),
  E002: code("error", (ch: string) => `unexpected character ${q(ch)}`),
  E003: code("error", () => "unterminated string"),
  E004: code("error", (path: string, why: string) => `cannot read ${path}: ${why}`),
  E005: code(
    "error",
    (depth: number, limit: number) =>
      `this expression nests ${fmtCount(depth)} levels deep, over the limit of ${limit}`,
  ),
  E006: code(
    "error",
    (chars: number, limit: number) => `the spec is ${fmtCount(chars)} characters, over the limit of ${fmtCount(limit)}`,
  ),

  // 1xx: names
  E101: code("error", (name: string) => `unknown section ${q(name)}`),
  E102: code("error", (name: string) => `duplicate section ${q(name)}`),
  E103: code("error", (name: string) => `missing section ${q(name)}`),
  E104: code("error", (name: string, where: string) => `unknown option ${q(name)} in ${where}`),
  E105: code("error", (name: string) => `option ${q(name)} is given twice`),
  E106: code("error", (name: string, where: string) => `missing option ${q(name)} in ${where}`),
  E107: code("error", (name: string) => `unknown layer ${q(name)}`),
  E108: code("error", (name: string) => `unknown name ${q(name)}`),
  E109: code("error", (name: string) => `constant ${q(name)} is defined twice`),
  E110: code("error", (name: string, what: string) => `unknown ${what} ${q(name)}`),
  E111: code("error", (label: string) => `unknown optimizer target ${q(label)}`),
  E112: code("error", (section: string) => `section ${q(section)} takes no label`),
  E113: code("error", (section: string) => `section ${q(section)} holds options, not layers`),
  E114: code("error", (section: string) => `section ${q(section)} holds layers, not options`),
  E115: code("error", () => 'a spec has one `gan "name"` line'),
  E116: code("error", (name: string, why: string) => `the spec's name ${JSON.stringify(name)} ${why}`),
  E117: code("error", (name: string) => `block ${q(name)} is defined twice`),
  E118: code("error", (name: string, kind: string) => `${q(name)} is a ${kind}, so it cannot name a value`),
  E119: code("error", (name: string) => `value ${q(name)} is defined twice in this body`),
  E120: code("error", (name: string) => `block ${q(name)} uses itself`),
  E121: code("error", (what: string, where: string) => `${what} is only written inside ${where}`),

  // 2xx: values
  E201: code("error", (what: string, expected: string, got: string) => `${what} must be ${expected}, got ${got}`),
  E202: code("error", (what: string, range: string, got: string) => `${what} must be ${range}, got ${got}`),
  E203: code(
    "error",
    (what: string, most: number, got: number) =>
      `${what} takes ${most === 0 ? "no" : `at most ${most}`} positional argument${most === 1 ? "" : "s"}, got ${got}`,
  ),
  E204: code("error", (op: string, got: string) => `${q(op)} needs numbers, got ${got}`),
  E205: code(
    "error",
    (opt: string, owner: string, here: string) => `option ${q(opt)} belongs to ${owner}, not ${here}`,
  ),
  E206: code("error", (a: string, b: string) => `give ${q(a)} or ${q(b)}, not both`),
  E207: code("error", (what: string) => `${what}`),
  E208: code("error", (name: string, why: string) => `${q(name)} ${why}`),

  // 3xx: shapes
  E301: code("error", (layer: string, got: string) => `${q(layer)} needs a flat input, got ${got}`),
  E302: code(
    "error",
    (layer: string, got: string) => `${q(layer)} needs an image input [channels, height, width], got ${got}`,
  ),
  E303: code("error", (to: string, from: string) => `cannot reshape ${from} to ${to}: the sizes differ`),
  E304: code(
    "error",
    (got: string, want: string) => `the generator's output ${got} differs from the data's shape ${want}`,
  ),
  E305: code("error", (got: string) => `the discriminator must output one value per example, got ${got}`),
  E306: code("error", (layer: string, got: string, why: string) => `${q(layer)} would output ${got}: ${why}`),
  E307: code(
    "error",
    () => "the discriminator must end with `sigmoid`: its loss is binary cross-entropy, computed on the logits",
  ),
  E308: code("error", (net: string) => `the ${net} has no layers`),
  E310: code(
    "error",
    (g: string, d: string) => `the generator loss ${q(g)} does not go with the discriminator loss ${q(d)}`,
  ),
  E311: code("error", (d: string) => `label smoothing applies to binary cross-entropy, not to a ${q(d)} loss`),
  E312: code("error", (name: string, noun: string) => `${q(name)} is not a ${noun} this language supports`),
  E313: code(
    "error",
    (d: string) => `the discriminator ends with \`sigmoid\`, but a ${q(d)} loss needs D's plain score`,
  ),
  E314: code(
    "error",
    (penalty: string) =>
      `a ${
        q(penalty)
      } penalty needs each example's own input gradient, and \`batchnorm\` in the discriminator mixes the examples of a batch`,
  ),
  E315: code("error", (a: string, b: string) => `\`add\` needs inputs of one shape, got ${a} and ${b}`),
  E316: code(
    "error",
    (a: string, b: string) => `\`concat\` needs inputs that differ only in channels (or features), got ${a} and ${b}`,
  ),
  E317: code(
    "error",
    (from: string, to: string) => `the residual's body turns ${from} into ${to}, and no shortcut is given`,
  ),
  E309: code(
    "error",
    (net: string, layers: number, limit: number) =>
      `the ${net} has ${fmtCount(layers)} layers, over the limit of ${fmtCount(limit)}`,
  ),

  // W: warnings never fail a check
  W001: code("warning", (name: string) => `constant ${q(name)} is never used`),
  W002: code("warning", (name: string) => `block ${q(name)} is never used`),
} as const;

export type Code = keyof typeof codes;
export type CodeArgs<C extends Code> = Parameters<(typeof codes)[C]["message"]>;
