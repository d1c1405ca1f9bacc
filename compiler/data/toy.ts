// The toy distributions' training sets: n examples drawn once from the spec's seed (Philox, its own
// stream), so the GPU runtime and the reference train on the same numbers.
import type { DataSource } from "../model.ts";
import { normalTensor, uniformTensor } from "../ir/philox.ts";
import { Streams } from "../ir/program.ts";

export const TOY_EXAMPLES = 10_000;

export function toyDataset(source: DataSource, seed: number, n = TOY_EXAMPLES): { values: Float64Array; n: number } {
  const site = { seed, stream: Streams.toyData, step: 0, draw: 0 };
  const z = normalTensor(site, n);
  if (source.kind === "gaussian") return { values: z.map((x) => source.mean + source.std * x), n };
  if (source.kind === "mixture") {
    const pick = uniformTensor({ ...site, draw: 1 }, n);
    const cdf = source.weights.map((_, i) => source.weights.slice(0, i + 1).reduce((a, b) => a + b, 0));
    return {
      values: z.map((x, i) => {
        const c = Math.max(0, cdf.findIndex((p) => pick[i] < p));
        return source.means[c] + source.stds[c] * x;
      }),
      n,
    };
  }
  throw new Error(`${source.kind} is not a toy distribution`);
}
