// G exported to ONNX against the generated trainer's sampler on WebGPU: the same checkpoint and the same z
// give the same samples to 1e-5 in onnxruntime (onnxruntime-node, CPU), for specs that together hold
// every layer kind of the language in G; Debian's python3-onnx checker accepts the files; and the CLI's
// `gan export` agrees with `gan sample --z`.
import { describe, expect, test } from "vitest";
import * as ort from "onnxruntime-node";
import { averageName, checkSource, compileChecked, decodeCheckpoint, lower, shrinkSpec } from "../../compiler/index.ts";
import type { Model as M } from "../../compiler/index.ts";
import { importFiles } from "../train/module.ts";
import { FAST_COMPILE_TARGET, gpu, randomData } from "../gpu/testing.ts";
import { normalTensor } from "../../compiler/index.ts";
import { decodeNpy, encodeNpy } from "../io/npy.ts";
import { gan } from "../cli/testing.ts";
import { generatorOnnx } from "./onnx.ts";

const PYTHON = "/usr/bin/python3";
const haveOnnxChecker = (() => {
  try {
    return new Deno.Command(PYTHON, { args: ["-c", "import onnx"], stderr: "null" }).outputSync().success;
  } catch {
    return false;
  }
})();
if (!haveOnnxChecker) console.warn("ONNX checker tests skipped: install python3-onnx (Debian) for /usr/bin/python3");

/** The layer kinds no bundled spec's G has: maxout, leaky ReLU, dropout, avg_pool, spectral norm on convolutions. */
const REST = `gan "rest-of-g"
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
  flatten
  dense(8)
  leaky_relu(0.2)
  dense(1)
  sigmoid
}
optimizer {
  method = adam
  lr = 1e-3
  beta1 = 0.5
}
train {
  batch = 8
  seed = 2
}
`;

const read = (path: string) => Deno.readTextFileSync(new URL(path, import.meta.url));

/** A spec's text, and the spec (bundled ones shrunk for speed). */
function specOf(source: string, text: string, shrink: boolean): M.CheckedSpec {
  const r = checkSource(text);
  if (!r.spec) throw new Error(`${source} does not check`);
  return shrink ? shrinkSpec(r.spec, { width: 12, batch: 6, latent: 8 }) : r.spec;
}

async function compare(source: string, text: string, shrink: boolean) {
  const spec = specOf(source, text, shrink);
  // the sampler on texture kernels with small blocks (quick to compile cold): the export is the point here
  const { files } = await compileChecked(spec, lower(spec), text, source, FAST_COMPILE_TARGET);
  const M = await importFiles(files);
  const data = randomData(spec, 24);
  const trainer = await M.trainer.createTrainer(gpu!.device, { images: data.f32, labels: data.labels });
  await trainer.train(2); // batchnorm's running statistics and spectral norm's vectors move off their start
  const bytes = await trainer.save();
  const n = 5;
  const z = Float32Array.from(normalTensor({ seed: 3, stream: 50, step: 0, draw: 0 }, n * spec.latent.dim));
  const classes = spec.data.classes ?? 0;
  const labels = classes ? Array.from({ length: n }, (_, i) => (i * 3) % classes) : undefined;
  // the trainer's sampler: G in inference mode on the weights gan sample reads (the average, where kept)
  const want = await trainer.sample(z, labels);
  trainer.destroy();
  const c = decodeCheckpoint(bytes, source);
  const averaged = !!spec.train.generatorAverage;
  const onnx = generatorOnnx(
    spec,
    (name, trainable) => c.tensors.get(averaged && trainable ? averageName(name) : name)!,
  );
  const session = await ort.InferenceSession.create(onnx);
  const feeds: Record<string, ort.Tensor> = { z: new ort.Tensor("float32", z, [n, spec.latent.dim]) };
  if (labels) feeds.labels = new ort.Tensor("int64", BigInt64Array.from(labels.map(BigInt)), [n]);
  const out = (await session.run(feeds)).x;
  expect(out.dims).toEqual([n, ...spec.data.shape]);
  const got = out.data as Float32Array;
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    worst = Math.max(worst, Math.abs(got[i] - want[i]) / Math.max(1, Math.abs(want[i])));
  }
  expect(worst, `${source}: worst difference`).toBeLessThan(1e-5);
  return onnx;
}

