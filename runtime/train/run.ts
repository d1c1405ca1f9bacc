// `gan train`: train a spec on WebGPU with its generated trainer (a generated folder's trainer.ts, or the
// spec compiled in memory), and write the run folder that DESIGN.md describes: metrics.jsonl,
// samples/step-N.png from a fixed noise batch, checkpoints/step-N.safetensors (atomic), curves.png
// (redrawn at each checkpoint) and spec.gan. Ctrl-C saves a checkpoint; --resume continues bit for bit.
import { basename, join } from "node:path";
import { checkSource, hasErrors, type LogRecord, SAMPLE_GRID, type Trainer } from "../../compiler/index.ts";
import type { FeedInfo } from "../../compiler/shared.ts";
import { isUserError, naming, osErrorText } from "../io/errors.ts";
import { countLine, isDir, isFile, printDiagnostics, readSpecFile, readUserFile, UsageError } from "../cli/io.ts";
import { acquireDevice } from "../gpu/device.ts";
import { writeFileAtomic } from "../io/atomic.ts";
import { imageGrid } from "../io/png.ts";
import { CLASS_COLUMNS, classRows, repeatRows } from "./noise.ts";
import { decodeCheckpoint, listCheckpoints, refuseNonFinite } from "./checkpoint.ts";
import { loadTrainingSet } from "./data.ts";
import { compileModules, importFolder } from "./module.ts";
import { chooseRunFolder, lockRunFolder, prepareRunFolder, removeStaleTemps } from "./folder.ts";
import { onOrphaned } from "../cli/parent.ts";
import { countBar, duration, Progress, speed } from "./progress.ts";
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
  /** Resume from a checkpoint that holds NaN or infinite values. */
  allowNonfinite?: boolean;
  /** Where a folder of images is cached once decoded (default runs/.gan-cache). */
  cache?: string;
  /** Refuse a folder of images with an unreadable file instead of skipping it. */
  strict?: boolean;
}

/**
 * The spec's text with its data source replaced: IDX (raw or gzipped) for a file, CIFAR-10 for `.bin` or a
 * folder holding data_batch_1.bin, and any other folder as a folder of images in the spec's data shape.
 */
export function withDataFile(text: string, path: string): string {
  if (/["\n\r]/.test(path)) {
    throw new UsageError(`--data ${JSON.stringify(path)}: a path with quotes or line breaks cannot go in a spec`);
  }
  const folder = isDir(path);
  const shape = () => {
    const s = checkSource(text).spec?.data.shape;
    if (!s || s.length !== 3) throw new UsageError(`--data ${path}: a folder of images needs a spec of images`);
    return `[${s.join(", ")}]`;
  };
  const source = /\.bin$/i.test(path) || (folder && isFile(`${path}/data_batch_1.bin`))
    ? `cifar10("${path}")`
    : folder
    ? `images("${path}", shape = ${shape()})`
    : `idx("${path}")`;
  const re = /(\bdata\s*\{[^}]*?\bsource\s*=\s*)([a-z_0-9]+(?:\([^)]*\))?)/;
  if (!re.test(text)) throw new UsageError("--data: the spec has no `source = ...` in its data section to replace");
  return text.replace(re, (_, head) => `${head}${source}`);
}

const GRID = SAMPLE_GRID;

/** How the training data travels, for the run's log. */
export function feedLine(d: FeedInfo): string {
  const mb = (x: number) => `${(x / 1e6).toFixed(1)} MB`;
  return d.streamed
    ? `training data: ${d.examples} examples as ${d.format}, streamed each step into a ${
      mb(d.deviceBytes)
    } window on the GPU`
    : `training data: ${d.examples} examples as ${d.format}, ${mb(d.deviceBytes)} on the GPU`;
}

export async function train(o: TrainOptions): Promise<number> {
  const held: { close(): void }[] = []; // the run folder's lock and the data's files, closed however the run ends
  try {
    return await trainHolding(o, held);
  } finally {
    for (const f of held) f.close();
  }
}

