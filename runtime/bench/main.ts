// `npm run bench`: the paper's MNIST GAN step, the generated trainer (generated/<name>/trainer.ts, compiled
// in memory) against TensorFlow.js on the same adapter in the same process, and side by side with the
// plan interpreter the runtime used before (GpuExecutor: the same kernels, dispatched from plan data);
// our matmul kernels in GFLOP/s; dispatches and bytes per step; spec to first step.
// `--json` prints one JSON object instead of the table. Not part of `npm test`.
import { type LogRecord, lowerSource, type Metrics, planForTraining, type Trainer } from "../../compiler/index.ts";
import { batchPlan, epochPermutation, type Plan, Streams } from "../../compiler/index.ts";
import { type MatmulLayout, type Target } from "../../compiler/shared.ts";
import { acquireDevice } from "../gpu/device.ts";
import { loneProduct } from "./product.ts";
import { gflopRange, kernelTable, stepKernels, type Timed, timeKernels } from "./step-kernels.ts";
import { benchDcgan, dcganTable } from "./dcgan.ts";
import { benchColdStart, coldStartLines } from "./cold.ts";
import { GpuExecutor } from "../gpu/executor.ts";
import { dataOfSpec, featureMeans, loadTrainingSet } from "../train/data.ts";
import { compileModules } from "../train/module.ts";
import { tfjsGan, type TfResult } from "./tfjs.ts";
import { benchWganGp, wganGpTable } from "./wgan-gp.ts";
import { ParzenGpu, SIGMA_GRID } from "../eval/parzen.ts";

const args = new Set(Deno.args);
const json = args.has("--json");
const quick = args.has("--quick"); // fewer timed steps, for a smoke test of the benchmark itself
// `--skip wgan-gp,parzen,dcgan,cold,tfjs-cpu`: leave sections out (the WGAN-GP step in TensorFlow.js takes
// minutes, as does its cpu backend's DCGAN step)
const skipAt = Deno.args.indexOf("--skip");
const skip = new Set(skipAt >= 0 ? (Deno.args[skipAt + 1] ?? "").split(",") : []);
const log = (s: string) => (json ? console.error(s) : console.log(s));
const SPEC = new URL("../../specs/mnist-mlp.gan", import.meta.url);

const { device, description, target: adapterTarget } = await acquireDevice();
const queueIdle = () => device.queue.onSubmittedWorkDone();

// ---- spec to first step: parse, check, lower, fuse, emit, generate and import the module, create
// pipelines, init, one step ----
const t0 = performance.now();
const text = await Deno.readTextFile(SPEC);
const { trainer: M } = await compileModules(text, "specs/mnist-mlp.gan", adapterTarget.name);
const tCompiled = performance.now();
const data = await loadTrainingSet(M.spec);
const tData = performance.now();
const ours: Trainer = await M.createTrainer(device, data.data); // bytes on the GPU, as `gan train` runs it
const tPipelines = performance.now();
const initial = await ours.tensors(); // the weights TensorFlow.js starts from too
const tInit = performance.now();
const firstLosses: Metrics = await ours.train(1);
const tFirst = performance.now();
const specToFirstStep = {
  totalMs: tFirst - t0 - (tData - tCompiled) - (tInit - tPipelines),
  compileMs: tCompiled - t0,
  pipelinesMs: tPipelines - tData,
  pipelines: ours.pipelines,
};
log(`adapter: ${description}; kernels: ${M.target}`);

// the plan the module was generated from, for the interpreter side by side and the kernel timings
const { program, spec } = lowerSource(text);
const plan = planForTraining(program!, spec!, adapterTarget);
const batchesFor = (p: Plan) => ({
  ...batchPlan(data.n, p.batch, p.realBatches),
  permutation: (e: number) => epochPermutation(spec!.train.seed, Streams.shuffle, e, data.n),
});
const interpreter = new GpuExecutor(device, plan, { values: data.values, n: data.n }, batchesFor(plan));
await interpreter.createPipelines();
interpreter.init(spec!.train.seed, featureMeans(data.values, data.n));
if (dataOfSpec(spec!).seed !== M.spec.seed) throw new Error("the module and the plan disagree on the seed");

