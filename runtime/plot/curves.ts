// The training curves of a run: D's and G's losses, and D's mean outputs on real and generated batches,
// against the step, from the run's metrics.jsonl.
import { FormatError } from "../io/errors.ts";
import { chart, type Panel, type Series } from "./chart.ts";

export interface MetricsRecord {
  step: number;
  d_loss: number;
  g_loss: number;
  d_real: number;
  d_fake: number;
  /** The penalty on D's input gradient, in runs of specs that have one (part of d_loss). */
  penalty?: number;
}

const FIELDS = ["step", "d_loss", "g_loss", "d_real", "d_fake"] as const;

/**
 * The records of a metrics.jsonl, one per step, in step order. A resumed run appends to the same file, so
 * a step logged twice keeps its last record. A line that is not a record is an error naming the line.
 */
export function parseMetrics(text: string, source: string): MetricsRecord[] {
  const byStep = new Map<number, MetricsRecord>();
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let v: Record<string, unknown>;
    try {
      v = JSON.parse(line);
    } catch {
      // a run killed mid-write leaves at most its last line cut short: that one is skipped, not fatal
      if (i === lines.length - 1 || (i === lines.length - 2 && lines[lines.length - 1] === "")) return;
      throw new FormatError(source, `line ${i + 1} is not JSON`);
    }
    if (typeof v !== "object" || v === null) throw new FormatError(source, `line ${i + 1} is not a metrics record`);
    const rec: Record<string, number> = {};
    for (const f of FIELDS) {
      const x = v[f];
      // JSON has no NaN: a diverged step is logged as null
      if (typeof x !== "number" && x !== null) throw new FormatError(source, `line ${i + 1} has no number \`${f}\``);
      rec[f] = x === null ? NaN : x;
    }
    if (typeof v.penalty === "number" || v.penalty === null) rec.penalty = v.penalty === null ? NaN : v.penalty;
    byStep.set(rec.step, rec as unknown as MetricsRecord);
  });
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}

/** A centred moving average over `window` points (fewer at the ends); NaN values are left out. */
export function movingAverage(ys: readonly number[], window: number): number[] {
  const h = Math.floor(window / 2);
  return ys.map((_, i) => {
    let sum = 0;
    let n = 0;
    for (let j = Math.max(0, i - h); j <= Math.min(ys.length - 1, i + h); j++) {
      if (Number.isFinite(ys[j])) [sum, n] = [sum + ys[j], n + 1];
    }
    return n ? sum / n : NaN;
  });
}

const COLORS = { d: "#1f77b4", g: "#d62728", real: "#2ca02c", fake: "#ff7f0e", penalty: "#9467bd" };
const FAINT = { d: "#a9c8e0", g: "#eeaaaa", real: "#a8d8a8", fake: "#ffcc99", penalty: "#d4c4e6" };

/**
 * Two panels as SVG: losses, and D(x) / D(G(z)) with the 1/2 of the game's equilibrium. Each logged value
 * is a single minibatch's, so with many points a moving average is drawn over the faint raw line.
 */
export function curvesSvg(records: readonly MetricsRecord[], title: string): string {
  const xs = records.map((r) => r.step);
  const window = records.length >= 60 ? Math.max(3, Math.round(records.length / 40) | 1) : 1;
  const lines = (key: keyof typeof COLORS, field: keyof MetricsRecord, label: string): Series[] => {
    const ys = records.map((r) => r[field] ?? NaN);
    if (window === 1) return [{ label, xs, ys, color: COLORS[key] }];
    return [
      { label: "", xs, ys, color: FAINT[key], width: 1 },
      { label: `${label} (mean of ${window} logs)`, xs, ys: movingAverage(ys, window), color: COLORS[key], width: 2 },
    ];
  };
  const last = xs.length ? xs[xs.length - 1] : 1;
  const x = { label: "step", range: [xs.length ? xs[0] : 0, last] as [number, number] };
  if (x.range[0] === x.range[1]) x.range = [0, Math.max(1, last)];
  // probabilities (binary cross-entropy) on [0, 1] around the equilibrium's 1/2; a critic's plain scores
  // (Wasserstein, hinge, least squares) on their own range
  const probabilities = records.every((r) =>
    [r.d_real, r.d_fake].every((v) => v === null || v === undefined || !Number.isFinite(v) || (v >= 0 && v <= 1))
  );
  const panels: Panel[] = [
    {
      title: "Losses",
      x,
      y: { label: "loss" },
      series: [
        ...lines("d", "d_loss", "D loss"),
        ...lines("g", "g_loss", "G loss"),
        ...(records.some((r) => r.penalty !== undefined) ? lines("penalty", "penalty", "penalty (in D loss)") : []),
      ],
    },
    {
      title: "Discriminator outputs",
      x,
      y: probabilities ? { label: "mean D output", range: [0, 1] } : { label: "mean D score" },
      series: [
        ...(probabilities ? [{ label: "", xs: x.range, ys: [0.5, 0.5], color: "#999", dash: "4 4", width: 1 }] : []),
        ...lines("real", "d_real", "D(x)"),
        ...lines("fake", "d_fake", "D(G(z))"),
      ],
    },
  ];
  return chart(panels, { title, cols: 2, panelWidth: 520, panelHeight: 340 });
}
