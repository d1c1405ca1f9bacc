// `gan eval CKPT --parzen [--samples N] [--json]`: the paper's Parzen-window log-likelihood of a
// checkpoint's generator: N samples (10,000 by default) from the latent prior, sigma chosen from
// logspace(-1, 0, 10) on the validation split, the mean log-likelihood of the test split +- its standard
// error.
import type * as M from "../../compiler/model.ts";
import { lowerSource } from "../../compiler/index.ts";
import { lowerSampler } from "../../compiler/phases/3-lower/lower.ts";
import { planProgram } from "../../compiler/phases/5-emit/plan.ts";
import { readUserFile, UsageError } from "../cli/io.ts";
import { BUNDLED_SPLIT, loadBundledMnist, splitDataset } from "../data/mnist-bundled.ts";
import { acquireDevice } from "../gpu/device.ts";
import { GpuExecutor, NO_BATCHES } from "../gpu/executor.ts";
import { checkTensors, decodeCheckpoint } from "../train/checkpoint.ts";
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
const SAMPLE_CHUNK = 500;

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
  const ckpt = decodeCheckpoint(await readUserFile(o.checkpoint), o.checkpoint);
  const { program, spec } = lowerSource(ckpt.spec);
  if (!program || !spec) throw new UsageError(`${o.checkpoint}: the spec inside does not compile with this version of gan`, 1);
  const data = await heldOut(spec);
  const { device, description, target } = await acquireDevice();
  const t0 = performance.now();

  // 1. samples from G, a chunk at a time, from the latent prior (a stream of their own)
  const chunk = Math.min(SAMPLE_CHUNK, n);
  const plan = planProgram(program, { sampler: lowerSampler(spec, chunk), target });
  checkTensors(plan, ckpt, o.checkpoint);
  const features = spec.data.shape.reduce((a, b) => a * b, 1);
  const ex = new GpuExecutor(device, plan, { values: new Float32Array(features), n: 1 }, NO_BATCHES);
  await ex.createPipelines();
  await ex.writeParams(ckpt.tensors);
  const z = latentNoise(spec, ckpt.seed, Math.ceil(n / chunk) * chunk, EVAL_NOISE_STREAM);
  const samples = new Float32Array(n * features);
  for (let s = 0; s < n; s += chunk) {
    const x = await ex.sample(z.subarray(s * spec.latent.dim, (s + chunk) * spec.latent.dim));
    samples.set(x.subarray(0, Math.min(chunk, n - s) * features), s * features);
    bar("samples", Math.min(n, s + chunk), n);
  }
  ex.destroy();
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
