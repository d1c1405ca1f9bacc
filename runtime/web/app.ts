// The training page (`gan serve`): the spec's generated trainer.ts, bundled by the server for this
// adapter's tuning-table entry, runs on the browser's WebGPU: the same module `gan train` runs in Deno.
// The server sends the training set; everything else happens here.
/// <reference lib="dom" />
import { targetFor } from "../../compiler/shared.ts";
import { requiredLimits } from "../gpu/device.ts";
import { curvesSvg, type MetricsRecord } from "../plot/curves.ts";
import { decodeIdx } from "../data/idx.ts";
import { LIMIT_TEXT, MAX_FILE_BYTES } from "../data/dataset.ts";
import { gridPixels } from "../io/png.ts";
import { CLASS_COLUMNS, classRows, repeatRows } from "../train/noise.ts";
import type { Trainer, TrainingData } from "../../compiler/shared.ts";
import type { TrainerModule } from "../train/module.ts";

export interface Session {
  name: string;
  examples: number;
  /** How /data.bin holds the examples: bytes (with /levels.f32, what each stands for) or float32 values. */
  format: "bytes" | "float32";
  logEvery: number;
  /** Samples in the grid, from the run's fixed noise batch (as a Deno run draws it). */
  grid: number;
  /** Where the data came from, for the status line. */
  description: string;
  /** `gan summary` of the spec: its layers, loss (with any penalty), optimisers and schedule. */
  summary: string;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = (s: string) => ($("status").textContent = s);

/** What the page exposes to tests and to the console. */
interface PageState {
  step: number;
  metrics: MetricsRecord[];
  running: boolean;
  error?: string;
  adapter?: string;
  train(steps: number): Promise<MetricsRecord[]>;
}

declare global {
  interface Window {
    gan: PageState;
  }
}

async function main() {
  const page: PageState = { step: 0, metrics: [], running: false, train: () => Promise.reject(new Error("not ready")) };
  window.gan = page;
  const fail = (msg: string) => {
    page.error = msg;
    status(msg);
    $("error").textContent = msg;
  };
  if (!("gpu" in navigator) || !navigator.gpu) {
    return fail(
      "This browser has no WebGPU: use a recent Chromium, Chrome or Edge (in Chromium on Linux, start it with --enable-unsafe-webgpu).",
    );
  }
  const adapter = await navigator.gpu.requestAdapter({ powerPreference: "high-performance" });
  if (!adapter) {
    return fail(
      "WebGPU is present but found no adapter: the GPU may be blocklisted; try --enable-unsafe-webgpu, or another browser.",
    );
  }
  const info = (adapter as GPUAdapter & { info?: GPUAdapterInfo }).info;
  const target = targetFor(info);
  page.adapter = `${info?.description || info?.vendor || "unknown adapter"} (${target.name} kernels)`;
  const session: Session = await (await fetch("session.json")).json();
  $("spec").textContent = session.summary;
  status(`compiling ${session.name} for ${page.adapter}...`);
  // the spec's trainer.ts, compiled for this adapter and bundled by the server (a URL built at run time,
  // so the page's own bundler leaves the import to the browser)
  const moduleUrl = new URL(`trainer.js?target=${encodeURIComponent(target.name)}`, location.href).href;
  const M: TrainerModule = await import(moduleUrl);
  const device = await adapter.requestDevice({ requiredLimits: requiredLimits(adapter) });
  device.lost.then((l) => fail(`The GPU device was lost (${l.reason}): ${l.message}. Reload the page to start again.`));
  // a class-conditional spec's grid: one row per class, CLASS_COLUMNS samples each, the same noise per column
  const classes = M.spec.classes;
  const gridN = classes ? classes * CLASS_COLUMNS : session.grid;
  const z = classes ? repeatRows(M.noise(CLASS_COLUMNS), classes) : M.noise(session.grid);
  const zLabels = classes ? classRows(classes) : undefined;
  const raw = await (await fetch("data.bin")).arrayBuffer();
  let data: TrainingData = session.format === "bytes"
    ? { images: new Uint8Array(raw), levels: new Float32Array(await (await fetch("levels.f32")).arrayBuffer()) }
    : { images: new Float32Array(raw) };
  const labels = classes ? new Uint8Array(await (await fetch("labels.u8")).arrayBuffer()) : undefined;
  /** A fresh trainer over a training set (the server's, or an IDX file the user picked), from the initial weights. */
  const fresh = async (set: TrainingData): Promise<Trainer> => {
    status("compiling kernels...");
    // the adapter must offer what the trainer needs: it refuses with the numbers (LimitError)
    const t = await M.createTrainer(device, { ...set, labels });
    page.step = 0;
    page.metrics = [];
    return t;
  };
  let trainer: Trainer;
  try {
    trainer = await fresh(data);
  } catch (e) {
    return fail(`${(e as Error).message.replace("this device", `this adapter (${page.adapter})`)}.`);
  }

  const grid = $<HTMLCanvasElement>("samples");
  const drawSamples = async () => {
    const x = await trainer.sample(z, zLabels);
    drawGrid(grid, x, gridN, M.spec.sampleShape, M.spec.range, classes ? CLASS_COLUMNS : undefined);
  };
  const drawCurves = () => {
    $("curves").innerHTML = page.metrics.length >= 2
      ? curvesSvg(page.metrics, `${session.name}: step ${page.step}`)
      : "";
  };
  let rateStart = performance.now();
  let rateStep = 0;
  const oneLog = async () => {
    const m = await trainer.train(session.logEvery, { logEvery: session.logEvery });
    page.step = trainer.step;
    const record = {
      step: m.step,
      d_loss: m.d_loss,
      g_loss: m.g_loss,
      d_real: m.d_real,
      d_fake: m.d_fake,
      ...(m.penalty !== undefined ? { penalty: m.penalty } : {}),
    };
    page.metrics.push(record);
    const now = performance.now();
    const rate = ((page.step - rateStep) * 1000) / (now - rateStart);
    $("rate").textContent = `${rate.toFixed(1)} steps/s`;
    status(
      `step ${page.step}: D loss ${m.d_loss.toFixed(3)}, G loss ${m.g_loss.toFixed(3)}, D(x) ${
        m.d_real.toFixed(3)
      }, D(G(z)) ${m.d_fake.toFixed(3)}${m.penalty !== undefined ? `, penalty ${m.penalty.toFixed(3)}` : ""}`,
    );
    if (![m.d_loss, m.g_loss, m.d_real, m.d_fake].every(Number.isFinite)) {
      throw new Error(`a loss became non-finite by step ${page.step}: training diverged`);
    }
    return record;
  };
  const loop = async () => {
    rateStart = performance.now();
    rateStep = page.step;
    while (page.running) {
      await oneLog();
      await drawSamples();
      drawCurves();
    }
  };
  page.train = async (steps: number) => {
    const until = page.step + steps;
    while (page.step < until) await oneLog();
    await drawSamples();
    drawCurves();
    return page.metrics;
  };
  $<HTMLButtonElement>("start").onclick = () => {
    if (page.running) return;
    page.running = true;
    loop().catch((e) => fail(String(e?.message ?? e))).finally(() => (page.running = false));
  };
  $<HTMLButtonElement>("pause").onclick = () => (page.running = false);
  $<HTMLButtonElement>("reset").onclick = async () => {
    page.running = false;
    trainer.destroy();
    trainer = await fresh(data);
    await drawSamples();
    drawCurves();
    status("reset to the initial weights");
  };
  $<HTMLButtonElement>("save").onclick = async () => {
    const bytes = await trainer.save();
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([bytes.slice()], { type: "application/octet-stream" }));
    a.download = `${session.name}-step-${trainer.step}.safetensors`;
    a.click();
  };
  $<HTMLInputElement>("load").onchange = async (ev) => {
    const file = (ev.target as HTMLInputElement).files?.[0];
    if (!file) return;
    try {
      page.running = false;
      await trainer.load(new Uint8Array(await file.arrayBuffer()), file.name);
      page.step = trainer.step;
      await drawSamples();
      status(`loaded ${file.name} (step ${trainer.step})`);
    } catch (e) {
      fail(String((e as Error).message ?? e));
    }
  };
  $<HTMLInputElement>("idx").onchange = async (ev) => {
    const file = (ev.target as HTMLInputElement).files?.[0];
    if (!file) return;
    try {
      // a file over the readers' limit is refused before it is read, a gzip bomb once it passes its header
      if (file.size > MAX_FILE_BYTES) {
        throw new Error(
          `${file.name} is ${file.size.toLocaleString()} bytes, over the data limit of ${LIMIT_TEXT.file}`,
        );
      }
      const got = decodeIdx(new Uint8Array(await file.arrayBuffer()), file.name);
      if (got.kind !== "images") throw new Error(`${file.name} holds labels, not images`);
      if (classes) {
        throw new Error(
          `${session.name} is conditioned on ${classes} classes and trains on the server's labelled data: a picked file has no labels`,
        );
      }
      if (got.shape.join("x") !== M.spec.sampleShape.join("x")) {
        throw new Error(
          `${file.name}: its images are ${got.shape.join("x")}, ${session.name} needs ${M.spec.sampleShape.join("x")}`,
        );
      }
      if (got.n < M.spec.batch) {
        throw new Error(`${file.name}: ${got.n} images, fewer than one batch (${M.spec.batch})`);
      }
      page.running = false;
      const [lo, hi] = M.spec.range;
      const scale = (v: Float32Array) => lo === 0 && hi === 1 ? v : v.map((x) => lo + (hi - lo) * x);
      // a file of bytes stays bytes (a quarter of the floats' size), the values they stand for scaled
      const set: TrainingData = got.bytes
        ? { images: got.bytes, levels: scale(got.levels!) }
        : { images: scale(got.values) };
      // the new trainer is made before the old one goes: a set this adapter cannot hold leaves the page
      // with the trainer it had
      const next = await fresh(set);
      trainer.destroy();
      trainer = next;
      data = set;
      await drawSamples();
      drawCurves();
      status(`training on ${file.name} (${got.n.toLocaleString()} images), from the initial weights`);
      // a file refused before this one: its message is no longer the page's state
      page.error = undefined;
      $("error").textContent = "";
    } catch (e) {
      fail(String((e as Error).message ?? e));
    }
  };
  await drawSamples();
  status(`ready: ${session.name} on ${page.adapter}; ${session.description}`);
  $("ready").textContent = "ready";
}

