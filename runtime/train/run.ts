// `gan train`: compile a spec, train it on WebGPU, and write the run folder that DESIGN.md describes:
// metrics.jsonl, samples/step-N.png from a fixed noise batch, checkpoints/step-N.safetensors (atomic),
// curves.png (redrawn at each checkpoint) and spec.gan. Ctrl-C saves a checkpoint; --resume continues bit for bit.
import { basename, dirname, join } from "node:path";
import { lowerSource, planForTraining, SAMPLE_GRID } from "../../compiler/index.ts";
import { batchPlan, epochPermutation } from "../../compiler/ir/batches.ts";
import { scheduleValue } from "../../compiler/phases/3-lower/optimize.ts";
import { Streams } from "../../compiler/ir/program.ts";
import type { Plan } from "../../compiler/phases/5-emit/plan.ts";
import { checkLimits } from "../../compiler/phases/5-emit/limits.ts";
import { loadPlan } from "./generated.ts";
import { countLine, isDir, printDiagnostics, readSpecFile, readUserFile, UsageError } from "../cli/io.ts";
import { acquireDevice } from "../gpu/device.ts";
import { GpuExecutor } from "../gpu/executor.ts";
import { writeFileAtomic } from "../io/atomic.ts";
import { imageGrid } from "../io/png.ts";
import { checkTensors, decodeCheckpoint, encodeCheckpoint, listCheckpoints } from "./checkpoint.ts";
import { featureMeans, loadTrainingSet } from "./data.ts";
import { fixedNoise } from "./noise.ts";
export { fixedNoise, latentNoise } from "./noise.ts";
import { duration, Progress, speed } from "./progress.ts";
import { curvesSvg, parseMetrics } from "../plot/curves.ts";
import { svgToPng } from "../plot/render.ts";

export interface TrainOptions {
  spec?: string;
  steps?: number;
  out?: string;
  resume?: string;
  seed?: number;
  /** A tuning-table entry to use instead of the adapter's own. */
  target?: string;
  /** A data file (IDX, or CIFAR-10 `.bin`) to train on instead of the spec's source. */
  data?: string;
}

/** The spec's text with its data source replaced by a file: IDX (raw or gzipped), or CIFAR-10 for `.bin`. */
export function withDataFile(text: string, path: string): string {
  if (/["\n\r]/.test(path)) {
    throw new UsageError(`--data ${JSON.stringify(path)}: a path with quotes or line breaks cannot go in a spec`);
  }
  const source = /\.bin$/i.test(path) ? `cifar10("${path}")` : `idx("${path}")`;
  const re = /(\bdata\s*\{[^}]*?\bsource\s*=\s*)([a-z_0-9]+(?:\([^)]*\))?)/;
  if (!re.test(text)) throw new UsageError("--data: the spec has no `source = ...` in its data section to replace");
  return text.replace(re, (_, head) => `${head}${source}`);
}

const GRID = SAMPLE_GRID;