async function trainHolding(o: TrainOptions, held: { close(): void }[]): Promise<number> {
  // The spec: from the file, or from the checkpoint being resumed (which holds the exact text).
  const resumeBytes = o.resume ? await readUserFile(o.resume) : undefined;
  const resumed = resumeBytes ? decodeCheckpoint(resumeBytes, o.resume!) : undefined;
  if (resumed && !o.allowNonfinite) refuseNonFinite(resumed, o.resume!);
  // A generated folder (gan compile's output) trains with its own trainer.ts, without parsing its spec.
  const generatedDir = o.spec && isDir(o.spec) ? o.spec : undefined;
  if (o.data && resumed) {
    throw new UsageError(
      "--data starts a new run on other data; a resumed run keeps the data its checkpoint was trained on",
    );
  }
  if (o.data && generatedDir) {
    throw new UsageError(
      `--data changes the spec's data source: train the .gan file with --data, not the folder ${generatedDir}`,
    );
  }
  const specPath = o.spec ?? o.resume!;
  let text: string | undefined;
  if (!generatedDir) {
    text = o.spec ? (o.data ? withDataFile(readSpecFile(o.spec), o.data) : readSpecFile(o.spec)) : resumed!.spec;
    if (resumed && o.spec && text !== resumed.spec) {
      throw new UsageError(
        `${o.resume} was trained from a different spec than ${o.spec}; resume it without SPEC to use the spec it holds`,
      );
    }
    // the spec's mistakes are reported before any GPU is looked for
    const { diagnostics } = checkSource(text);
    if (hasErrors(diagnostics)) {
      printDiagnostics(specPath, text, diagnostics);
      console.error(`${specPath}${o.data ? ` with --data ${o.data}` : ""}: ${countLine(diagnostics)}; not trained`);
      return 1;
    }
  }
  const { device, description, target } = await acquireDevice();
  // kernels shaped for this adapter (the tuning table), unless a generated folder fixes them
  const { trainer: M } = generatedDir
    ? await importFolder(generatedDir)
    : await compileModules(text!, specPath, o.target ?? target.name);
  text ??= M.specText;
  if (resumed && text !== resumed.spec) {
    throw new UsageError(
      `${o.resume} was trained from a different spec than ${o.spec}; resume it without SPEC to use the spec it holds`,
    );
  }
  const spec = M.spec;
  const seed = resumed?.seed ?? o.seed ?? spec.seed;

  const bar = countBar("decoding images");
  const data = await loadTrainingSet(spec, {
    cacheDir: o.cache,
    strict: o.strict,
    progress: bar.update,
    log: (line) => console.error(`gan: ${line}`),
  }).finally(bar.end);
  held.push(data);
  if (data.n < spec.batch) {
    throw new UsageError(
      `${specPath}: the batch (${spec.batch}) is larger than the training set (${data.n} examples)`,
      1,
    );
  }
  if (spec.classes && data.labels) {
    // said before a run folder is made: the spec's class count and the data's labels disagree
    const top = data.labels.reduce((a, b) => Math.max(a, b), 0);
    if (top >= spec.classes) {
      throw new UsageError(
        `${specPath}: the data's labels go up to ${top}, and the spec has \`classes = ${spec.classes}\` (0 to ${
          spec.classes - 1
        })`,
        1,
      );
    }
  }
  const start = resumed?.step ?? 0;
  const total = o.steps !== undefined ? start + o.steps : M.plannedSteps(data.n);

  const folder = chooseRunFolder({ out: o.out, resume: o.resume, name: spec.name, resumed: !!resumed });
  const runDir = folder.dir;
  await prepareRunFolder(folder, text);
  held.push(await lockRunFolder(runDir));

  const progress = new Progress(total);
  progress.log(`${spec.name}: ${data.description}; ${description} (${M.target} kernels)`);
  if (folder.note) progress.log(folder.note);
  const stale = await removeStaleTemps(runDir);
  if (stale) {
    progress.log(`removed ${stale} unfinished temporary file${stale > 1 ? "s" : ""} of a run killed while writing`);
  }
  // the GPU's memory: every buffer and texture of the run is allocated here, so running out is said here
  const t0 = performance.now();
  progress.log("compiling kernels...");
  device.pushErrorScope("out-of-memory");
  let trainer: Trainer;
  try {
    trainer = await M.createTrainer(device, data.data, { seed });
  } catch (e) {
    await device.popErrorScope();
    if (isUserError(e) && e.name === "LimitError") {
      throw new UsageError(`${e.message.replace("this device", `this adapter (${description})`)}`, 1);
    }
    throw e;
  }
  const oom = await device.popErrorScope();
  if (oom) {
    trainer.destroy();
    const mb = (x: number) => `${(x / 2 ** 20).toFixed(0)} MB`;
    throw new UsageError(
      `${spec.name}: the GPU (${description}) ran out of memory allocating the run's buffers (data ${
        mb(data.memoryBytes)
      }): ${oom.message}`,
      1,
    );
  }
  progress.log(`${trainer.pipelines} pipelines ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  progress.log(feedLine(trainer.data));
  // a lost device (a driver reset, a GPU removed) ends the run with where to resume from
  let lost: GPUDeviceLostInfo | undefined;
  device.lost.then((info) => (lost = info));
  // fault injection for the tests: lose the device after this step, as a driver reset would
  const loseAt = Number(Deno.env.get("GAN_FAULT_LOSE_DEVICE_AFTER_STEP") ?? NaN);

  if (resumed) {
    await trainer.load(resumeBytes!, o.resume!);
    progress.log(`resumed from ${o.resume} at step ${start}`);
  }

  const stop = new AbortController();
  const onSigint = () => stop.abort();
  Deno.addSignalListener("SIGINT", onSigint);
  const forgetOrphan = onOrphaned(onSigint); // the `gan` process is gone: save and stop as for Ctrl-C
  // a conditional spec's grid: one row per class, the same noise in every row's columns
  const classes = M.spec.classes;
  const gridN = classes ? classes * CLASS_COLUMNS : GRID;
  const z = classes ? repeatRows(M.noise(CLASS_COLUMNS, seed), classes) : M.noise(GRID, seed);
  const zLabels = classes ? classRows(classes) : undefined;
  const metricsFile = await Deno.open(join(runDir, "metrics.jsonl"), { append: true, create: true });
  const enc = new TextEncoder();
  let lastLogTime = performance.now();
  let lastLogStep = start;
  progress.begin(start);

  const checkpoint = async (s: number) => {
    const path = join(runDir, "checkpoints", `step-${s}.safetensors`);
    await writeFileAtomic(path, await trainer.save());
    await plotCurves(runDir, progress);
    return path;
  };
  const sample = async (s: number) => {
    const shape = spec.sampleShape.length === 3 ? spec.sampleShape : null;
    if (!shape) return; // 1-D toy data: no image grid (the figures command draws densities)
    const x = await trainer.sample(z, zLabels);
    await writeFileAtomic(
      join(runDir, "samples", `step-${s}.png`),
      imageGrid(x, gridN, shape, spec.range, { scale: 2, ...(classes ? { cols: CLASS_COLUMNS } : {}) }),
    );
  };
  const onLog = async (r: LogRecord) => {
    const now = performance.now();
    const { step, epoch, d_loss, g_loss, d_real, d_fake, lr, lr_g } = r;
    const ms_per_step = (now - lastLogTime) / (step - lastLogStep);
    const record = {
      step,
      epoch,
      d_loss,
      g_loss,
      d_real,
      d_fake,
      ...(r.penalty !== undefined ? { penalty: r.penalty } : {}),
      ...(r.acc_real !== undefined ? { acc_real: r.acc_real, acc_fake: r.acc_fake } : {}),
      lr,
      lr_g,
      ms_per_step,
      dispatches: r.dispatches,
      upload_bytes: r.upload_bytes,
      download_bytes: r.download_bytes,
    };
    [lastLogTime, lastLogStep] = [now, step];
    await metricsFile.write(enc.encode(JSON.stringify(record) + "\n")).catch((e) => {
      throw naming(e, "write", join(runDir, "metrics.jsonl"));
    });
    if (lost) {
      progress.done();
      throw lostMessage(lost, step, runDir);
    }
    const m = { d_loss, g_loss, d_real, d_fake, ...(r.penalty !== undefined ? { penalty: r.penalty } : {}) };
    const bad = Object.entries(m).find(([, v]) => !Number.isFinite(v));
    if (bad) {
      progress.done();
      const last = lastCheckpoint(runDir);
      const tensors = await trainer.tensors();
      const first = M.tensors.find((p) => tensors.get(p.name)!.some((v) => !Number.isFinite(v)));
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
  };

  try {
    const last = await trainer.train((total ?? Infinity) - start, {
      signal: stop.signal,
      onStep: (s) => {
        if (s === loseAt) device.destroy();
        if (s % spec.logEvery !== 0 && s !== total) progress.update(s);
      },
      onLog,
      onSample: sample,
      onCheckpoint: async (s) => void await checkpoint(s),
    });
    const step = last.step;
    progress.done();
    if (step % spec.sampleEvery !== 0) await sample(step);
    const path = await checkpoint(step);
    const secs = (performance.now() - t0) / 1000;
    const stopped = stop.signal.aborted;
    console.error(
      `${stopped ? "stopped" : "trained"} at step ${step} (${duration(secs)}, ${
        speed(progress.rate(step))
      }); checkpoint ${path}; run folder ${runDir}`,
    );
    return stopped ? 130 : 0;
  } catch (e) {
    // after a device loss every GPU call fails, sometimes before the loss itself is reported: wait a
    // moment for it, and report the loss rather than the call
    // a write that failed (a full disk, a folder made read-only): nothing written is lost, and the
    // message says where to go on from
    const os = osErrorText(e);
    if (os !== undefined) {
      progress.done();
      throw new UsageError(
        `${os}; training stopped at step ${trainer.step}; resume from ${
          lastCheckpoint(runDir) ?? "the start (no checkpoint yet)"
        }`,
        1,
      );
    }
    if (!(e instanceof UsageError)) {
      const info = lost ??
        await Promise.race([device.lost, new Promise<undefined>((r) => setTimeout(() => r(undefined), 500))]);
      if (info) {
        progress.done();
        throw lostMessage(info, trainer.step, runDir);
      }
    }
    throw e;
  } finally {
    Deno.removeSignalListener("SIGINT", onSigint);
    forgetOrphan();
    metricsFile.close();
    trainer.destroy();
  }
}

/** curves.png beside the metrics, redrawn at each checkpoint; a plotting failure is reported, never fatal. */
export async function plotCurves(runDir: string, progress: Pick<Progress, "log">): Promise<void> {
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
