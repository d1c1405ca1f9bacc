// `gan ir` prints stable text: the same spec gives the same listing, so IR changes show up as diffs.
import { expect, test } from "vitest";
import { lowerSource, printProgram } from "../index.ts";

const spec = (name: string) => Deno.readTextFileSync(new URL(`../../specs/${name}.gan`, import.meta.url));

test("the listing is deterministic and matches the committed one (UPDATE_SNAPSHOTS=1 rewrites it)", () => {
  for (const name of ["toy-1d", "mnist-mlp"]) {
    const a = printProgram(lowerSource(spec(name)).program!);
    const b = printProgram(lowerSource(spec(name)).program!);
    expect(a).toBe(b);
    expect(printProgram(lowerSource(spec(name)).program!, { backward: true })).toBe(
      printProgram(lowerSource(spec(name)).program!, { backward: true }),
    );
    const file = new URL(`../samples/ir/${name}.txt`, import.meta.url);
    if (Deno.env.get("UPDATE_SNAPSHOTS") === "1") Deno.writeTextFileSync(file, a);
    else expect(a).toBe(Deno.readTextFileSync(file));
  }
});

test("tags name the spec line each layer's ops come from", () => {
  const text = printProgram(lowerSource(spec("mnist-mlp")).program!);
  const line = spec("mnist-mlp").split("\n").findIndex((l) => l.includes("maxout(240")) + 1;
  expect(text).toContain(`# D.2 maxout (line ${line})`);
});