export async function train(o: TrainOptions): Promise<number> {
  // The spec: from the file, or from the checkpoint being resumed (which holds the exact text).
  const resumed = o.resume ? decodeCheckpoint(await readUserFile(o.resume), o.resume) : undefined;
  // A generated folder (gan compile's output) trains from its own plan.json and kernels.
  const generatedDir = o.spec && isDir(o.spec) ? o.spec.replace(/\/?$/, "/") : undefined;
  const specPath = generatedDir ? `${generatedDir}spec.gan` : o.spec ?? o.resume!;
  if (o.data && resumed) {
    throw new UsageError(
      "--data starts a new run on other data; a resumed run keeps the data its checkpoint was trained on",
    );
  }
  const text = o.spec
    ? (o.data ? withDataFile(readSpecFile(specPath), o.data) : readSpecFile(specPath))
    : resumed!.spec;
  if (resumed && o.spec && text !== resumed.spec) {
    throw new UsageError(
      `${o.resume} was trained from a different spec than ${o.spec}; resume it without SPEC to use the spec it holds`,
    );
  }
  const { program, spec, diagnostics } = lowerSource(text);
  if (diagnostics.length) printDiagnostics(specPath, text, diagnostics);
  if (!program || !spec) {
    console.error(`${specPath}${o.data ? ` with --data ${o.data}` : ""}: ${countLine(diagnostics)}; not trained`);
    return 1;
  }
  const seed = resumed?.seed ?? o.seed ?? spec.train.seed;
  const { device, description, target } = await acquireDevice();
  // kernels shaped for this adapter (the tuning table), unless a generated folder fixes them
  const plan = generatedDir
    ? await loadPlan(new URL(`file://${Deno.realPathSync(generatedDir)}/`))
    : planForTraining(program, spec, o.target ?? target);

  const data = await loadTrainingSet(spec);
  const perStep = plan.realBatches;
  if (data.n < plan.batch) {
    throw new UsageError(
      `${specPath}: the batch (${plan.batch}) is larger than the training set (${data.n} examples)`,
      1,
    );
  }
  const batches = {
    ...batchPlan(data.n, plan.batch, perStep),
    permutation: (e: number) => epochPermutation(seed, Streams.shuffle, e, data.n),
  };
  const start = resumed?.step ?? 0;
  const total = o.steps !== undefined ? start + o.steps : spec.train.steps ??
    (spec.train.epochs !== undefined ? Math.ceil((spec.train.epochs * batches.perEpoch) / perStep) : undefined);

  const runDir = o.out ??
    (o.resume ? dirname(dirname(o.resume)) : join("runs", `${spec.name || "gan"}-${timestamp()}`));
  if (!resumed) refuseUsedFolder(runDir);
  await Deno.mkdir(join(runDir, "samples"), { recursive: true });
  await Deno.mkdir(join(runDir, "checkpoints"), { recursive: true });
  if (!resumed) await writeFileAtomic(join(runDir, "spec.gan"), text);

  const progress = new Progress(total);
  const tooBig = checkLimits(plan, device.limits, data.values.byteLength);
  if (tooBig.length) {
    throw new UsageError(`${spec.name} does not fit this adapter (${description}): ${tooBig.join("; ")}`, 1);
  }
  progress.log(`${spec.name}: ${data.description}; ${description} (${plan.target} kernels)`);
  // the GPU's memory: every buffer and texture of the run is allocated here, so running out is said here
  device.pushErrorScope("out-of-memory");
  const ex = new GpuExecutor(device, plan, { values: data.values, n: data.n }, batches);
  const oom = await device.popErrorScope();
  if (oom) {
    ex.destroy();
    const mb = (x: number) => `${(x / 2 ** 20).toFixed(0)} MB`;
    throw new UsageError(
      `${spec.name}: the GPU (${description}) ran out of memory allocating the run's buffers (state ${
        mb(4 * plan.stateSize)
      }, temporaries ${mb(4 * plan.tempSize)}, data ${mb(data.values.byteLength)}): ${oom.message}`,
      1,
    );
  }
  // a lost device (a driver reset, a GPU removed) ends the run with where to resume from
  let lost: GPUDeviceLostInfo | undefined;
  device.lost.then((info) => (lost = info));
  // fault injection for the tests: lose the device after this step, as a driver reset would
  const loseAt = Number(Deno.env.get("GAN_FAULT_LOSE_DEVICE_AFTER_STEP") ?? NaN);
  const t0 = performance.now();
  progress.log(`compiling ${[plan.init, ...plan.phases].reduce((s, p) => s + p.kernels.length, 0)} kernels...`);
  const pipelines = await ex.createPipelines();
  progress.log(`${pipelines} pipelines ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  if (resumed) {
    checkTensors(plan, resumed, o.resume!);
    await ex.writeParams(resumed.tensors);
    progress.log(`resumed from ${o.resume} at step ${start}`);
  } else {
    ex.init(seed, featureMeans(data.values, data.n));
  }

  let stop = false;
  const onSigint = () => (stop = true);
  Deno.addSignalListener("SIGINT", onSigint);
  const z = fixedNoise(spec, seed, GRID);
  const metricsFile = await Deno.open(join(runDir, "metrics.jsonl"), { append: true, create: true });
  const enc = new TextEncoder();
  const t = spec.train;
  let lastLogTime = performance.now();
  let lastLogStep = start;
  let upload = 0;
  let step = start;
  progress.begin(start);

  const checkpoint = async (s: number) => {
    const tensors = await ex.readParams();
    const path = join(runDir, "checkpoints", `step-${s}.safetensors`);
    await writeFileAtomic(path, encodeCheckpoint(plan, { step: s, seed, spec: text, tensors }));
    await plotCurves(runDir, progress);
    return path;
  };
  const sample = async (s: number) => {
    const x = await ex.sample(z);
    const shape = spec.data.shape.length === 3 ? (spec.data.shape as [number, number, number]) : null;
    if (!shape) return; // 1-D toy data: no image grid (the figures command draws densities)
    await writeFileAtomic(
      join(runDir, "samples", `step-${s}.png`),
      imageGrid(x, GRID, shape, spec.data.range, { scale: 2 }),
    );
  };

  try {
    while ((total === undefined || step < total) && !stop) {
      const counts = ex.step(step, seed);
      if (step + 1 === loseAt) device.destroy();
      upload += counts.uploadBytes;
      step++;
      if (step % t.logEvery === 0 || step === total) {
        const m = await ex.readMetrics();
        const now = performance.now();
        const epoch = batches.epochOf(step - 1);
        const record = {
          step,
          epoch,
          d_loss: m.d_loss,
          g_loss: m.g_loss,
          d_real: m.d_real,
          d_fake: m.d_fake,
          lr: scheduleValue(spec.optimizers.discriminator.lr, step - 1, epoch),
          lr_g: scheduleValue(spec.optimizers.generator.lr, step - 1, epoch),
          ms_per_step: (now - lastLogTime) / (step - lastLogStep),
          dispatches: counts.dispatches,
          upload_bytes: Math.round(upload / (step - lastLogStep)),
          download_bytes: 4 * ex.metricNames.length,
        };
        [lastLogTime, lastLogStep, upload] = [now, step, 0];
        await metricsFile.write(enc.encode(JSON.stringify(record) + "\n"));
        if (lost) {
          progress.done();
          throw lostMessage(lost, step, runDir);
        }
        const bad = Object.entries(m).find(([, v]) => !Number.isFinite(v));
        if (bad) {
          progress.done();
          const last = lastCheckpoint(runDir);
          const tensors = await ex.readParams();
          const first = plan.params.find((p) => tensors.get(p.name)!.some((v) => !Number.isFinite(v)));
          const where = first
            ? `; the first non-finite tensor is ${first.name} (${
              tensors.get(first.name)!.filter((v) => !Number.isFinite(v)).length.toLocaleString("en-US")
            } of ${tensors.get(first.name)!.length.toLocaleString("en-US")} values)`
            : "; every weight is still finite";
          throw new UsageError(
            `${bad[0]} became ${bad[1]} by step ${step}: training diverged${where}; the last good checkpoint is ${
              last ?? "(none yet)"
            }`,
            1,
          );
        }
        if (!Deno.stderr.isTerminal()) progress.log(progress.line(step, m));
        progress.update(step, m);
      } else progress.update(step);
      if (step % t.sampleEvery === 0) await sample(step);
      if (step % t.checkpointEvery === 0) await checkpoint(step);
    }
    progress.done();
    if (step % t.sampleEvery !== 0) await sample(step);
    const path = await checkpoint(step);
    const secs = (performance.now() - t0) / 1000;
    console.error(
      `${stop ? "stopped" : "trained"} at step ${step} (${duration(secs)}, ${
        speed(progress.rate(step))
      }); checkpoint ${path}; run folder ${runDir}`,
    );
    return stop ? 130 : 0;
  } catch (e) {
    // after a device loss every GPU call fails, sometimes before the loss itself is reported: wait a
    // moment for it, and report the loss rather than the call
    if (!(e instanceof UsageError)) {
      const info = lost ??
        await Promise.race([device.lost, new Promise<undefined>((r) => setTimeout(() => r(undefined), 500))]);
      if (info) {
        progress.done();
        throw lostMessage(info, step, runDir);
      }
    }
    throw e;
  } finally {
    Deno.removeSignalListener("SIGINT", onSigint);
    metricsFile.close();
    ex.destroy();
  }
}

/** A fresh run never writes into a folder that holds another run: its metrics and checkpoints stay as they are. */
function refuseUsedFolder(runDir: string): void {
  const used = ["metrics.jsonl", "checkpoints"].filter((f) => {
    try {
      const st = Deno.statSync(join(runDir, f));
      return st.isDirectory ? [...Deno.readDirSync(join(runDir, f))].length > 0 : st.size > 0;
    } catch {
      return false;
    }
  });
  if (used.length) {
    const last = lastCheckpoint(runDir);
    throw new UsageError(
      `${runDir} already holds a run (${used.join(", ")}); give another --out${
        last ? `, or continue it with --resume ${last}` : ""
      }`,
    );
  }
}

/** curves.png beside the metrics, redrawn at each checkpoint; a plotting failure is reported, never fatal. */
async function plotCurves(runDir: string, progress: Progress): Promise<void> {
  try {
    const file = join(runDir, "metrics.jsonl");
    const records = parseMetrics(await Deno.readTextFile(file), file);
    if (records.length < 2) return;
    const svg = curvesSvg(
      records,
      `${basename(runDir)}: to step ${records[records.length - 1].step.toLocaleString("en-US")}`,
    );
    await writeFileAtomic(join(runDir, "curves.png"), await svgToPng(svg));
  } catch (e) {
    progress.log(`warning: curves.png not drawn: ${(e as Error).message}`);
  }
}

function lastCheckpoint(runDir: string): string | undefined {
  return listCheckpoints(runDir).pop()?.path;
}

/** The one message for a lost device: when, why, and where to resume from. */
function lostMessage(info: GPUDeviceLostInfo, step: number, runDir: string): UsageError {
  return new UsageError(
    `the GPU device was lost at step ${step} (${info.reason || "unknown reason"}: ${
      info.message || "no message"
    }); resume from ${lastCheckpoint(runDir) ?? "the start (no checkpoint yet)"}`,
    1,
  );
}

function timestamp(): string {
  const d = new Date();
  const p = (x: number) => String(x).padStart(2, "0");
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${
    p(d.getSeconds())
  }`;
}

export type { Plan };