// ---- our training step: the generated trainer, and the plan interpreter on the same kernels ----
interface StepTiming {
  msPerStep: number;
  dispatches: number;
  uploadBytes: number;
  losses: Record<string, number>;
}
async function timeGenerated(steps: number): Promise<StepTiming> {
  // logs fall on multiples of logEvery, and at the end: each record's bytes are per step since the last
  let [bytes, dispatches, from] = [0, 0, ours.step];
  const onLog = (r: LogRecord) => {
    [bytes, dispatches, from] = [bytes + r.upload_bytes * (r.step - from), r.dispatches, r.step];
  };
  const start = performance.now();
  const m = await ours.train(steps, { logEvery: steps, onLog }); // waits for the steps
  const ms = (performance.now() - start) / steps;
  return { msPerStep: ms, dispatches, uploadBytes: bytes / steps, losses: { ...m } };
}
async function timeInterpreted(ex: GpuExecutor, from: number, steps: number): Promise<StepTiming> {
  let dispatches = 0;
  let upload = 0;
  const start = performance.now();
  for (let s = from; s < from + steps; s++) {
    const c = ex.step(s, spec!.train.seed);
    dispatches += c.dispatches;
    upload += c.uploadBytes;
  }
  const m = await ex.readMetrics(); // waits for the queued steps
  return {
    msPerStep: (performance.now() - start) / steps,
    dispatches: dispatches / steps,
    uploadBytes: upload / steps,
    losses: m,
  };
}
// the median of five timings of 20 steps each, the two drivers interleaved: this machine's speed drifts
// over seconds
const STEPS = quick ? 5 : 20;
await ours.train(3);
for (let s = 0; s < 4; s++) interpreter.step(s, spec!.train.seed);
await queueIdle();
const stepTrials: StepTiming[] = [];
const interpretedTrials: StepTiming[] = [];
for (let t = 0; t < (quick ? 1 : 5); t++) {
  stepTrials.push(await timeGenerated(STEPS));
  interpretedTrials.push(await timeInterpreted(interpreter, 4 + t * STEPS, STEPS));
}
const median = (xs: StepTiming[]) => [...xs].sort((a, b) => a.msPerStep - b.msPerStep)[xs.length >> 1];
const oursTimed = {
  ...median(stepTrials),
  trialsMsPerStep: stepTrials.map((t) => t.msPerStep),
  losses: stepTrials[stepTrials.length - 1].losses,
};
const interpreted = {
  ...median(interpretedTrials),
  trialsMsPerStep: interpretedTrials.map((t) => t.msPerStep),
  losses: interpretedTrials[interpretedTrials.length - 1].losses,
};
// the same step count on both sides, from the same seed: the same losses to the last bit
const sameLosses = ["d_loss", "g_loss", "d_real", "d_fake"].every((k) => oursTimed.losses[k] === interpreted.losses[k]);
const metricsBytes = 16;
log(`ours (generated trainer, ${M.target}): ${oursTimed.msPerStep.toFixed(1)} ms/step`);
log(`plan interpreter, same kernels: ${interpreted.msPerStep.toFixed(1)} ms/step; losses identical: ${sameLosses}`);

// the other kernel family on the same adapter, for comparison
const otherName = M.target === "software" ? "gpu" : "software";
const { trainer: other } = await compileModules(text, "specs/mnist-mlp.gan", otherName);
const otherTrainer = await other.createTrainer(device, { images: data.values });
await otherTrainer.train(3);
const otherStart = performance.now();
const otherSteps = quick ? 3 : 10;
const otherLosses = await otherTrainer.train(otherSteps, { logEvery: otherSteps });
const otherTimed = { msPerStep: (performance.now() - otherStart) / otherSteps, losses: otherLosses };
otherTrainer.destroy();
log(`ours (${otherName} kernels): ${otherTimed.msPerStep.toFixed(1)} ms/step`);

