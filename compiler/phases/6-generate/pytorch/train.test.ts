// train.py against the project's float64 reference, an independent oracle for both: one training step
// of every bundled spec (reduced width) and of the samples that hold the layer kinds and losses the
// bundled specs lack, from the same initial tensors, real batches and random draws (fed from here:
// every random tensor of the step, the latent noise, the generated labels, the penalty's interpolation
// weights and each dropout mask, by stream and draw), ends with every tensor of the checkpoint equal:
// weights, optimiser state, running statistics, spectral norm's vectors and G's averages. Needs Debian's
// python3-torch for /usr/bin/python3; skipped with a warning without it.
import { describe, expect, test } from "vitest";
import { checkSource, ReferenceTrainer, shrinkSpec } from "../../../index.ts";
import { lower } from "../../3-lower/lower.ts";
import { normalTensor, uniformTensor } from "../../../support/random.ts";
import { epochPermutation } from "../../../ir/batches.ts";
import type { RandomArg } from "../../../ir/ops.ts";
import type * as M from "../../../model.ts";
import { pytorchModel } from "./model.ts";
import { pytorchTrain } from "./train.ts";
import { F64Pack, haveTorch, python, worstDifference } from "./testing.ts";

if (!haveTorch) console.warn("PyTorch training tests skipped: install python3-torch (Debian) for /usr/bin/python3");

/** One step of train.py's Trainer on fed tensors and noise; writes every tensor and the metrics. */
const STEP = `
import json, sys, numpy as np, torch
d = sys.argv[1]
sys.path.insert(0, d)
import train
from model import GAN
meta = json.load(open(d + "/meta.json"))
raw = np.fromfile(d + "/in.f64", dtype="<f8")
get = lambda o, s: torch.from_numpy(raw[o:o + int(np.prod(s))].reshape(s).copy())
class Fed:
    def draw(self, stream, dist, step, draw, shape):
        o, s = meta["index"][f"noise {stream}:{draw}:{dist}"]
        assert int(np.prod(s)) == int(np.prod(shape)), (stream, draw, s, shape)
        return get(o, s).reshape(shape)
t = train.Trainer(GAN().double(), Fed())
t.load({k[5:]: get(o, s) for k, (o, s) in meta["index"].items() if k.startswith("init ")})
batches = []
for j in range(meta["batches"]):
    r = get(*meta["index"][f"batch {j}"]).numpy()
    x = torch.from_numpy(r[:, :train.FEATURES].reshape((len(r),) + train.SHAPE).copy())
    batches.append((x, torch.from_numpy(r[:, train.FEATURES]).long() if train.CLASSES else None))
m = t.step(0, 0, batches)
out = {k: v.detach().numpy().astype("<f8").reshape(-1) for k, v in t.tensors().items()}
names = sorted(out)
np.concatenate([out[k] for k in names]).tofile(d + "/out.f64")
json.dump({"names": names, "sizes": [len(out[k]) for k in names], "metrics": {k: float(v) for k, v in m.items()}}, open(d + "/out.json", "w"))
fresh = train.Trainer(GAN().double(), Fed())
fresh.initialise(meta["seed"], get(*meta["index"]["data mean"]).numpy())
init = {k: v.detach().numpy().astype("<f8").reshape(-1) for k, v in fresh.tensors().items()}
np.concatenate([init[k] for k in names]).tofile(d + "/init.f64")
`;

const read = (path: string) => Deno.readTextFileSync(new URL(path, import.meta.url));

interface Parity {
  tensors: number;
  worst: number;
  worstName: string;
  metrics: number;
  /** train.py's initial tensors against the reference's. */
  init: number;
}

