// The paper's figures, drawn from a run:
// - Figure 1: a 1-D GAN at several points of training: the data density, G's density and D(x) over the
//   line, and below them how G maps an even grid of z onto x. Computed with the float64 interpreter
//   from the run's checkpoints (the networks are small), so it needs no GPU.
// - Figure 2: fair random samples (the first draws of their own noise stream, not picked), each row
//   followed by the training example nearest to its last sample, framed in yellow: a sample that merely
//   copied a training digit would sit beside its twin.
// - Figure 3: rows of samples along straight lines in z between two random latent vectors.
import { join } from "node:path";
import type { Model as M } from "../../compiler/index.ts";
import { toyDataset } from "../../compiler/index.ts";
import { evaluate } from "../../compiler/index.ts";
import { lowerDiscriminator, lowerSampler } from "../../compiler/index.ts";
import { isDir, UsageError } from "../cli/io.ts";
import { listCheckpoints } from "../train/checkpoint.ts";
import { featureMeans } from "../train/data.ts";
import { type OpenCheckpoint, openCheckpoint } from "../train/generate.ts";
import { latentNoise } from "../train/noise.ts";
import { chart, dataRange, type Panel } from "./chart.ts";

/** Random streams of the figures' latent vectors, apart from the sample grid's (4) and evaluation's (6). */
export const FIGURE2_STREAM = 7;
export const FIGURE3_STREAM = 8;

/** The checkpoints of a run folder, by step; a path that is not a run folder is the user's mistake. */
export function runCheckpoints(runDir: string): { step: number; path: string }[] {
  if (!isDir(join(runDir, "checkpoints"))) {
    throw new UsageError(`${runDir}: no checkpoints/ folder; give a run folder that \`gan train\` wrote`);
  }
  return listCheckpoints(runDir);
}

/** Up to `count` of the given steps, evenly spread, always the first and the last. */
export function spreadSteps(steps: readonly number[], count: number): number[] {
  if (steps.length <= count) return [...steps];
  const out = new Set<number>();
  for (let i = 0; i < count; i++) out.add(steps[Math.round((i * (steps.length - 1)) / (count - 1))]);
  return [...out];
}

const normalPdf = (x: number, mean: number, std: number) =>
  Math.exp(-0.5 * ((x - mean) / std) ** 2) / (std * Math.sqrt(2 * Math.PI));

/** The exact density of a toy data source. */
export function toyDensity(src: M.DataSource): (x: number) => number {
  if (src.kind === "gaussian") return (x) => normalPdf(x, src.mean, src.std);
  if (src.kind === "mixture") {
    const total = src.weights.reduce((a, b) => a + b, 0);
    return (x) => src.means.reduce((s, m, i) => s + (src.weights[i] / total) * normalPdf(x, m, src.stds[i]), 0);
  }
  throw new Error(`${src.kind} has no closed-form density`);
}

/** A Gaussian kernel density estimate of 1-D samples on a grid; Silverman's bandwidth, with a floor. */
export function kde(samples: Float64Array, grid: readonly number[], floor: number): number[] {
  const n = samples.length;
  const sorted = Float64Array.from(samples).sort();
  const mean = sorted.reduce((a, b) => a + b, 0) / n;
  const std = Math.sqrt(sorted.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, n - 1));
  const iqr = sorted[Math.floor(0.75 * (n - 1))] - sorted[Math.floor(0.25 * (n - 1))];
  const spread = Math.min(std, iqr / 1.34) || std;
  const h = Math.max(floor, 0.9 * spread * n ** -0.2);
  const k = 1 / (n * h * Math.sqrt(2 * Math.PI));
  return grid.map((x) => {
    // only samples within 5 bandwidths matter: binary search the sorted samples
    let lo = lowerBound(sorted, x - 5 * h);
    let s = 0;
    for (; lo < n && sorted[lo] <= x + 5 * h; lo++) s += Math.exp(-0.5 * ((x - sorted[lo]) / h) ** 2);
    return s * k;
  });
}

