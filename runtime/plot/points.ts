// 2-D toy data (`ring`, `grid`): real and generated points over training, and how many of the data's
// modes G covers. The counting follows the WGAN-GP and unrolled-GAN papers' protocol: a generated point
// belongs to the nearest mode when it lies within 3 standard deviations of it; a mode is covered when
// it holds at least 1% of the points.
import type { Model as M } from "../../compiler/index.ts";
import { toyDataset, toyModes } from "../../compiler/shared.ts";
import { UsageError } from "../cli/io.ts";
import { latentNoise } from "../train/noise.ts";
import { chart, type Panel } from "./chart.ts";
import { FIGURE2_STREAM, gOf, openSnapshots } from "./figures.ts";

/** Generated points each panel draws and counts modes over. */
export const POINTS = 2000;

export interface Coverage {
  /** Modes holding at least `minShare` of the points within 3 std. */
  covered: number;
  modes: number;
  /** Share of the points within 3 std of some mode ("high-quality" samples). */
  near: number;
  /** Points within 3 std of each mode. */
  counts: number[];
}

/** Mode coverage of n 2-D points (x0, y0, x1, y1, ...) around `modes`, each a Gaussian of `std`. */
export function modeCoverage(
  points: ArrayLike<number>,
  modes: readonly (readonly [number, number])[],
  std: number,
  minShare = 0.01,
): Coverage {
  const n = points.length / 2;
  const counts = modes.map(() => 0);
  const reach = (3 * std) ** 2;
  for (let i = 0; i < n; i++) {
    const [x, y] = [points[2 * i], points[2 * i + 1]];
    let best = -1;
    let bestD = Infinity;
    modes.forEach(([mx, my], k) => {
      const d = (x - mx) ** 2 + (y - my) ** 2;
      if (d < bestD) [best, bestD] = [k, d];
    });
    if (bestD <= reach) counts[best]++;
  }
  const near = counts.reduce((a, b) => a + b, 0);
  return {
    covered: counts.filter((c) => c >= minShare * n).length,
    modes: modes.length,
    near: n ? near / n : 0,
    counts,
  };
}

export const describeCoverage = (c: Coverage) =>
  `${c.covered} of ${c.modes} modes, ${(100 * c.near).toFixed(1)}% of points within 3 std`;

/**
 * Real points (grey) and G's (green) at several steps of a run of 2-D toy data, the modes marked with
 * their 3-std circles; each panel's title counts the modes covered.
 */
export async function pointsFigureSvg(
  runDir: string,
  o: { steps?: number[] } = {},
): Promise<{ svg: string; steps: number[]; coverage: Coverage[] }> {
  const { spec, seed, steps, snapshots } = await openSnapshots(runDir, o.steps, 4, (spec) => {
    const k = spec.data.source.kind;
    if (k !== "ring" && k !== "grid") {
      throw new UsageError(`${spec.name}'s data is ${k}, not 2-D toy data (ring or grid)`);
    }
  });
  const src = spec.data.source as Extract<M.DataSource, { kind: "ring" | "grid" }>;
  const modes = toyModes(src);
  const real = toyDataset(src, spec.train.seed, POINTS).values;
  const z = latentNoise(spec, seed, POINTS, FIGURE2_STREAM);
  const generated = snapshots.map((s) => gOf(spec, s, seed, z));
  const coverage = generated.map((p) => modeCoverage(p, modes, src.std));

  // one square window for every panel: the modes with a margin, widened to hold most generated points
  const extent = Math.max(...modes.map(([x, y]) => Math.max(Math.abs(x), Math.abs(y))));
  let half = extent * 1.35 + 6 * src.std;
  for (const p of generated) {
    const a = Float64Array.from(p, Math.abs).sort();
    half = Math.max(half, Math.min(a[Math.floor(0.98 * (a.length - 1))] * 1.05, extent * 4 + 1));
  }
  const range: [number, number] = [-half, half];
  const dots = (p: ArrayLike<number>, px: (x: number) => number, py: (y: number) => number, color: string) => {
    const out: string[] = [];
    for (let i = 0; i < p.length / 2; i++) {
      const [x, y] = [p[2 * i], p[2 * i + 1]];
      if (!(Math.abs(x) <= half && Math.abs(y) <= half)) continue;
      out.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="1.3"/>`);
    }
    return `<g fill="${color}" fill-opacity="0.55">${out.join("")}</g>`;
  };
  const panels: Panel[] = snapshots.map((s, i) => ({
    title: `${s.step === 0 ? "step 0 (init)" : `step ${s.step.toLocaleString("en-US")}`}: ${coverage[i].covered}/${
      coverage[i].modes
    } modes, ${(100 * coverage[i].near).toFixed(0)}% near`,
    x: { label: "x1", range },
    y: { label: "x2", range },
    series: [],
    underlay: (px, py) => {
      const r = Math.abs(px(3 * src.std) - px(0));
      const rings = modes.map(([x, y]) =>
        `<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="${r.toFixed(1)}" fill="none" stroke="#d62728"/>`
      );
      return [dots(real, px, py, "#888"), dots(generated[i], px, py, "#2ca02c"), ...rings].join("\n");
    },
  }));
  const title =
    `${spec.name}: ${POINTS} real points (grey) and ${POINTS} from G (green); red circles: 3 std around each mode`;
  return { svg: chart(panels, { title, cols: panels.length, panelWidth: 340, panelHeight: 340 }), steps, coverage };
}