describe.skipIf(!gpu)("G as ONNX", () => {
  const cases: [string, string, boolean][] = [
    ["specs/mnist-mlp-avg.gan", read("../../specs/mnist-mlp-avg.gan"), true],
    ["specs/dcgan-mnist.gan", read("../../specs/dcgan-mnist.gan"), true],
    ["specs/cgan-fashion.gan", read("../../specs/cgan-fashion.gan"), true],
    ["specs/ring-gan.gan", read("../../specs/ring-gan.gan"), true],
    ["samples: norm-layers", read("../../compiler/samples/valid/norm-layers/input.gan"), true],
    ["samples: graph-residual-blocks", read("../../compiler/samples/valid/graph-residual-blocks/input.gan"), true],
    ["maxout, leaky_relu, dropout, avg_pool, spectral norm on convolutions", REST, true],
  ];
  for (const [source, text, shrink] of cases) {
    test(`${source}: onnxruntime's samples equal the WebGPU sampler's to 1e-5`, async () => {
      const onnx = await compare(source, text, shrink);
      if (!haveOnnxChecker) return;
      const file = await Deno.makeTempFile({ suffix: ".onnx" });
      try {
        await Deno.writeFile(file, onnx);
        const r = await new Deno.Command(PYTHON, {
          args: [
            "-c",
            "import onnx, sys; m = onnx.load(sys.argv[1]); onnx.checker.check_model(m, full_check=True)",
            file,
          ],
        }).output();
        expect(r.success, new TextDecoder().decode(r.stderr)).toBe(true);
      } finally {
        await Deno.remove(file);
      }
      // with an empty shader cache (every CI run) the table's blocks took 116 s to compile for the
      // conditional DCGAN alone, 164 s beside the suite; small blocks, far less
    }, 400_000);
  }

  test(
    "gan export --onnx agrees with gan sample --z on a trained checkpoint; bad output names are refused",
    async () => {
      const dir = await Deno.makeTempDir();
      try {
        const t = await gan("train", "specs/mnist-mlp.gan", "--steps", "3", "--out", `${dir}/run`);
        expect(t.code, t.stderr).toBe(0);
        const ckpt = `${dir}/run/checkpoints/step-3.safetensors`;
        const e = await gan("export", ckpt, "--onnx", `${dir}/g.onnx`);
        expect(e.code, e.stderr).toBe(0);
        expect(e.stderr).toContain("ONNX opset 13");
        const z = Float32Array.from(normalTensor({ seed: 1, stream: 51, step: 0, draw: 0 }, 7 * 100), (x) => x * 0.5);
        await Deno.writeFile(`${dir}/z.npy`, encodeNpy(z, [7, 100]));
        const s = await gan("sample", ckpt, "--z", `${dir}/z.npy`, "-o", `${dir}/x.npy`);
        expect(s.code, s.stderr).toBe(0);
        const want = decodeNpy(await Deno.readFile(`${dir}/x.npy`), "x.npy").data;
        const session = await ort.InferenceSession.create(await Deno.readFile(`${dir}/g.onnx`));
        const out = await session.run({ z: new ort.Tensor("float32", z, [7, 100]) });
        expect(out.x.dims).toEqual([7, 1, 28, 28]);
        const got = out.x.data as Float32Array;
        let worst = 0;
        for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
        expect(worst).toBeLessThan(1e-5);
        const bad = await gan("export", ckpt, "--onnx", `${dir}/g.txt`);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toContain("must end in .onnx");
      } finally {
        await Deno.remove(dir, { recursive: true });
      }
    },
    300_000,
  );
});
