// `npm run fuzz [-- N]`: a fuzz campaign of N cases (default 100,000): half grammar-built specs through
// the whole compiler (checked, formatted, lowered, every tenth planned), half mutations of the bundled
// specs (checked and formatted). Prints its figures; writes any failing input to fuzz-failures/ and
// exits 1 if there is one.
import { fuzzOne } from "./fuzz.ts";
import { fuzzDeep, generateSpec } from "./grammar.ts";
import { mutate, rng } from "./mutate.ts";

const total = Number(Deno.args[0] ?? 100_000);
const seed = Number(Deno.args[1] ?? 0x6a09e667);
if (!Number.isInteger(total) || total < 1) {
  console.error(`fuzz: ${Deno.args[0]}: give the number of cases, a whole number >= 1`);
  Deno.exit(2);
}
const specsDir = new URL("../../specs/", import.meta.url);
const specs = [...Deno.readDirSync(specsDir)].filter((e) => e.name.endsWith(".gan")).map((e) =>
  Deno.readTextFileSync(new URL(e.name, specsDir))
);
const random = rng(seed);
const counts = { grammar: 0, mutation: 0, checked: 0, lowered: 0, planned: 0, failures: 0 };
const t0 = performance.now();
const enc = new TextEncoder();
for (let i = 0; i < total; i++) {
  let failure;
  let text: string;
  if (i % 2 === 0) {
    counts.grammar++;
    text = generateSpec(random);
    const r = fuzzDeep(text, i % 20 === 0);
    failure = r.failure;
    counts.checked += r.checked ? 1 : 0;
    counts.lowered += r.lowered ? 1 : 0;
    counts.planned += r.planned ? 1 : 0;
  } else {
    counts.mutation++;
    text = mutate(specs[i % specs.length], random).text;
    failure = fuzzOne(text);
  }
  if (failure) {
    counts.failures++;
    Deno.mkdirSync("fuzz-failures", { recursive: true });
    Deno.writeTextFileSync(`fuzz-failures/case-${i}.gan`, text);
    console.error(`\ncase ${i}: ${failure.problem.split("\n")[0]} (input in fuzz-failures/case-${i}.gan)`);
  }
  if ((i + 1) % 1000 === 0 && Deno.stderr.isTerminal()) {
    const rate = (i + 1) / ((performance.now() - t0) / 1000);
    Deno.stderr.writeSync(
      enc.encode(`\r\x1b[K${i + 1}/${total} cases, ${rate.toFixed(0)}/s, ${counts.failures} failures`),
    );
  }
}
const secs = (performance.now() - t0) / 1000;
if (Deno.stderr.isTerminal()) Deno.stderr.writeSync(enc.encode("\r\x1b[K"));
console.log(
  `${total.toLocaleString("en-US")} cases in ${secs.toFixed(0)} s (seed ${seed}): ${
    counts.grammar.toLocaleString("en-US")
  } grammar-built ` +
    `(${counts.checked.toLocaleString("en-US")} checked clean, ${counts.lowered.toLocaleString("en-US")} lowered, ${
      counts.planned.toLocaleString("en-US")
    } planned), ` +
    `${counts.mutation.toLocaleString("en-US")} mutations; ${counts.failures} crashes or diagnostics outside the file`,
);
Deno.exit(counts.failures ? 1 : 0);
