// Item 8 of the hostile round: inputs that overflowed the stack or ran out of memory now give one
// positioned diagnostic, in seconds; inputs at the limits still check, format and summarise.
import { describe, expect, test } from "vitest";
import { checkSource, formatSource, lowerSource, renderSummary } from "../../index.ts";
import { MAX_DEPTH, MAX_SPEC_CHARS } from "./limits.ts";
import { MAX_LAYERS } from "../2-check/check.ts";

const base = Deno.readTextFileSync(new URL("../../../specs/toy-1d.gan", import.meta.url));
/** toy-1d with `latent.dim` written as `expr` (which must come to 1). */
const withDim = (expr: string) => base.replace("latent {\n  dim = 1", `latent {\n  dim = ${expr}`);
/** toy-1d whose generator is `body` then `dense(1)`. */
const withGenerator = (body: string) =>
  base.replace("  dense(16)\n  relu\n  dense(16)\n  relu\n  dense(1)\n}", `${body}  dense(1)\n}`);

/** One diagnostic, in under `seconds`; the formatter refuses what the parser refuses (E005, E006). */
function refused(text: string, code: string, message: string, seconds: number) {
  const t = performance.now();
  const r = checkSource(text);
  const took = (performance.now() - t) / 1000;
  expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([[code, message]]);
  expect(took).toBeLessThan(seconds);
  if (code !== "E309") expect(formatSource(text).diagnostics.map((d) => d.code)).toEqual([code]);
  return r.diagnostics[0];
}

describe("bounded recursion: every hostile shape is one diagnostic, in seconds", () => {
  test("10,000 nested parentheses, calls or signs", () => {
    const msg = (n: string) => `this expression nests ${n} levels deep, over the limit of 100`;
    const d = refused(withDim("(".repeat(10_000) + "1" + ")".repeat(10_000)), "E005", msg("10,000"), 2);
    // at the first bracket past the limit
    expect(d.span.start).toBe(base.indexOf("latent {\n  dim = ") + "latent {\n  dim = ".length + MAX_DEPTH);
    refused(withDim("sqrt(".repeat(10_000) + "1" + ")".repeat(10_000)), "E005", msg("10,000"), 2);
    refused(withDim("-".repeat(10_000) + "1"), "E005", msg("10,000"), 2);
    refused(withDim("1" + " ^ -1".repeat(5_000)), "E005", msg("10,000"), 2);
  });

  test("a constant of 3,000 (or 100,000) terms", () => {
    const chain = (n: number) => `const many = ${Array(n).fill("1").join(" + ")}\n`;
    refused(base + chain(3_000), "E005", "this expression nests 3,000 levels deep, over the limit of 100", 2);
    refused(base + chain(100_000), "E005", "this expression nests 100,000 levels deep, over the limit of 100", 5);
  });

  test("1,000,000 layers (7 MB) and 2,500,000 constants (60 MB): over the size limit, said at once", () => {
    const million = withGenerator("  relu\n".repeat(1_000_000));
    refused(million, "E006", `the spec is 7,001,365 characters, over the limit of 1,048,576`, 1);
    const consts = Array.from({ length: 2_500_000 }, (_, i) => `const c${i} = ${i}\n`).join("");
    const huge = base + consts;
    expect(huge.length).toBeGreaterThan(40e6);
    refused(
      huge,
      "E006",
      `the spec is ${huge.length.toLocaleString("en-US")} characters, over the limit of 1,048,576`,
      1,
    );
  });

  test("140,000 layers within the size limit: over the layer limit, said at once", () => {
    const text = withGenerator("  relu\n".repeat(140_000));
    expect(text.length).toBeLessThan(MAX_SPEC_CHARS);
    const d = refused(text, "E309", "the generator has 140,001 layers, over the limit of 1,000", 5);
    expect(text.slice(d.span.start, d.span.end)).toBe("relu");
  });
});

describe("at the limits, specs still work", () => {
  test(`expressions ${MAX_DEPTH} levels deep check and format`, () => {
    for (
      const expr of [
        "(".repeat(MAX_DEPTH - 1) + "1" + ")".repeat(MAX_DEPTH - 1),
        "sqrt(".repeat(MAX_DEPTH - 2) + "1" + ")".repeat(MAX_DEPTH - 2),
        "-".repeat(MAX_DEPTH - 2) + "1",
        Array(MAX_DEPTH - 1).fill("1").join(" + ") + ` - ${MAX_DEPTH - 2}`,
      ]
    ) {
      const r = checkSource(withDim(expr));
      expect(r.diagnostics, expr.slice(0, 20)).toEqual([]);
      expect(r.spec!.latent.dim).toBe(1);
      expect(formatSource(withDim(expr)).text).toBeDefined();
    }
  });

  test(`a generator of ${MAX_LAYERS} layers checks, summarises and lowers`, () => {
    const text = withGenerator("  dense(2)\n  relu\n".repeat((MAX_LAYERS - 2) / 2) + "  dense(2)\n");
    const r = checkSource(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.spec!.generator.layers.length).toBe(MAX_LAYERS);
    expect(renderSummary(r.spec!)).toContain("generator");
    expect(lowerSource(text).program).toBeDefined();
  });
});
