// model.py against the float64 IR: every layer kind of the language, through G and D in inference mode,
// with the tensors of a reference trainer after a step (so batchnorm's running statistics and spectral
// norm's vectors have moved), loaded into the PyTorch modules with strict=True (so every name and shape
// matches the checkpoint's). Needs Debian's python3-torch for /usr/bin/python3; skipped with a warning
// without it.
import { describe, expect, test } from "vitest";
import { checkSource, lowerDiscriminator, lowerSampler, ReferenceTrainer, shrinkSpec } from "../../../index.ts";
import { evaluate } from "../../../ir/interpret.ts";
import { lower } from "../../3-lower/lower.ts";
import { uniformTensor } from "../../../support/random.ts";
import type * as M from "../../../model.ts";
import { pytorchModel } from "./model.ts";
import { haveTorch, PYTHON, worstDifference } from "./testing.ts";

if (!haveTorch) console.warn("PyTorch model tests skipped: install python3-torch (Debian) for /usr/bin/python3");

/** Loads the tensors into GAN() with strict=True, runs G on z and D on x in eval mode, in float64. */
const RUNNER = `
import json, sys, numpy as np, torch
sys.path.insert(0, sys.argv[1])
from model import GAN
meta = json.load(open(sys.argv[1] + "/tensors.json"))
raw = np.fromfile(sys.argv[1] + "/tensors.f64", dtype="<f8")
state = {k: torch.from_numpy(raw[o:o + int(np.prod(s))].reshape(s).copy()) for k, (o, s) in meta["tensors"].items()}
gan = GAN().double()
gan.load_state_dict(state, strict=True)
gan.eval()
labels = torch.tensor(meta["labels"], dtype=torch.long) if meta["labels"] else None
z = torch.from_numpy(np.fromfile(sys.argv[1] + "/z.f64", dtype="<f8").reshape(meta["z"]))
x = torch.from_numpy(np.fromfile(sys.argv[1] + "/x.f64", dtype="<f8").reshape(meta["x"]))
with torch.no_grad():
    gan.G(z, labels).numpy().astype("<f8").tofile(sys.argv[1] + "/g.out")
    gan.D(x, labels).numpy().astype("<f8").tofile(sys.argv[1] + "/d.out")
`;

const read = (path: string) => Deno.readTextFileSync(new URL(path, import.meta.url));

/** Maxout, leaky ReLU, dropout, avg_pool, embeddings and dot, spectral norm on every weighted kind. */
const REST = `gan "rest"
data {
  source = mnist
  range = [0, 1]
}
latent {
  dim = 8
  prior = normal()
}
generator {
  dense(24, spectral_norm = true)
  leaky_relu(0.2)
  maxout(12, pieces = 3)
  dropout(keep = 0.5, scale = 2)
  dense(196)
  reshape(4, 7, 7)
  upsample(4)
  conv2d(4, kernel = 3, padding = 1, spectral_norm = true)
  avg_pool(2)
  conv2d_transpose(1, kernel = 4, stride = 2, padding = 1, spectral_norm = true)
  sigmoid
}
discriminator {
  conv2d(2, kernel = 3, stride = 2, padding = 1, spectral_norm = true)
  leaky_relu(0.2)
  flatten
  maxout(8, pieces = 2, spectral_norm = true)
  dropout(keep = 0.8)
  dense(1)
  sigmoid
}
optimizer {
  method = adam
  lr = 1e-3
  beta1 = 0.5
}
train {
  batch = 4
  seed = 2
}
`;

