// The paper's Figure 1 and its theory, on the float64 reference: trained on a 1-D Gaussian, G's samples
// take the data's mean and spread, and D(x) goes to 1/2 (D* = 1/2 at the optimum).
import { expect, test } from "vitest";
import { lowerSource } from "../../index.ts";
import { toyDataset } from "../../data/toy.ts";
import { evaluate } from "../../ir/interpret.ts";
import { normalTensor, uniformTensor } from "../../ir/philox.ts";
import { ReferenceTrainer } from "../../ir/reference.ts";
import { lowerSampler } from "./lower.ts";

test("the interpreter trains toy-1d.gan: G matches the data's mean and std within 10%, D(x) near 1/2", () => {
  const { program, spec } = lowerSource(Deno.readTextFileSync(new URL("../../../specs/toy-1d.gan", import.meta.url)));
  if (!program || !spec) throw new Error("toy-1d.gan does not check");
  if (spec.data.source.kind !== "gaussian") throw new Error("toy-1d.gan should learn a gaussian");
  const { mean, std } = spec.data.source;
  const steps = spec.train.steps ?? 3000;
  const trainer = new ReferenceTrainer(program, toyDataset(spec.data.source, spec.train.seed), spec.train.seed);
  const started = performance.now();
  const dReal: number[] = [];
  for (let i = 0; i < steps; i++) {
    const m = trainer.run();
    if (i >= steps - 200 && m.d_real !== undefined) dReal.push(m.d_real);
  }
  const seconds = (performance.now() - started) / 1000;

  const n = 4000;
  const sampler = lowerSampler(spec, n);
  const p = spec.latent.prior;
  const z = p.kind === "uniform"
    ? uniformTensor({ seed: 77, stream: 1, step: 0, draw: 0 }, n * spec.latent.dim).map((u) =>
      p.low + (p.high - p.low) * u
    )
    : normalTensor({ seed: 77, stream: 1, step: 0, draw: 0 }, n * spec.latent.dim).map((x) => p.mean + p.std * x);
  const x = evaluate([sampler.output], { params: trainer.state, inputs: new Map([["z", z]]), seed: 0, step: 0 }).get(
    sampler.output,
  )!;
  const m = x.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / n);
  const d = dReal.reduce((a, b) => a + b, 0) / dReal.length;
  console.log(
    `toy-1d: ${steps} steps in ${seconds.toFixed(1)} s on the float64 interpreter; G mean ${
      m.toFixed(3)
    } (data ${mean}), std ${s.toFixed(3)} (data ${std}); mean D(x) over the last 200 steps ${d.toFixed(3)}`,
  );
  expect(Math.abs(m - mean)).toBeLessThan(0.1 * Math.abs(mean));
  expect(Math.abs(s - std)).toBeLessThan(0.1 * std);
  expect(Math.abs(d - 0.5)).toBeLessThan(0.05);
});
