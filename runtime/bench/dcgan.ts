// `npm run bench`'s convolutional step: specs/dcgan-mnist.gan (batch 64, alternating D and G updates,
// Adam), the generated trainer against TensorFlow.js running the same architecture from the same initial
// weights on the same adapter in the same process (webgpu and cpu; its wasm backend has no
// Conv2DBackpropFilter kernel and is reported as such), with the step's convolutions and products timed
// alone in GFLOP/s and the dispatches per step.
import { lowerSource, type Metrics, planForTraining } from "../../compiler/index.ts";
import type { Target } from "../../compiler/shared.ts";
import { GpuExecutor } from "../gpu/executor.ts";
import { loadTrainingSet } from "../train/data.ts";
import { compileModules } from "../train/module.ts";
import { type KernelFigure, kernelTable, stepKernels, timeKernels } from "./step-kernels.ts";
import { type TfDcganResult, tfjsDcgan } from "./tfjs-dcgan.ts";
import { NO_BATCHES } from "../gpu/executor.ts";

export interface DcganBench {
  spec: string;
  batch: number;
  /** Useful floating-point work of one step, in GFLOP: its convolutions and products. */
  gflopPerStep: number;
  ours: {
    msPerStep: number;
    trialsMsPerStep: number[];
    dispatches: number;
    firstLosses: Metrics;
    losses: Metrics;
    steps: number;
  };
  kernels: KernelFigure[];
  kernelRounds: number;
  /** TensorFlow.js backends that ran, with ms per step as a multiple of ours; and those that could not. */
  tfjs: (TfDcganResult & { ratio: number; steps: number })[];
  failed: { backend: string; reason: string }[];
}

const SPEC = "specs/dcgan-mnist.gan";

export async function benchDcgan(
  device: GPUDevice,
  target: Target,
  quick: boolean,
  log: (s: string) => void,
  o: { tfjsCpu: boolean } = { tfjsCpu: true },
): Promise<DcganBench> {
  const text = await Deno.readTextFile(new URL(`../../${SPEC}`, import.meta.url));
  const { trainer: M } = await compileModules(text, SPEC, target.name);
  const { program, spec } = lowerSource(text);
  const plan = planForTraining(program!, spec!, target);
  const opt = spec!.optimizers.discriminator;
  const loss = spec!.loss;
  const bn = spec!.discriminator.layers.find((l) => l.op.kind === "batchnorm")?.op as { eps?: number } | undefined;
  if (
    opt.kind !== "adam" || opt.lr.kind !== "constant" || spec!.train.schedule !== "alternating" ||
    loss.discriminator !== "bce" || loss.labelSmoothing !== 0 || loss.generator !== "non_saturating" ||
    spec!.train.k !== 1 || bn?.eps === undefined
  ) {
    throw new Error(`${SPEC} is no longer the DCGAN step this benchmark writes in TensorFlow.js`);
  }
  const data = await loadTrainingSet(M.spec);
  const ours = await M.createTrainer(device, data.data); // bytes on the GPU, as `gan train` runs it
  const initial = await ours.tensors();
  const firstLosses = await ours.train(1);
  await ours.train(2); // warm
  // the median of five timings of 5 steps (one of 2 with --quick)
  const [trialCount, steps] = quick ? [1, 2] : [5, 5];
  const trials: number[] = [];
  let losses = firstLosses;
  let dispatches = 0;
  for (let t = 0; t < trialCount; t++) {
    const start = performance.now();
    losses = await ours.train(steps, { logEvery: steps, onLog: (r) => void (dispatches = r.dispatches) });
    trials.push((performance.now() - start) / steps);
  }
  const trained = ours.step;
  ours.destroy();
  const msPerStep = [...trials].sort((a, b) => a - b)[trials.length >> 1];
  log(`${SPEC} (generated trainer): ${msPerStep.toFixed(0)} ms/step`);

  // the step's convolutions and products, each dispatched alone with its epilogue
  const ex = new GpuExecutor(device, plan, { values: data.values, n: data.n }, NO_BATCHES);
  await ex.createPipelines();
  ex.init(spec!.train.seed, new Float32Array(plan.dataShape.reduce((a, b) => a * b, 1)));
  const list = stepKernels(program!, target, ex);
  const kernelRounds = quick ? 1 : 5;
  const kernels = await timeKernels(list, kernelRounds, quick ? 60 : 300);
  ex.destroy();
  const gflopPerStep = list.reduce((a, t) => a + t.flop, 0) / 1e9;

  const tfo = {
    steps: quick ? 1 : 3,
    warmup: 1,
    batch: spec!.train.batch,
    lr: opt.lr.value,
    beta1: opt.beta1,
    beta2: opt.beta2,
    eps: bn.eps,
    scale: loss.discriminatorScale,
  };
  const shapes = new Map(plan.params.map((p) => [p.name, p.shape]));
  const tfjs: DcganBench["tfjs"] = [];
  const failed: DcganBench["failed"] = [];
  for (const backend of o.tfjsCpu ? ["webgpu", "cpu", "wasm"] as const : ["webgpu", "wasm"] as const) {
    try {
      // TensorFlow.js's cpu backend takes tens of seconds a step here: one timed step after the warm-up
      const r = await tfjsDcgan(backend, initial, shapes, data.values, data.n, {
        ...tfo,
        steps: backend === "cpu" ? 1 : tfo.steps,
      });
      tfjs.push({ ...r, ratio: r.msPerStep / msPerStep, steps: tfo.warmup + (backend === "cpu" ? 1 : tfo.steps) });
      log(`TensorFlow.js ${backend}, ${SPEC}: ${r.msPerStep.toFixed(0)} ms/step`);
    } catch (e) {
      failed.push({ backend, reason: (e as Error).message });
      log(`TensorFlow.js ${backend}, ${SPEC}: did not run (${(e as Error).message})`);
    }
  }
  return {
    spec: SPEC,
    batch: tfo.batch,
    gflopPerStep,
    ours: { msPerStep, trialsMsPerStep: trials, dispatches, firstLosses, losses, steps: trained },
    kernels,
    kernelRounds,
    tfjs,
    failed,
  };
}

/** The benchmark's Markdown tables, as `npm run bench` prints them. */
export function dcganTable(r: DcganBench, heading: string): string[] {
  const f = (x: number, d = 1) => x.toFixed(d);
  const loss = (m: { d_loss: number; g_loss: number }) => `d ${f(m.d_loss, 4)} g ${f(m.g_loss, 4)}`;
  const convs = r.kernels.filter((k) => k.kind.startsWith("conv"));
  const sum = (xs: KernelFigure[], key: "ms" | "flop") =>
    xs.reduce((a, x) => a + (key === "ms" ? x.ms : x.gflops * x.ms * 1e6), 0);
  return [
    `\n${heading}, ${r.spec}, batch ${r.batch}, ${f(r.gflopPerStep, 2)} GFLOP of convolutions and products a step`,
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
    `\nper step: ${r.ours.dispatches} dispatches; convolutions alone ${f(sum(convs, "ms"))} ms at ${
      f(sum(convs, "flop") / sum(convs, "ms") / 1e6)
    } GFLOP/s, all ${r.kernels.length} timed kernels ${f(sum(r.kernels, "ms"))} ms at ${
      f(sum(r.kernels, "flop") / sum(r.kernels, "ms") / 1e6)
    } GFLOP/s`,
    ...kernelTable(r.kernels, r.kernelRounds),
  ];
}