async function parity(source: string, text: string, shrink: boolean): Promise<{ g: number; d: number }> {
  const checked = checkSource(text).spec;
  if (!checked) throw new Error(`${source} does not check`);
  const spec: M.CheckedSpec = shrink ? shrinkSpec(checked, { width: 6, batch: 3, latent: 4 }) : checked;
  const program = lower(spec);
  const f = spec.data.shape.reduce((a, b) => a * b, 1);
  const classes = spec.data.classes ?? 0;
  const [lo, hi] = spec.data.range;
  const n = 3;
  const rows = (count: number, stream: number) => {
    const u = uniformTensor({ seed: 4, stream, step: 0, draw: 0 }, count * f);
    const v = new Float64Array(count * (f + (classes ? 1 : 0)));
    for (let i = 0; i < count; i++) {
      for (let j = 0; j < f; j++) v[i * (f + (classes ? 1 : 0)) + j] = lo + (hi - lo) * u[i * f + j];
      if (classes) v[i * (f + 1) + f] = i % classes;
    }
    return v;
  };
  const examples = Math.max(12, 2 * spec.train.batch);
  const trainer = new ReferenceTrainer(program, { values: rows(examples, 90), n: examples }, 5);
  trainer.run(); // one step: running statistics and spectral norm's vectors move
  const params = trainer.state;
  const labels = classes ? Array.from({ length: n }, (_, i) => (i * 2) % classes) : [];
  const dim = spec.latent.dim;
  const zu = uniformTensor({ seed: 6, stream: 91, step: 0, draw: 0 }, n * dim);
  const z = Float64Array.from(zu, (u) => 2 * u - 1);
  // the oracle: the IR the WebGPU sampler and the float64 reference run, evaluated in float64
  const gi = lowerSampler(spec, n, { raw: true });
  const zRows = classes ? new Float64Array(n * (dim + 1)) : z;
  for (let i = 0; classes && i < n; i++) {
    zRows.set(z.subarray(i * dim, (i + 1) * dim), i * (dim + 1));
    zRows[i * (dim + 1) + dim] = labels[i];
  }
  const env = (name: string, v: Float64Array) => ({ params, inputs: new Map([[name, v]]), seed: 5, step: 1 });
  const gWant = evaluate([gi.output], env("z", zRows)).get(gi.output)!;
  const x = rows(n, 92);
  const di = lowerDiscriminator(spec, n);
  const xPlain = classes ? Float64Array.from({ length: n * f }, (_, k) => x[Math.floor(k / f) * (f + 1) + (k % f)]) : x;
  const xRows = classes ? Float64Array.from(x, (v, k) => (k % (f + 1) === f ? labels[Math.floor(k / (f + 1))] : v)) : x;
  const dWant = evaluate([di.output], env("x", xRows)).get(di.output)!;

  const dir = await Deno.makeTempDir({ prefix: "gan-pytorch-" });
  try {
    await Deno.writeTextFile(`${dir}/model.py`, pytorchModel(spec, source));
    const names = [...params.keys()].filter((k) => k.startsWith("G.") || k.startsWith("D."));
    const shapes = new Map(program.params.map((p) => [p.name, p.shape]));
    let at = 0;
    const tensors: Record<string, [number, number[]]> = {};
    for (const k of names) {
      tensors[k] = [at, [...shapes.get(k)!]];
      at += params.get(k)!.length;
    }
    const all = new Float64Array(at);
    for (const k of names) all.set(params.get(k)!, tensors[k][0]);
    await Deno.writeFile(`${dir}/tensors.f64`, new Uint8Array(all.buffer));
    await Deno.writeFile(`${dir}/z.f64`, new Uint8Array(z.buffer));
    await Deno.writeFile(`${dir}/x.f64`, new Uint8Array(xPlain.buffer));
    await Deno.writeTextFile(
      `${dir}/tensors.json`,
      JSON.stringify({ tensors, labels, z: [n, dim], x: [n, ...spec.data.shape] }),
    );
    const r = await new Deno.Command(PYTHON, { args: ["-c", RUNNER, dir] }).output();
    expect(r.success, new TextDecoder().decode(r.stderr)).toBe(true);
    const worst = (got: Float64Array, want: ArrayLike<number>) => {
      expect(got.length).toBe(want.length);
      return worstDifference(got, want);
    };
    const gGot = new Float64Array((await Deno.readFile(`${dir}/g.out`)).buffer);
    const dGot = new Float64Array((await Deno.readFile(`${dir}/d.out`)).buffer);
    return { g: worst(gGot, gWant), d: worst(dGot, dWant) };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

describe.skipIf(!haveTorch)("model.py: G and D in PyTorch against the float64 IR (inference)", () => {
  const bundled = [...Deno.readDirSync(new URL("../../../../specs/", import.meta.url))]
    .filter((e) => e.name.endsWith(".gan")).map((e) => e.name).sort();
  const cases: [string, string, boolean][] = [
    ...bundled.map((name): [string, string, boolean] => [`specs/${name}`, read(`../../../../specs/${name}`), true]),
    ...["norm-layers", "spectral-norm", "graph-residual-blocks", "every-layer-kind", "conditional-acgan-small"]
      .filter((s) => {
        try {
          return Deno.statSync(new URL(`../../../samples/valid/${s}/input.gan`, import.meta.url)).isFile;
        } catch {
          return false;
        }
      })
      .map((s): [string, string, boolean] => [`samples: ${s}`, read(`../../../samples/valid/${s}/input.gan`), false]),
    ["maxout, leaky_relu, dropout, avg_pool, spectral norm everywhere", REST, false],
  ];
  for (const [source, text, shrink] of cases) {
    test(`${source}: G and D equal the IR's to 1e-9, every tensor loaded by name (strict)`, async () => {
      const e = await parity(source, text, shrink);
      expect(e.g, "G").toBeLessThan(1e-9);
      expect(e.d, "D").toBeLessThan(1e-9);
    }, 120_000);
  }
});
