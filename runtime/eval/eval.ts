// `gan eval CKPT --parzen [--samples N] [--json]`: the paper's Parzen-window log-likelihood of a
// checkpoint's generator: N samples (10,000 by default) from the latent prior, sigma chosen from
// logspace(-1, 0, 10) on the validation split, the mean log-likelihood of the test split +- its standard
// error.
import type { Model as M } from "../../compiler/index.ts";
import { isToySource } from "../../compiler/shared.ts";
import { isFile, UsageError } from "../cli/io.ts";
import { BUNDLED_SPLIT, loadBundledMnist, splitDataset } from "../data/mnist-bundled.ts";
import { readCifar10, readCifar10Test } from "../data/cifar10.ts";
import { HELD_OUT_EVERY, openImageFolder } from "../data/images.ts";
import { byteDataset, type Dataset } from "../data/dataset.ts";
import { readIdx } from "../data/idx.ts";
import { acquireDevice } from "../gpu/device.ts";
import { generate, openCheckpoint, weightsUsed } from "../train/generate.ts";
import { latentNoise } from "../train/noise.ts";
import { DEFAULT_CACHE, scaleToRange } from "../train/data.ts";
import { ParzenGpu, parzenProtocol, type ParzenResult, SIGMA_GRID } from "./parzen.ts";

export interface EvalOptions {
  checkpoint: string;
  parzen: boolean;
  samples?: number;
  json?: boolean;
  /** Held-out files in the spec's format, for data other than the bundled MNIST digits. */
  test?: string;
  validation?: string;
  /** G's trained weights even when the spec keeps an average. */
  raw?: boolean;
  /** Evaluate a checkpoint that holds NaN or infinite values. */
  allowNonfinite?: boolean;
  /** Where a folder of images is cached once decoded (default runs/.gan-cache). */
  cache?: string;
}

/** The random stream of the evaluation's latent vectors (the fixed sample grid uses 4). */
export const EVAL_NOISE_STREAM = 6;

const enc = new TextEncoder();

/** A one-line progress bar on a terminal; nothing otherwise. */
function bar(what: string, done: number, total: number): void {
  if (!Deno.stderr.isTerminal()) return;
  const width = 24;
  const filled = "#".repeat(Math.round((width * done) / total)).padEnd(width, ".");
  Deno.stderr.writeSync(enc.encode(`\r\x1b[K[${filled}] ${done}/${total} ${what}${done === total ? "\n" : ""}`));
}

interface HeldOut {
  validation: Float32Array;
  test: Float32Array;
  nv: number;
  nt: number;
  what: string;
}

/** A held-out file, read by the reader of the spec's own format, checked against its shape. */
async function readHeldOut(spec: M.CheckedSpec, path: string, flag: string, cache?: string): Promise<Dataset> {
  const kind = spec.data.source.kind;
  const ds = kind === "cifar10"
    ? (await readCifar10Test(path)) ?? await readCifar10(path)
    : kind === "images"
    ? await folderImages(path, spec.data.shape, cache, "all")
    : await readIdx(path);
  if (ds.shape.join("x") !== spec.data.shape.join("x")) {
    throw new UsageError(
      `${flag} ${path}: its examples are ${ds.shape.join("x")}, the spec's data shape is ${spec.data.shape.join("x")}`,
      1,
    );
  }
  return ds;
}

/**
 * The held-out splits: the bundled MNIST digits have their own validation and test splits; other data
 * comes from --test (and --validation) files in the spec's format. Without --validation the test file is
 * halved: sigma is chosen on its first half and the log-likelihood reported on the second.
 */
async function heldOut(spec: M.CheckedSpec, o: EvalOptions): Promise<HeldOut> {
  const scaled = (v: Float32Array) => scaleToRange(v, spec.data.range);
  const kind = spec.data.source.kind;
  if (isToySource(spec.data.source)) {
    const d = kind === "gaussian" || kind === "mixture" ? 1 : 2;
    throw new UsageError(
      `Parzen evaluation is for image data; \`${kind}\` is a ${d}-D toy distribution (draw it${
        d === 2 ? " and count its modes" : ""
      } with \`gan figure 1\`)`,
      1,
    );
  }
  if (o.validation && !o.test) throw new UsageError("--validation needs --test too");
  if (!o.test) {
    const own = await ownHeldOut(spec, o.cache);
    if (own) return halves(own.ds, own.what, scaled);
    if (kind !== "mnist") {
      throw new UsageError(
        `Parzen evaluation needs held-out data: give --test FILE (and --validation FILE) in the spec's ${kind} format, e.g. the t10k images of an IDX data set`,
        1,
      );
    }
    const all = await loadBundledMnist();
    const v = splitDataset(all, BUNDLED_SPLIT.validation);
    const t = splitDataset(all, BUNDLED_SPLIT.test);
    return { validation: scaled(v.values), test: scaled(t.values), nv: v.n, nt: t.n, what: "the bundled MNIST splits" };
  }
  const test = await readHeldOut(spec, o.test, "--test", o.cache);
  if (o.validation) {
    const v = await readHeldOut(spec, o.validation, "--validation", o.cache);
    return {
      validation: scaled(v.values),
      test: scaled(test.values),
      nv: v.n,
      nt: test.n,
      what: `${o.validation} (validation), ${o.test} (test)`,
    };
  }
  if (test.n < 2) {
    throw new UsageError(`--test ${o.test}: ${test.n} example; halving it for validation needs at least 2`, 1);
  }
  return halves(test, o.test, scaled);
}