// ---- how the data travels: bytes on the GPU (ours), float32 on the GPU (the form before bytes), and
// bytes streamed into a window each step (what a set too large for one binding does), interleaved ----
const paths = [
  { name: "bytes, resident", trainer: ours },
  { name: "float32, resident", trainer: await M.createTrainer(device, { images: data.values }) },
  { name: "bytes, streamed each step", trainer: await M.createTrainer(device, data.data, { stream: true }) },
];
for (const p of paths.slice(1)) await p.trainer.train(3);
const pathMs = paths.map(() => [] as number[]);
for (let t = 0; t < (quick ? 1 : 3); t++) {
  for (const [i, p] of paths.entries()) {
    const start = performance.now();
    await p.trainer.train(STEPS, { logEvery: STEPS });
    pathMs[i].push((performance.now() - start) / STEPS);
  }
}
const dataPaths = paths.map((p, i) => ({
  data: p.name,
  msPerStep: [...pathMs[i]].sort((a, b) => a - b)[pathMs[i].length >> 1],
  trialsMsPerStep: pathMs[i],
  deviceBytes: p.trainer.data.deviceBytes,
}));
for (const p of paths.slice(1)) p.trainer.destroy();
for (const d of dataPaths) log(`data ${d.data}: ${d.msPerStep.toFixed(1)} ms/step`);

// ---- matmul kernels: the step's own products, then the same shapes alone, and 1024^3 ----
const stepTimed: Timed[] = stepKernels(program!, adapterTarget, interpreter);

async function loneMatmul(
  layout: MatmulLayout,
  m: number,
  k: number,
  n: number,
  target: Target,
  label: string,
): Promise<Timed> {
  const { ex, kernel } = await loneProduct(device, layout, m, k, n, target);
  const kind = target.matmulOperands === "texture" ? layout : "buffer";
  return { ex, kernel, kind, shape: `${m} x ${n} x ${k}`, flop: 2 * m * n * k, label };
}
// the step's products again, each alone: the contraction without the step's epilogue (bias,
// activation, optimiser update) or its neighbours
const loneTimed: Timed[] = [];
for (const x of stepTimed) {
  if (x.kind === "buffer" || x.kind.startsWith("conv")) continue;
  const [m, n, k] = x.shape.split(" x ").map(Number);
  loneTimed.push(await loneMatmul(x.kind as MatmulLayout, m, k, n, adapterTarget, `${x.kind} ${x.shape} alone`));
}
const squareTimed: Timed[] = [];
for (const layout of ["nn", "tn", "nt"] as const) {
  squareTimed.push(await loneMatmul(layout, 1024, 1024, 1024, adapterTarget, `1024^3 ${layout}`));
}
const kernelRounds = quick ? 1 : 5;
const figures = await timeKernels([...stepTimed, ...loneTimed, ...squareTimed], kernelRounds, quick ? 60 : 300);
const stepMatmuls = figures.slice(0, stepTimed.length);
const lone = figures.slice(stepTimed.length, stepTimed.length + loneTimed.length);
const square = figures.slice(stepTimed.length + loneTimed.length);
for (const t of new Set([...stepTimed, ...loneTimed, ...squareTimed].map((x) => x.ex))) t.destroy();
log(`matmul 1024^3: ${square.map((x) => `${x.kind} ${x.gflops.toFixed(1)}`).join(", ")} GFLOP/s`);

