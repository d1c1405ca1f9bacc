// `npm run bench`'s second-order step: specs/wgan-gp-mnist.gan (five critic updates, each with a gradient
// penalty at random interpolates, then one generator update), the generated trainer against TensorFlow.js
// computing the same step with tf.grad inside tf.variableGrads, on the same adapter in the same process,
// from the same initial weights.
import { lowerSource, type Metrics, planForTraining } from "../../compiler/index.ts";
import type { Target } from "../../compiler/shared.ts";
import { loadTrainingSet } from "../train/data.ts";
import { compileModules } from "../train/module.ts";
import { tfjsWganGp, type TfWganResult } from "./tfjs-wgan-gp.ts";

export interface WganGpBench {
  spec: string;
  batch: number;
  k: number;
  /** `losses` are after `steps` steps (each trainer's warm-up and timed steps). */
  ours: { msPerStep: number; trialsMsPerStep: number[]; firstLosses: Metrics; losses: Metrics; steps: number };
  /** TensorFlow.js backends that ran, with ms per step as a multiple of ours; and those that could not. */
  tfjs: (TfWganResult & { ratio: number; steps: number })[];
  failed: { backend: string; reason: string }[];
}

const SPEC = "specs/wgan-gp-mnist.gan";

export async function benchWganGp(
  device: GPUDevice,
  target: Target,
  quick: boolean,
  log: (s: string) => void,
): Promise<WganGpBench> {
  const text = await Deno.readTextFile(new URL(`../../${SPEC}`, import.meta.url));
  const { trainer: M } = await compileModules(text, SPEC, target.name);
  const { program, spec } = lowerSource(text);
  const plan = planForTraining(program!, spec!, target);
  const opt = spec!.optimizers.discriminator;
  const penalty = spec!.loss.penalty;
  if (opt.kind !== "adam" || opt.lr.kind !== "constant" || penalty?.kind !== "gradient_penalty") {
    throw new Error(`${SPEC} is no longer the WGAN-GP step this benchmark writes in TensorFlow.js`);
  }
  const data = await loadTrainingSet(M.spec);
  const ours = await M.createTrainer(device, { images: data.values });
  const initial = await ours.tensors();
  const firstLosses = await ours.train(1);
  await ours.train(1); // warm
  // the median of three timings of three steps (one of one with --quick): this step is long
  const steps = quick ? 1 : 3;
  const trials: number[] = [];
  let losses = firstLosses;
  for (let t = 0; t < steps; t++) {
    const start = performance.now();
    losses = await ours.train(steps, { logEvery: steps });
    trials.push((performance.now() - start) / steps);
  }
  const trained = ours.step;
  ours.destroy();
  const msPerStep = [...trials].sort((a, b) => a - b)[trials.length >> 1];
  log(`${SPEC} (generated trainer): ${msPerStep.toFixed(0)} ms/step`);

  const o = {
    steps: quick ? 1 : 2, // a TensorFlow.js step here takes over a minute
    warmup: 1,
    batch: spec!.train.batch,
    k: spec!.train.k,
    lr: opt.lr.value,
    beta1: opt.beta1,
    beta2: opt.beta2,
    weight: penalty.weight,
    target: penalty.target,
  };
  const shapes = new Map(plan.params.map((p) => [p.name, p.shape]));
  const tfjs: WganGpBench["tfjs"] = [];
  const failed: WganGpBench["failed"] = [];
  for (const backend of ["webgpu", "wasm"] as const) {
    try {
      const r = await tfjsWganGp(backend, initial, shapes, data.values, data.n, o);
      tfjs.push({ ...r, ratio: r.msPerStep / msPerStep, steps: o.warmup + o.steps });
      log(`TensorFlow.js ${backend}, ${SPEC}: ${r.msPerStep.toFixed(0)} ms/step`);
    } catch (e) {
      failed.push({ backend, reason: (e as Error).message });
      log(`TensorFlow.js ${backend}, ${SPEC}: did not run (${(e as Error).message})`);
    }
  }
  return {
    spec: SPEC,
    batch: o.batch,
    k: o.k,
    ours: { msPerStep, trialsMsPerStep: trials, firstLosses, losses, steps: trained },
    tfjs,
    failed,
  };
}

/** The benchmark's Markdown table, as `npm run bench` prints it. */
export function wganGpTable(r: WganGpBench, heading: string): string[] {
  const f = (x: number, d = 1) => x.toFixed(d);
  const loss = (m: { d_loss: number; g_loss: number; penalty?: number }) =>
    `d ${f(m.d_loss, 4)} g ${f(m.g_loss, 4)} penalty ${f(m.penalty ?? NaN, 4)}`;
  return [
    `\n${heading}, ${r.spec}, batch ${r.batch}, ${r.k} critic updates with a gradient penalty per step`,
    "| trainer | ms/step | vs ours | first-step losses | last losses (after steps) |",
    "|---|---:|---:|---|---|",
    `| generated | ${f(r.ours.msPerStep, 0)} | 1.0x | ${loss(r.ours.firstLosses)} | ${
      loss(r.ours.losses)
    } (${r.ours.steps}) |`,
    ...r.tfjs.map((t) =>
      `| TensorFlow.js 4.22 ${t.backend} | ${f(t.msPerStep, 0)} | ${f(t.ratio)}x slower | ${loss(t.first)} | ${
        loss(t.last)
      } (${t.steps}) |`
    ),
    ...r.failed.map((x) => `| TensorFlow.js 4.22 ${x.backend} | did not run: ${x.reason} | | | |`),
  ];
}
