// Initial values as IR: random initialisers draw from their own Philox stream, step 0.
import type * as M from "../../model.ts";
import type { Graph, Node } from "../../ir/node.ts";
import { size } from "../../ir/node.ts";

export function initialValue(
  g: Graph,
  init: M.Init,
  shape: number[],
  [fanIn, fanOut]: [number, number],
  stream: number,
  dataShape: M.Shape,
): Node {
  const uniform = (low: number, high: number) =>
    g.addScalar(g.scale(g.random({ stream, dist: "uniform", draw: 0 }, shape), high - low), low);
  const normal = (mean: number, std: number) =>
    g.addScalar(g.scale(g.random({ stream, dist: "normal", draw: 0 }, shape), std), mean);
  switch (init.kind) {
    case "uniform":
      return uniform(init.low, init.high);
    case "normal":
      return normal(init.mean, init.std);
    case "xavier": {
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      return init.distribution === "uniform" ? uniform(-limit, limit) : normal(0, Math.sqrt(2 / (fanIn + fanOut)));
    }
    case "he":
      return init.distribution === "uniform"
        ? uniform(-Math.sqrt(6 / fanIn), Math.sqrt(6 / fanIn))
        : normal(0, Math.sqrt(2 / fanIn));
    case "constant":
      return g.const(init.value, shape);
    case "data_logit": {
      // logit of each feature's mean over the training set, the mean clipped to [clip, 1 - clip]
      const mean = g.input("data_mean", [size(dataShape)]);
      const m = g.max(g.min(mean, g.const(1 - init.clip, mean.shape)), g.const(init.clip, mean.shape));
      return g.reshape(g.log(g.div(m, g.sub(g.const(1, m.shape), m))), shape);
    }
  }
}