async function parity(source: string, text: string, shrink: boolean): Promise<Parity> {
  const checked = checkSource(text).spec;
  if (!checked) throw new Error(`${source} does not check`);
  const spec: M.CheckedSpec = shrink ? shrinkSpec(checked, { width: 6, batch: 4, latent: 4 }) : checked;
  const program = lower(spec);
  const f = spec.data.shape.reduce((a, b) => a * b, 1);
  const classes = spec.data.classes ?? 0;
  const [lo, hi] = spec.data.range;
  const examples = Math.max(12, 3 * spec.train.batch);
  const u = uniformTensor({ seed: 4, stream: 90, step: 0, draw: 0 }, examples * f);
  const width = f + (classes ? 1 : 0);
  const values = new Float64Array(examples * width);
  for (let i = 0; i < examples; i++) {
    for (let j = 0; j < f; j++) values[i * width + j] = lo + (hi - lo) * u[i * f + j];
    if (classes) values[i * width + f] = i % classes;
  }
  const seed = 5;
  const trainer = new ReferenceTrainer(program, { values, n: examples }, seed);
  const pack = new F64Pack();
  const shapes = new Map(program.params.map((p) => [p.name, p.shape]));
  const init = new Map([...trainer.state].map(([k, v]) => [k, Float64Array.from(v)]));
  for (const [name, v] of init) pack.add(`init ${name}`, v, shapes.get(name)!);
  const mean = new Float64Array(f);
  for (let i = 0; i < examples; i++) for (let j = 0; j < f; j++) mean[j] += values[i * width + j] / examples;
  pack.add("data mean", mean, [f]);
  const batches = trainer.realBatches();
  batches.forEach((b, j) => pack.add(`batch ${j}`, b, [spec.train.batch, width]));
  // every random tensor the step draws (not the initialisers'), as the interpreter draws it
  for (const node of program.graph.all()) {
    if (node.op !== "random") continue;
    const r = node.arg as RandomArg;
    if (r.stream >= 1 << 20) continue;
    const n = node.shape.reduce((a, b) => a * b, 1);
    const site = { seed, stream: r.stream, step: 0, draw: r.draw };
    pack.add(`noise ${r.stream}:${r.draw}:${r.dist}`, (r.dist === "uniform" ? uniformTensor : normalTensor)(site, n), [
      n,
    ]);
  }
  const metrics = trainer.run();

  const dir = await Deno.makeTempDir({ prefix: "gan-pytorch-train-" });
  try {
    await Deno.writeTextFile(`${dir}/model.py`, pytorchModel(spec, source));
    await Deno.writeTextFile(`${dir}/train.py`, pytorchTrain(spec, source, text));
    await Deno.writeFile(`${dir}/in.f64`, pack.bytes());
    await Deno.writeTextFile(
      `${dir}/meta.json`,
      JSON.stringify({ index: pack.index, batches: batches.length, seed }),
    );
    await python(STEP, [dir]);
    const out = JSON.parse(await Deno.readTextFile(`${dir}/out.json`)) as {
      names: string[];
      sizes: number[];
      metrics: Record<string, number>;
    };
    const all = new Float64Array((await Deno.readFile(`${dir}/out.f64`)).buffer);
    expect(out.names).toEqual([...trainer.state.keys()].sort());
    let at = 0;
    let worst = 0;
    let worstName = "";
    out.names.forEach((name, i) => {
      const e = worstDifference(all.subarray(at, at + out.sizes[i]), trainer.state.get(name)!);
      at += out.sizes[i];
      if (!(e <= worst)) [worst, worstName] = [e, name];
    });
    // train.py's own initialisation (model.py's INITIALISERS on the Philox streams) against the reference's
    const first = new Float64Array((await Deno.readFile(`${dir}/init.f64`)).buffer);
    at = 0;
    let initWorst = 0;
    out.names.forEach((name, i) => {
      initWorst = Math.max(initWorst, worstDifference(first.subarray(at, at + out.sizes[i]), init.get(name)!));
      at += out.sizes[i];
    });
    expect(Object.keys(out.metrics).sort()).toEqual(Object.keys(metrics).sort());
    const m = Math.max(...Object.keys(metrics).map((k) => worstDifference([out.metrics[k]], [metrics[k]])));
    return { tensors: out.names.length, worst, worstName, metrics: m, init: initWorst };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

describe.skipIf(!haveTorch)("train.py: one step in PyTorch against the float64 reference", () => {
  const bundled = [...Deno.readDirSync(new URL("../../../../specs/", import.meta.url))]
    .filter((e) => e.name.endsWith(".gan")).map((e) => e.name).sort();
  const samples = [
    "norm-layers",
    "spectral-norm",
    "graph-residual-blocks",
    "every-layer-kind",
    "conditional-acgan-small",
  ];
  const cases: [string, string, boolean][] = [
    ...bundled.map((name): [string, string, boolean] => [`specs/${name}`, read(`../../../../specs/${name}`), true]),
    ...samples.map((s): [string, string, boolean] => [
      `samples: ${s}`,
      read(`../../../samples/valid/${s}/input.gan`),
      false,
    ]),
    // every loss, penalty, optimiser, schedule and constraint the bundled specs do not use, reduced
    ...[
      "loss-least-squares",
      "loss-relativistic",
      "penalty-r1-conv",
      "penalty-r2",
      "optimizer-rmsprop",
      "wgan-weight-clipping",
      "images-folder-with-flips",
      "lr-linear-decay-to-zero",
      "generator-average",
      "toy-mixture-separate-optimizers",
      "minimal",
    ].map((s): [string, string, boolean] => [`samples: ${s}`, read(`../../../samples/valid/${s}/input.gan`), true]),
  ];
  for (const [source, text, shrink] of cases) {
    test(`${source}: every tensor and metric equal to 1e-9`, async () => {
      const p = await parity(source, text, shrink);
      console.log(
        `${source}: ${p.tensors} tensors, worst ${p.worst.toExponential(1)} (${p.worstName}); metrics ${
          p.metrics.toExponential(1)
        }; initial tensors ${p.init.toExponential(1)}`,
      );
      expect(p.worst, p.worstName).toBeLessThan(1e-9);
      expect(p.metrics).toBeLessThan(1e-9);
      expect(p.init, "initial tensors").toBeLessThan(1e-12);
    }, 120_000);
  }

  test("train.py's batches are the reference trainer's: epoch order, flips and labels, across epochs", async () => {
    const text = read("../../../../specs/cgan-fashion.gan").replace("classes = 10", "classes = 10\n  augment = [flip]");
    const spec = shrinkSpec(checkSource(text).spec!, { width: 6, batch: 4, latent: 4 });
    const f = spec.data.shape.reduce((a, b) => a * b, 1);
    const n = 14; // 3 batches an epoch, two left over
    const values = new Float64Array(n * (f + 1));
    const u = uniformTensor({ seed: 1, stream: 93, step: 0, draw: 0 }, n * f);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < f; j++) values[i * (f + 1) + j] = 2 * u[i * f + j] - 1;
      values[i * (f + 1) + f] = (3 * i) % 10;
    }
    const trainer = new ReferenceTrainer(lower(spec), { values, n }, 11);
    const want: number[] = [];
    for (let step = 0; step < 5; step++) {
      for (const b of trainer.realBatches()) want.push(...b);
      trainer.step++;
    }
    const dir = await Deno.makeTempDir({ prefix: "gan-pytorch-batches-" });
    try {
      await Deno.writeTextFile(`${dir}/model.py`, pytorchModel(spec, "cgan-fashion"));
      await Deno.writeTextFile(`${dir}/train.py`, pytorchTrain(spec, "cgan-fashion", text));
      await Deno.writeFile(`${dir}/rows.f64`, new Uint8Array(values.buffer));
      const got = JSON.parse(
        await python(
          `import sys, json, numpy as np, torch; sys.path.insert(0, sys.argv[1]); import train
rows = np.fromfile(sys.argv[1] + "/rows.f64", dtype="<f8").reshape(${n}, -1)
b = train.Batches(rows, 11, 0, 1, torch.float64, torch.device("cpu"))
out = []
for step in range(5):
    for j in range(train.SPEC["per_step"]):
        x, y = b.get(step * train.SPEC["per_step"] + j, step, j)
        out += np.concatenate([x.reshape(len(x), -1).numpy(), y.reshape(-1, 1).numpy()], 1).reshape(-1).tolist()
print(json.dumps(out))`,
          [dir],
        ),
      ) as number[];
      expect(got.length).toBe(want.length);
      expect(worstDifference(got, want)).toBe(0);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });

  test("train.py's Philox streams and epoch order are the project's", async () => {
    const checked = checkSource(read("../../../../specs/mnist-mlp.gan")).spec!;
    const dir = await Deno.makeTempDir({ prefix: "gan-pytorch-philox-" });
    try {
      await Deno.writeTextFile(`${dir}/model.py`, pytorchModel(checked, "specs/mnist-mlp.gan"));
      await Deno.writeTextFile(`${dir}/train.py`, pytorchTrain(checked, "specs/mnist-mlp.gan", ""));
      const got = JSON.parse(
        await python(
          `import sys, json; sys.path.insert(0, sys.argv[1]); import train
print(json.dumps([train.uniform(7, 16, 3, 2, 37).tolist(), train.normal(7, 1, 5, 0, 21).tolist(), train.permutation(7, 4, 50).tolist(), train.uniform(4294967295, 8209, 123456, 0, 9).tolist()]))`,
          [dir],
        ),
      ) as number[][];
      expect(got[0]).toEqual([...uniformTensor({ seed: 7, stream: 16, step: 3, draw: 2 }, 37)]);
      expect(worstDifference(got[1], normalTensor({ seed: 7, stream: 1, step: 5, draw: 0 }, 21))).toBeLessThan(1e-15);
      expect(got[2]).toEqual([...epochPermutation(7, 2, 4, 50)]);
      expect(got[3]).toEqual([...uniformTensor({ seed: 4294967295, stream: 8209, step: 123456, draw: 0 }, 9)]);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });
});