/** A grid of image samples (channel-first, values in `range`) on a canvas, 2x scale. */
function drawGrid(
  canvas: HTMLCanvasElement,
  x: Float32Array,
  n: number,
  shape: readonly number[],
  [lo, hi]: readonly [number, number],
  cols?: number,
) {
  const ctx = canvas.getContext("2d")!;
  if (shape.length !== 3) {
    // 1-D data: a histogram of the samples instead of images
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    const v = Array.from(x);
    const [a, b] = [Math.min(...v), Math.max(...v)];
    const bins = new Array(40).fill(0);
    for (const y of v) bins[Math.min(39, Math.floor(((y - a) / (b - a || 1)) * 40))]++;
    ctx.fillStyle = "#2ca02c";
    const top = Math.max(...bins);
    bins.forEach((c, i) =>
      ctx.fillRect(
        (i * canvas.width) / 40,
        canvas.height * (1 - c / top),
        canvas.width / 40 - 1,
        (canvas.height * c) / top,
      )
    );
    return;
  }
  // the same grid as a run's samples/step-N.png (runtime/io/png.ts), at 2x
  const g = gridPixels(x, n, shape as [number, number, number], [lo, hi], { scale: 2, ...(cols ? { cols } : {}) });
  canvas.width = g.width;
  canvas.height = g.height;
  const img = ctx.createImageData(g.width, g.height);
  for (let p = 0; p < g.width * g.height; p++) {
    for (let ch = 0; ch < 3; ch++) img.data[4 * p + ch] = g.data[p * g.channels + (g.channels === 3 ? ch : 0)];
    img.data[4 * p + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}

main().catch((e) => {
  const msg = String(e?.message ?? e);
  window.gan = { ...(window.gan ?? {}), error: msg } as PageState;
  status(msg);
  document.getElementById("error")!.textContent = msg;
});
