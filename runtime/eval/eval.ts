// `gan eval CKPT --parzen [--samples N] [--json]`: the paper's Parzen-window log-likelihood of a
// checkpoint's generator: N samples (10,000 by default) from the latent prior, sigma chosen from
// logspace(-1, 0, 10) on the validation split, the mean log-likelihood of the test split +- its standard
// error.
import type * as M from "../../compiler/model.ts";
import { UsageError } from "../cli/io.ts";
import { BUNDLED_SPLIT, loadBundledMnist, splitDataset } from "../data/mnist-bundled.ts";
import { acquireDevice } from "../gpu/device.ts";
import { generate, openCheckpoint } from "../train/generate.ts";
import { latentNoise } from "../train/run.ts";
import { scaleToRange } from "../train/data.ts";
import { ParzenGpu, parzenProtocol, type ParzenResult, SIGMA_GRID } from "./parzen.ts";

export interface EvalOptions {
  checkpoint: string;
  parzen: boolean;
  samples?: number;
  json?: boolean;
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

/** The held-out splits of a spec's data: only the bundled MNIST digits have them so far. */
async function heldOut(spec: M.CheckedSpec): Promise<{ validation: Float32Array; test: Float32Array; nv: number; nt: number; what: string }> {
  if (spec.data.source.kind !== "mnist") {
    throw new UsageError(
      `Parzen evaluation needs held-out data: specs with \`source = mnist\` use the bundled validation and test splits; \`${spec.data.source.kind}\` data has none yet`,
      1,
    );
  }
  const all = await loadBundledMnist();
  const scaled = (v: Float32Array) => scaleToRange(v, spec.data.range);
  const v = splitDataset(all, BUNDLED_SPLIT.validation);
  const t = splitDataset(all, BUNDLED_SPLIT.test);
  return { validation: scaled(v.values), test: scaled(t.values), nv: v.n, nt: t.n, what: "the bundled MNIST splits" };
}

export async function evalCommand(o: EvalOptions): Promise<number> {
  if (!o.parzen) throw new UsageError("say which evaluation: --parzen (the paper's Parzen-window log-likelihood)");
  const n = o.samples ?? 10_000;
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new UsageError(`--samples ${o.samples}: give a whole number from 1 to 100000`);
  const c = await openCheckpoint(o.checkpoint);
  const { ckpt, spec } = c;
  const data = await heldOut(spec);
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
    console.log(JSON.stringify({ checkpoint: o.checkpoint, step: ckpt.step, samples: n, data: data.what, validationPoints: data.nv, ...r, seconds, pointsPerSecond, adapter: description }, null, 1));
  } else {
    console.log(`${o.checkpoint} (step ${ckpt.step}): Parzen-window log-likelihood from ${n.toLocaleString("en-US")} samples`);
    console.log(`  sigma on ${data.nv} validation digits: ${r.validation.map((v) => `${v.sigma.toFixed(3)} ${v.mean.toFixed(1)}`).join(", ")}`);
    console.log(`  test (${r.testPoints} digits), sigma ${r.sigma.toFixed(3)}: ${r.mean.toFixed(1)} +- ${r.stderr.toFixed(1)}`);
    console.log(`  ${seconds.toFixed(1)} s on ${description} (${pointsPerSecond.toFixed(0)} points/s against the samples, every sigma)`);
  }
  return 0;
}