function lowerBound(a: Float64Array, v: number): number {
  let [lo, hi] = [0, a.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Snapshot {
  step: number;
  params: Map<string, Float64Array>;
}

/** G(z) of one snapshot on the float64 interpreter (z: n x latent dim values). */
export function gOf(spec: M.CheckedSpec, s: Snapshot, seed: number, z: Float32Array): Float64Array {
  const g = lowerSampler(spec, z.length / spec.latent.dim);
  return evaluate([g.output], { params: s.params, inputs: new Map([["z", Float64Array.from(z)]]), seed, step: s.step })
    .get(g.output)!;
}

/** D(x) of one snapshot on the float64 interpreter, in inference mode (no dropout). */
function dOf(spec: M.CheckedSpec, s: Snapshot, seed: number, x: readonly number[]): Float64Array {
  const d = lowerDiscriminator(spec, x.length);
  return evaluate([d.output], { params: s.params, inputs: new Map([["x", Float64Array.from(x)]]), seed, step: s.step })
    .get(d.output)!;
}

export interface Figure1Options {
  /** Steps to draw (0 is the initialisation); default: step 0 and up to 4 checkpoints, evenly spread. */
  steps?: number[];
}

/** The networks of a run at some of its steps (step 0: the initialisation, recomputed from the seed). */
export interface Snapshots {
  spec: M.CheckedSpec;
  seed: number;
  steps: number[];
  snapshots: Snapshot[];
}

/**
 * Opens a run folder's checkpoints at `steps` (default: `count` of them evenly spread, with step 0);
 * `check` sees the spec first, to refuse a run the figure cannot draw before the rest is read.
 */
export async function openSnapshots(
  runDir: string,
  steps: number[] | undefined,
  count: number,
  check: (spec: M.CheckedSpec) => void,
): Promise<Snapshots> {
  const all = runCheckpoints(runDir);
  if (!all.length) throw new UsageError(`${runDir}/checkpoints: no step-N.safetensors files yet`);
  const last = await openCheckpoint(all[all.length - 1].path);
  const { spec, program } = last;
  check(spec);
  const seed = last.ckpt.seed;
  const available = [0, ...all.map((c) => c.step)];
  const chosen = steps ?? spreadSteps(available, count);
  const missing = chosen.filter((s) => !available.includes(s));
  if (missing.length) {
    throw new UsageError(`${runDir}: no checkpoint for step ${missing.join(", ")}; it has ${available.join(", ")}`);
  }
  const toy = toyDataset(spec.data.source, spec.train.seed);
  const snapshots: Snapshot[] = [];
  for (const step of chosen) {
    if (step === 0) {
      // the initialisation, exactly as the run drew it (same seed, same Philox streams)
      const values = evaluate(program.init.updates.map((u) => u.value), {
        params: new Map(),
        inputs: new Map([["data_mean", Float64Array.from(featureMeans(Float32Array.from(toy.values), toy.n))]]),
        seed,
        step: 0,
      });
      snapshots.push({ step, params: new Map(program.init.updates.map((u) => [u.param, values.get(u.value)!])) });
    } else {
      const c: OpenCheckpoint = step === last.ckpt.step
        ? last
        : await openCheckpoint(all.find((a) => a.step === step)!.path);
      snapshots.push({ step, params: new Map([...c.ckpt.tensors].map(([k, v]) => [k, Float64Array.from(v)])) });
    }
  }
  return { spec, seed, steps: chosen, snapshots };
}

/** Figure 1 as SVG, from a run folder of a spec with 1-D toy data. */
export async function figure1Svg(runDir: string, o: Figure1Options = {}): Promise<{ svg: string; steps: number[] }> {
  const { spec, seed, steps, snapshots } = await openSnapshots(runDir, o.steps, 5, (spec) => {
    const src = spec.data.source;
    if (spec.data.shape.length !== 1 || (src.kind !== "gaussian" && src.kind !== "mixture")) {
      throw new UsageError(
        `Figure 1 draws toy data (gaussian, mixture, ring or grid); ${spec.name}'s data is ${src.kind}, ${
          spec.data.shape.join("x")
        }`,
      );
    }
  });
  const src = spec.data.source;
  const toy = toyDataset(src, spec.train.seed);

  // one x range for every panel: the data's bulk and wherever G puts most of its mass
  const pdf = toyDensity(src);
  const z = latentNoise(spec, seed, 20_000, FIGURE2_STREAM);
  const results = snapshots.map((s) => ({ gx: gOf(spec, s, seed, z) }));
  const sorted = Float64Array.from(toy.values).sort();
  let lo = sorted[Math.floor(0.001 * toy.n)];
  let hi = sorted[Math.floor(0.999 * toy.n)];
  for (const r of results) {
    const g = Float64Array.from(r.gx).sort();
    lo = Math.min(lo, g[Math.floor(0.01 * g.length)]);
    hi = Math.max(hi, g[Math.floor(0.99 * g.length)]);
  }
  const pad = (hi - lo) * 0.15 || 1;
  [lo, hi] = [lo - pad, hi + pad];
  const grid = Array.from({ length: 241 }, (_, i) => lo + ((hi - lo) * i) / 240);
  const dataY = grid.map(pdf);
  const peak = Math.max(...dataY);
  const prior = spec.latent.prior;
  const [zlo, zhi] = prior.kind === "uniform"
    ? [prior.low, prior.high]
    : [prior.mean - 3 * prior.std, prior.mean + 3 * prior.std];
  // the z-to-x lines need a 1-D latent space
  const zGrid = spec.latent.dim === 1
    ? Float32Array.from({ length: 25 }, (_, i) => zlo + ((zhi - zlo) * i) / 24)
    : undefined;

  // D(x) is a probability under binary cross-entropy; the other losses' scores get a range of their own
  const dxs = snapshots.map((s) => dOf(spec, s, seed, grid));
  const probability = spec.loss.discriminator === "bce";
  const scores = probability ? [0, 1] as [number, number] : dataRange(dxs.flatMap((d) => Array.from(d)), 0.05);
  const panels: Panel[] = snapshots.map((s, i) => {
    const dx = dxs[i];
    const gDensity = kde(results[i].gx, grid, (hi - lo) / 400);
    const mapped = zGrid && gOf(spec, s, seed, zGrid);
    return {
      title: s.step === 0 ? "step 0 (initialisation)" : `step ${s.step.toLocaleString("en-US")}`,
      x: { label: "x", range: [lo, hi] },
      y: { label: "density", range: [0, peak * 1.6] },
      y2: { label: probability ? "D(x)" : "D(x), a score", range: scores },
      below: zGrid ? 70 : 0,
      series: [
        { label: "data", xs: grid, ys: dataY, color: "#000", dash: "2 3", width: 2 },
        { label: "G", xs: grid, ys: gDensity, color: "#2ca02c", width: 2 },
        { label: "D(x)", xs: grid, ys: Array.from(dx), color: "#1f77b4", dash: "7 4", width: 2, right: true },
        ...(probability
          ? [{ label: "", xs: [lo, hi], ys: [0.5, 0.5], color: "#aaa", dash: "3 3", width: 1, right: true }]
          : []),
      ],
      underlay: zGrid && mapped && ((px, _py, box) => {
        // z on an even grid (bottom line) and where G sends each (top line), as in the paper's figure
        const yx = box.top + box.height + 48;
        const yz = yx + 40;
        const zx = (v: number) => box.left + ((v - zlo) / (zhi - zlo)) * box.width;
        const parts = [
          `<line x1="${box.left}" y1="${yx}" x2="${box.left + box.width}" y2="${yx}" stroke="#333"/>`,
          `<line x1="${box.left}" y1="${yz}" x2="${box.left + box.width}" y2="${yz}" stroke="#333"/>`,
          `<text x="${box.left - 8}" y="${yx + 4}" text-anchor="end">x</text>`,
          `<text x="${box.left - 8}" y="${yz + 4}" text-anchor="end">z</text>`,
        ];
        zGrid.forEach((zv, j) => {
          const xv = Math.min(Math.max(px(mapped[j]), box.left), box.left + box.width);
          parts.push(
            `<line x1="${zx(zv).toFixed(1)}" y1="${yz}" x2="${
              xv.toFixed(1)
            }" y2="${yx}" stroke="#2ca02c" stroke-width="0.8"/>`,
          );
        });
        return parts.join("\n");
      }),
    };
  });
  const title = `Figure 1 (${spec.name}): data density (dotted), G's density (green), D(x) (dashed, right axis)`;
  return { svg: chart(panels, { title, cols: panels.length, panelWidth: 370, panelHeight: 300 }), steps };
}

/** The index of the row of `data` (n x f) nearest to `x` in Euclidean distance. */
export function nearest(data: Float32Array, n: number, x: Float32Array): number {
  const f = x.length;
  let best = -1;
  let bestD = Infinity;
  for (let i = 0; i < n; i++) {
    let d = 0;
    for (let j = 0; j < f && d < bestD; j++) d += (data[i * f + j] - x[j]) ** 2;
    if (d < bestD) [best, bestD] = [i, d];
  }
  return best;
}

/** Figure 3's latent vectors: `rows` lines in z, each from one prior draw to another in `cols` even steps. */
export function interpolations(ends: Float32Array, dim: number, rows: number, cols: number): Float32Array {
  const z = new Float32Array(rows * cols * dim);
  for (let r = 0; r < rows; r++) {
    const a = ends.subarray(2 * r * dim, (2 * r + 1) * dim);
    const b = ends.subarray((2 * r + 1) * dim, (2 * r + 2) * dim);
    for (let c = 0; c < cols; c++) {
      const t = cols === 1 ? 0 : c / (cols - 1);
      for (let k = 0; k < dim; k++) z[(r * cols + c) * dim + k] = a[k] + t * (b[k] - a[k]);
    }
  }
  return z;
}