// ---- Parzen evaluation: 10,000 samples of 784 values against 1,000 points, every sigma of the grid ----
async function benchParzen() {
  const samples = quick ? 2000 : 10_000;
  const points = quick ? 200 : 1000;
  const rand = (n: number) => Float32Array.from({ length: n }, (_, i) => ((i * 2654435761) % 1000) / 1000);
  const t0 = performance.now();
  const pz = await ParzenGpu.create(device, rand(samples * 784), samples, { target: adapterTarget });
  const tReady = performance.now();
  await pz.logLikelihoods(rand(points * 784).reverse(), points);
  const tDone = performance.now();
  pz.destroy();
  const r = {
    samples,
    points,
    sigmas: SIGMA_GRID.length,
    setupSeconds: (tReady - t0) / 1000,
    pointsPerSecond: points / ((tDone - tReady) / 1000),
  };
  log(`Parzen: ${r.pointsPerSecond.toFixed(0)} points/s against ${samples} samples`);
  return r;
}
const parzen = skip.has("parzen") ? undefined : await benchParzen();

// ---- TensorFlow.js on the same adapter, from the same initial weights ----
const shapes = new Map(plan.params.map((p) => [p.name, p.shape]));
const tfOpts = { steps: quick ? 2 : 5, warmup: 2, batch: plan.batch, lr: 0.1, momentum: 0.5 };
const tf: TfResult[] = [];
for (const backend of ["webgpu", "wasm"] as const) {
  try {
    tf.push(await tfjsGan(backend, initial, shapes, data.values, data.n, tfOpts));
    log(`TensorFlow.js ${backend}: ${tf[tf.length - 1].msPerStep.toFixed(1)} ms/step`);
  } catch (e) {
    log(`TensorFlow.js ${backend}: did not run (${(e as Error).message})`);
  }
}

// ---- a second-order step: WGAN-GP, ours and TensorFlow.js ----
const wganGp = skip.has("wgan-gp") ? undefined : await benchWganGp(device, adapterTarget, quick, log).catch((
  e: Error,
) => {
  log(`specs/wgan-gp-mnist.gan: not benchmarked (${e.message})`);
  return undefined;
});

// ---- a convolutional step: the DCGAN, ours and TensorFlow.js ----
const dcgan = skip.has("dcgan") ? undefined : await benchDcgan(device, adapterTarget, quick, log, {
  tfjsCpu: !skip.has("tfjs-cpu"),
}).catch((e: Error) => {
  log(`specs/dcgan-mnist.gan: not benchmarked (${e.message})`);
  return undefined;
});

// ---- the cold start: gan train in a process of its own with an empty shader cache ----
const coldStart = skip.has("cold")
  ? undefined
  : await benchColdStart("specs/mnist-mlp.gan", spec!.train.logEvery, log).catch((
    e: Error,
  ) => {
    log(`cold start: not measured (${e.message})`);
    return undefined;
  });

