// The summary's parameter counts for the paper's MNIST GAN, against PAPER.md's architecture by hand.
import { expect, test } from "vitest";
import { checkSource, renderSummary } from "../index.ts";

test("mnist-mlp.gan: parameters per layer and totals match the paper's architecture", () => {
  const { spec } = checkSource(Deno.readTextFileSync(new URL("../../specs/mnist-mlp.gan", import.meta.url)));
  if (!spec) throw new Error("mnist-mlp.gan does not check");
  // G: 100 -> ReLU 1200 -> ReLU 1200 -> Sigmoid 784 (weights and biases)
  const g = [100 * 1200 + 1200, 1200 * 1200 + 1200, 1200 * 784 + 784];
  // D: 784 -> maxout 240 x 5 -> maxout 240 x 5 -> sigmoid 1 (each maxout unit has 5 linear pieces)
  const d = [784 * 240 * 5 + 240 * 5, 240 * 240 * 5 + 240 * 5, 240 * 1 + 1];
  const params = (layers: typeof spec.generator.layers) => layers.filter((l) => l.params > 0).map((l) => l.params);
  expect(params(spec.generator.layers)).toEqual(g);
  expect(params(spec.discriminator.layers)).toEqual(d);
  const gTotal = g.reduce((a, b) => a + b);
  const dTotal = d.reduce((a, b) => a + b);
  expect([gTotal, dTotal]).toEqual([2_503_984, 1_231_441]);
  const text = renderSummary(spec);
  const fmt = (x: number) => x.toLocaleString("en-US");
  expect(text).toContain(`${fmt(gTotal + dTotal)} parameters (G ${fmt(gTotal)}, D ${fmt(dTotal)})`);
  // the table's total rows carry the same counts
  const totals = text.split("\n").filter((l) => l.trim().startsWith("total")).map((l) => l.trim().split(/\s+/)[1]);
  expect(totals).toEqual([fmt(gTotal), fmt(dTotal)]);
  // FLOPs per example: a multiply-add is 2, so the dense layers alone are 2 x weights
  const gMatmulFlops = 2 * (100 * 1200 + 1200 * 1200 + 1200 * 784);
  const gFlops = spec.generator.layers.reduce((s, l) => s + l.flops, 0);
  expect(gFlops).toBe(gMatmulFlops + (1200 + 1200 + 784) /* biases */ + (1200 + 1200 + 784) /* relu, relu, sigmoid */);
  expect(text).toMatch(/schedule:\s+simultaneous D and G updates, batch 100/);
});