/** A held-out set split in two: sigma is chosen on the first half, the likelihood reported on the second. */
function halves(ds: Dataset, what: string, scaled: (v: Float32Array) => Float32Array): HeldOut {
  const half = Math.floor(ds.n / 2);
  const v = splitDataset(ds, [0, half]);
  const t = splitDataset(ds, [half, ds.n]);
  return {
    validation: scaled(v.values),
    test: scaled(t.values),
    nv: v.n,
    nt: t.n,
    what: `${what}: examples 1-${half} (validation), ${half + 1}-${ds.n} (test)`,
  };
}

/**
 * The held-out data a source has of its own: CIFAR-10's test_batch.bin beside the five training batches,
 * an IDX training file's t10k- twin in the same folder (MNIST, Fashion-MNIST), a folder's held-out images
 * (every 10th file).
 */
async function ownHeldOut(spec: M.CheckedSpec, cache?: string): Promise<{ ds: Dataset; what: string } | undefined> {
  const src = spec.data.source;
  if (src.kind === "cifar10") {
    const ds = await readCifar10Test(src.path);
    return ds && { ds, what: `${src.path}/test_batch.bin` };
  }
  if (src.kind === "idx") {
    const twin = src.path.replace(/train-(?=[^/]*$)/, "t10k-");
    if (twin === src.path || !isFile(twin)) return undefined;
    return { ds: await readIdx(twin), what: twin };
  }
  if (src.kind === "images") {
    const ds = await folderImages(src.folder, spec.data.shape, cache, "held-out");
    return { ds, what: `${src.folder} (its held-out 1 in ${HELD_OUT_EVERY} images)` };
  }
  return undefined;
}

/** A folder's images as a dataset: all of them, or its held-out split. */
async function folderImages(
  folder: string,
  shape: readonly number[],
  cache: string | undefined,
  which: "all" | "held-out",
): Promise<Dataset> {
  const f = await openImageFolder(folder, shape, {
    cacheDir: cache ?? DEFAULT_CACHE,
    onSkip: (path, why) => console.error(`gan: skipped ${path}: ${why}`),
  });
  try {
    const begin = which === "all" ? 0 : f.train;
    if (f.n - begin < 2) {
      throw new UsageError(`${folder}: ${f.n - begin} held-out images; evaluation needs at least 2`, 1);
    }
    return byteDataset(await f.readRange(begin, f.n), f.n - begin, f.shape);
  } finally {
    f.close();
  }
}

export async function evalCommand(o: EvalOptions): Promise<number> {
  if (!o.parzen) throw new UsageError("say which evaluation: --parzen (the paper's Parzen-window log-likelihood)");
  const n = o.samples ?? 10_000;
  if (!Number.isInteger(n) || n < 1 || n > 100_000) {
    throw new UsageError(`--samples ${o.samples}: give a whole number from 1 to 100000`);
  }
  const c = await openCheckpoint(o.checkpoint, { raw: o.raw, allowNonfinite: o.allowNonfinite });
  const { ckpt, spec } = c;
  const data = await heldOut(spec, o);
  const { device, description, target } = await acquireDevice();
  const t0 = performance.now();

  // 1. samples from G, from the latent prior (a stream of their own)
  const z = latentNoise(spec, ckpt.seed, n, EVAL_NOISE_STREAM);
  const samples = await generate(device, target, c, o.checkpoint, z, (k, total) => bar("samples", k, total));
  const tSamples = performance.now();

  // 2. log-likelihoods of the validation and test points for every sigma, then the protocol
  const parzen = await ParzenGpu.create(device, samples, n, { target });
  const total = data.nv + data.nt;
  const validation = await parzen.logLikelihoods(data.validation, data.nv, (k) => bar("points", k, total));
  const test = await parzen.logLikelihoods(data.test, data.nt, (k) => bar("points", data.nv + k, total));
  parzen.destroy();
  const r: ParzenResult = parzenProtocol(SIGMA_GRID, validation, test);
  const seconds = (performance.now() - t0) / 1000;
  const pointsPerSecond = total / ((performance.now() - tSamples) / 1000);

  if (o.json) {
    console.log(
      JSON.stringify(
        {
          checkpoint: o.checkpoint,
          step: ckpt.step,
          weights: weightsUsed(c),
          samples: n,
          data: data.what,
          validationPoints: data.nv,
          ...r,
          seconds,
          pointsPerSecond,
          adapter: description,
        },
        null,
        1,
      ),
    );
  } else {
    console.log(
      `${o.checkpoint} (step ${ckpt.step}): Parzen-window log-likelihood from ${n.toLocaleString("en-US")} samples of ${
        weightsUsed(c)
      }`,
    );
    console.log(`  held-out data: ${data.what}`);
    console.log(
      `  sigma on ${data.nv} validation examples: ${
        r.validation.map((v) => `${v.sigma.toFixed(3)} ${v.mean.toFixed(1)}`).join(", ")
      }`,
    );
    console.log(
      `  test (${r.testPoints} examples), sigma ${r.sigma.toFixed(3)}: ${r.mean.toFixed(1)} +- ${r.stderr.toFixed(1)}`,
    );
    console.log(
      `  ${seconds.toFixed(1)} s on ${description} (${
        pointsPerSecond.toFixed(0)
      } points/s against the samples, every sigma)`,
    );
  }
  return 0;
}
