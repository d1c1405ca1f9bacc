import { describe, expect, test } from "vitest";
import { fuzzOne } from "./fuzz.ts";
import { mutate, rng } from "./mutate.ts";
import { fuzzDeep, generateSpec } from "./grammar.ts";

const specsDir = new URL("../../specs/", import.meta.url);
const specs = [...Deno.readDirSync(specsDir)].filter((e) => e.name.endsWith(".gan")).map((e) => e.name).sort();
const CASES_PER_SPEC = Number(Deno.env.get("FUZZ_CASES") ?? 1000);

describe("fuzz: mutated specs never crash the checker or the formatter", () => {
  for (const name of specs) {
    test(`${CASES_PER_SPEC} mutations of ${name}`, () => {
      const original = Deno.readTextFileSync(new URL(name, specsDir));
      const random = rng(0x9e3779b9 ^ name.length * 7919);
      const failures: string[] = [];
      for (let i = 0; i < CASES_PER_SPEC && failures.length < 3; i++) {
        const m = mutate(original, random);
        const f = fuzzOne(m.text);
        if (f) failures.push(`case ${i} (${m.steps.join(", ")}): ${f.problem}\n--- input ---\n${f.text}`);
      }
      expect(failures).toEqual([]);
    });
  }
});

const GRAMMAR_CASES = Number(Deno.env.get("FUZZ_GRAMMAR_CASES") ?? 2000);

test(`fuzz: ${GRAMMAR_CASES} grammar-built specs never crash the checker, formatter, lowering or planning`, () => {
  const random = rng(0x5eed);
  const failures: string[] = [];
  let lowered = 0;
  let planned = 0;
  for (let i = 0; i < GRAMMAR_CASES && failures.length < 3; i++) {
    const text = generateSpec(random);
    const r = fuzzDeep(text, i % 10 === 0);
    if (r.failure) failures.push(`grammar case ${i}: ${r.failure.problem}\n--- input ---\n${text}`);
    lowered += r.lowered ? 1 : 0;
    planned += r.planned ? 1 : 0;
  }
  expect(failures).toEqual([]);
  // the generator must reach the later phases, or it tests nothing the mutations do not
  expect(lowered).toBeGreaterThan(GRAMMAR_CASES / 50);
  expect(planned).toBeGreaterThan(0);
});
