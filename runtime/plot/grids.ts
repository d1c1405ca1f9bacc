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
  const data = await loadTrainingSet(dataOfSpec(c.spec));
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
  for (let r = 0; r < o.rows; r++) {
    out.set(x.subarray(r * o.cols * f, (r + 1) * o.cols * f), r * w * f);
    const last = x.subarray(((r + 1) * o.cols - 1) * f, (r + 1) * o.cols * f);
    const i = nearest(data.values, data.n, last);
    const twin = data.values.subarray(i * f, (i + 1) * f);
    out.set(twin, (r * w + o.cols) * f);
    frames.set(r * w + o.cols, YELLOW);
    distances.push(Math.sqrt(twin.reduce((s, v, j) => s + (v - last[j]) ** 2, 0)));
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