// ---- report ----
const imagesPerSecond = (ms: number) => (1000 * plan.batch) / ms;
const result = {
  date: new Date().toISOString().slice(0, 10),
  adapter: description,
  target: plan.target,
  spec: "specs/mnist-mlp.gan",
  batch: plan.batch,
  interpreter: { ...interpreted, sameLosses },
  ours: {
    ...oursTimed,
    imagesPerSecond: imagesPerSecond(oursTimed.msPerStep),
    downloadBytesPerMetricsRead: metricsBytes,
    firstLosses,
  },
  oursOtherKernels: { target: otherName, msPerStep: otherTimed.msPerStep, losses: otherTimed.losses },
  tfjs: tf.map((r) => ({
    ...r,
    imagesPerSecond: imagesPerSecond(r.msPerStep),
    ratio: r.msPerStep / oursTimed.msPerStep,
  })),
  matmul: { step: stepMatmuls, alone: lone, square },
  specToFirstStep,
  dataPaths,
  parzen,
  wganGp,
  dcgan,
  coldStart,
};
if (json) {
  console.log(JSON.stringify(result, null, 1));
} else {
  const f = (x: number, d = 1) => x.toFixed(d);
  const loss = (m: { d_loss: number; g_loss: number }) => `d ${f(m.d_loss, 4)} g ${f(m.g_loss, 4)}`;
  console.log(`\n${result.date}, ${description}, specs/mnist-mlp.gan, batch ${plan.batch}`);
  console.log("| trainer | ms/step | images/s | vs ours | first-step losses | last losses |");
  console.log("|---|---:|---:|---:|---|---|");
  console.log(
    `| generated (${plan.target} kernels) | ${f(oursTimed.msPerStep)} | ${f(result.ours.imagesPerSecond, 0)} | 1.0x | ${
      loss(firstLosses as never)
    } | ${loss(oursTimed.losses as never)} |`,
  );
  console.log(
    `| plan interpreter (the runtime's driver before generated trainers; same kernels) | ${
      f(interpreted.msPerStep)
    } | ${f(imagesPerSecond(interpreted.msPerStep), 0)} | ${f(interpreted.msPerStep / oursTimed.msPerStep, 2)}x | | ${
      loss(interpreted.losses as never)
    }${sameLosses ? " (identical)" : " (DIFFERENT)"} |`,
  );
  console.log(
    `| generated (${otherName} kernels) | ${f(otherTimed.msPerStep)} | ${
      f(imagesPerSecond(otherTimed.msPerStep), 0)
    } | ${f(otherTimed.msPerStep / oursTimed.msPerStep)}x slower | | ${loss(otherTimed.losses as never)} |`,
  );
  for (const r of result.tfjs) {
    console.log(
      `| TensorFlow.js 4.22 ${r.backend} | ${f(r.msPerStep)} | ${f(r.imagesPerSecond, 0)} | ${f(r.ratio)}x slower | ${
        loss(r.first)
      } | ${loss(r.last)} |`,
    );
  }
  console.log(
    `\nper step: ${f(oursTimed.dispatches, 0)} dispatches, ${
      f(oursTimed.uploadBytes, 0)
    } bytes CPU->GPU, ${metricsBytes} bytes GPU->CPU per metrics read`,
  );
  console.log(
    `spec to first step: ${f(result.specToFirstStep.totalMs / 1000, 2)} s (compile ${
      f(specToFirstStep.compileMs / 1000, 2)
    } s, ${result.specToFirstStep.pipelines} pipelines ${f(specToFirstStep.pipelinesMs / 1000, 2)} s)`,
  );
  console.log(
    "\n| training data (MNIST step, interleaved trials) | ms/step (median) | trials | vs bytes resident | on the GPU |",
  );
  console.log("|---|---:|---|---:|---:|");
  for (const d of dataPaths) {
    console.log(
      `| ${d.data} | ${f(d.msPerStep)} | ${d.trialsMsPerStep.map((x) => f(x)).join(", ")} | ${
        f(d.msPerStep / dataPaths[0].msPerStep, 2)
      }x | ${f(d.deviceBytes / 2 ** 20)} MiB |`,
    );
  }
  const layouts = ["nn", "tn", "nt", "buffer"] as const;
  console.log(
    `\nmatmul GFLOP/s in the step's kernels (with their epilogues): ${
      layouts.map((l) => `${l} ${gflopRange(stepMatmuls, [l])}`).join(", ")
    }`,
  );
  console.log(
    `matmul GFLOP/s on the step's shapes, each product alone: ${
      layouts.slice(0, 3).map((l) => `${l} ${gflopRange(lone, [l])}`).join(", ")
    }`,
  );
  console.log(kernelTable([...stepMatmuls, ...lone, ...square], kernelRounds).join("\n"));
  if (parzen) {
    console.log(
      `\nParzen evaluation (gan eval --parzen's estimator): ${
        f(parzen.pointsPerSecond, 0)
      } points/s against ${parzen.samples} samples of 784 values, all ${parzen.sigmas} sigmas (${
        f(parzen.samples * parzen.pointsPerSecond * 784 * 2 / 1e9)
      } GFLOP/s in the distance product); setup ${f(parzen.setupSeconds, 2)} s`,
    );
  }
  if (wganGp) console.log(wganGpTable(wganGp, `${result.date}, ${description}`).join("\n"));
  if (dcgan) console.log(dcganTable(dcgan, `${result.date}, ${description}`).join("\n"));
  if (coldStart) console.log(coldStartLines(coldStart).join("\n"));
}
Deno.exit(0);
