// Figures 2 and 3: sample grids from a checkpoint's generator (GPU), as PNG.
import { UsageError } from "../cli/io.ts";
import { acquireDevice } from "../gpu/device.ts";
import { imageGrid } from "../io/png.ts";
import { dataOfSpec, loadTrainingSet } from "../train/data.ts";
import { generate, type OpenCheckpoint } from "../train/generate.ts";
import { latentNoise } from "../train/noise.ts";
import { FIGURE2_STREAM, FIGURE3_STREAM, interpolations, nearest } from "./figures.ts";

const YELLOW = [255, 210, 0] as const;
const SCALE = 2;

export interface GridFigureOptions {
  rows: number;
  cols: number;
  /** Figure 2: where a folder of images is cached once decoded. */
  cache?: string;
}

function imageShape(c: OpenCheckpoint, figure: number): [number, number, number] {
  const s = c.spec.data.shape;
  if (s.length !== 3) {
    throw new UsageError(
      `Figure ${figure} draws images; ${c.spec.name}'s examples are ${s.join("x")} (Figure 1 is for 1-D data)`,
    );
  }
  return s as [number, number, number];
}

/**
 * Figure 2: `rows` rows of `cols` samples, the first draws of the figure's own noise stream (fair, not
 * picked), each row ending with the training example nearest to its last sample, framed in yellow.
 */
export async function figure2Png(
  c: OpenCheckpoint,
  source: string,
  o: GridFigureOptions,
): Promise<{ png: Uint8Array; distances: number[] }> {
  const shape = imageShape(c, 2);
  const f = shape[0] * shape[1] * shape[2];
  const data = await loadTrainingSet(dataOfSpec(c.spec), {
    cacheDir: o.cache,
    log: (line) => console.error(`gan: ${line}`),
  });
  const { device, target } = await acquireDevice();
  const x = await generate(
    device,
    target,
    c,
    source,
    latentNoise(c.spec, c.ckpt.seed, o.rows * o.cols, FIGURE2_STREAM),
  );
  const w = o.cols + 1;
  const out = new Float32Array(o.rows * w * f);
  const frames = new Map<number, readonly [number, number, number]>();
  const distances: number[] = [];
  const lasts = Array.from({ length: o.rows }, (_, r) => x.subarray(((r + 1) * o.cols - 1) * f, (r + 1) * o.cols * f));
  // the training set a chunk at a time: a set on disk is read once, never held whole
  const best = lasts.map(() => ({ d: Infinity, twin: new Float32Array(f) }));
  const CHUNK = 4096;
  for (let s = 0; s < data.n; s += CHUNK) {
    const m = Math.min(CHUNK, data.n - s);
    const chunk = await data.valuesOf(s, s + m);
    lasts.forEach((last, r) => {
      const i = nearest(chunk, m, last);
      const twin = chunk.subarray(i * f, (i + 1) * f);
      const d = twin.reduce((acc, v, j) => acc + (v - last[j]) ** 2, 0);
      if (d < best[r].d) best[r] = { d, twin: twin.slice() };
    });
  }
  data.close();
  for (let r = 0; r < o.rows; r++) {
    out.set(x.subarray(r * o.cols * f, (r + 1) * o.cols * f), r * w * f);
    out.set(best[r].twin, (r * w + o.cols) * f);
    frames.set(r * w + o.cols, YELLOW);
    distances.push(Math.sqrt(best[r].d));
  }
  const png = imageGrid(out, o.rows * w, shape, c.spec.data.range, { cols: w, pad: 3, scale: SCALE, frames });
  return { png, distances };
}

/** Figure 3: `rows` straight lines in z, each from one prior draw to another, sampled at `cols` points. */
export async function figure3Png(c: OpenCheckpoint, source: string, o: GridFigureOptions): Promise<Uint8Array> {
  const shape = imageShape(c, 3);
  const dim = c.spec.latent.dim;
  const ends = latentNoise(c.spec, c.ckpt.seed, 2 * o.rows, FIGURE3_STREAM);
  const { device, target } = await acquireDevice();
  const x = await generate(device, target, c, source, interpolations(ends, dim, o.rows, o.cols));
  return imageGrid(x, o.rows * o.cols, shape, c.spec.data.range, { cols: o.cols, pad: 2, scale: SCALE });
}
