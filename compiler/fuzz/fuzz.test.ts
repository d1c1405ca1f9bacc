import { describe, expect, test } from "vitest";
import { fuzzOne } from "./fuzz.ts";
import { mutate, rng } from "./mutate.ts";

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
