// `gan plot RUN [-o FILE.png|FILE.svg]` and `gan figure 1|2|3 SOURCE -o FILE`: the pictures of a run.
import { basename, join } from "node:path";
import { writeFileAtomic } from "../../io/atomic.ts";
import { curvesSvg, parseMetrics } from "../../plot/curves.ts";
import { figure1Svg, runCheckpoints } from "../../plot/figures.ts";
import { figure2Png, figure3Png } from "../../plot/grids.ts";
import { describeCoverage, POINTS, pointsFigureSvg } from "../../plot/points.ts";
import { svgToPng } from "../../plot/render.ts";
import { openCheckpoint } from "../../train/generate.ts";
import { isDir, prepareOutput, readUserFile, UsageError } from "../io.ts";

/** The output's kind is one of `kinds`, and its folder exists (made if need be). */
async function checkOut(out: string, kinds: string[]): Promise<void> {
  const ext = /\.([a-z]+)$/i.exec(out)?.[1]?.toLowerCase();
  if (!ext || !kinds.includes(ext)) {
    throw new UsageError(`-o ${out}: the output must end in ${kinds.map((k) => `.${k}`).join(" or ")}`);
  }
  await prepareOutput("-o", out);
}

async function writeChart(out: string, svg: string): Promise<void> {
  await writeFileAtomic(out, out.toLowerCase().endsWith(".svg") ? new TextEncoder().encode(svg) : await svgToPng(svg));
}

/** The loss curves of a run folder (or of a metrics.jsonl file). */
export async function plotCommand(o: { run: string; out?: string }): Promise<number> {
  const file = isDir(o.run) ? join(o.run, "metrics.jsonl") : o.run;
  const out = o.out ?? join(isDir(o.run) ? o.run : ".", "curves.png");
  await checkOut(out, ["png", "svg"]);
  const records = parseMetrics(new TextDecoder().decode(await readUserFile(file)), file);
  if (!records.length) throw new UsageError(`${file}: no metrics logged yet`, 1);
  const name = isDir(o.run) ? basename(o.run.replace(/\/+$/, "")) : basename(file);
  await writeChart(
    out,
    curvesSvg(
      records,
      `${name}: ${records.length} logs to step ${records[records.length - 1].step.toLocaleString("en-US")}`,
    ),
  );
  console.error(`curves of ${records.length} logged steps -> ${out}`);
  return 0;
}

export interface FigureOptions {
  figure: string;
  source: string;
  out?: string;
  steps?: string;
  rows?: number;
  cols?: number;
  /** Figure 2: where a folder of images is cached once decoded. */
  cache?: string;
}

/** A checkpoint file, or the last checkpoint of a run folder. */
function checkpointOf(source: string): string {
  if (!isDir(source)) return source;
  const all = runCheckpoints(source);
  if (!all.length) throw new UsageError(`${source}/checkpoints: no step-N.safetensors files yet`);
  return all[all.length - 1].path;
}

export async function figureCommand(o: FigureOptions): Promise<number> {
  if (!["1", "2", "3"].includes(o.figure)) {
    throw new UsageError(`figure ${o.figure}: the paper's figures are 1, 2 and 3`);
  }
  if (!o.out) throw new UsageError("give the output file with -o FILE.png");
  if (o.figure === "1") {
    await checkOut(o.out, ["png", "svg"]);
    if (!isDir(o.source)) {
      throw new UsageError(
        `Figure 1 is drawn from a run folder (its checkpoints over time); ${o.source} is not a folder`,
      );
    }
    const steps = o.steps?.split(",").map((s) => {
      const n = Number(s.trim());
      if (!Number.isInteger(n) || n < 0) {
        throw new UsageError(`--steps ${o.steps}: give whole steps separated by commas, e.g. 0,1000,4000`);
      }
      return n;
    });
    const kind = (await openCheckpoint(checkpointOf(o.source))).spec.data.source.kind;
    if (kind === "ring" || kind === "grid") {
      // 2-D toy data: points instead of densities, and the modes G covers
      const fig = await pointsFigureSvg(o.source, { steps });
      await writeChart(o.out, fig.svg);
      fig.steps.forEach((s, i) => console.log(`step ${s}: ${describeCoverage(fig.coverage[i])}`));
      console.error(`${POINTS} real and generated points at steps ${fig.steps.join(", ")} -> ${o.out}`);
      return 0;
    }
    const fig = await figure1Svg(o.source, { steps });
    await writeChart(o.out, fig.svg);
    console.error(`Figure 1 at steps ${fig.steps.join(", ")} -> ${o.out}`);
    return 0;
  }
  await checkOut(o.out, ["png"]);
  const path = checkpointOf(o.source);
  const c = await openCheckpoint(path);
  const rows = o.rows ?? (o.figure === "2" ? 8 : 10);
  const cols = o.cols ?? (o.figure === "2" ? 8 : 12);
  if (rows * cols > 10_000) throw new UsageError(`--rows ${rows} --cols ${cols}: at most 10000 images`);
  if (o.figure === "2") {
    const { png, distances } = await figure2Png(c, path, { rows, cols, cache: o.cache });
    await writeFileAtomic(o.out, png);
    const mean = distances.reduce((a, b) => a + b, 0) / distances.length;
    console.error(
      `Figure 2: ${rows} x ${cols} samples from step ${c.ckpt.step}, each row's nearest training example framed (mean distance ${
        mean.toFixed(2)
      }) -> ${o.out}`,
    );
  } else {
    await writeFileAtomic(o.out, await figure3Png(c, path, { rows, cols }));
    console.error(`Figure 3: ${rows} interpolations in z of ${cols} steps, from step ${c.ckpt.step} -> ${o.out}`);
  }
  return 0;
}
