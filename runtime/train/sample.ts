// `gan sample CKPT [-n N] [--z Z.npy] -o OUT.png|OUT.npy`: samples from a checkpoint's generator, as a
// PNG grid or raw float32 values in NumPy format; latent vectors from a NumPy file if given.
import { prepareOutput, readUserFile, UsageError } from "../cli/io.ts";
import { acquireDevice } from "../gpu/device.ts";
import { writeFileAtomic } from "../io/atomic.ts";
import { decodeNpy, encodeNpy } from "../io/npy.ts";
import { imageGrid } from "../io/png.ts";
import { generate, openCheckpoint, weightsUsed } from "./generate.ts";
import { CLASS_COLUMNS, fixedNoise } from "./noise.ts";

export interface SampleOptions {
  checkpoint: string;
  n?: number;
  z?: string;
  out: string;
  seed?: number;
  /** G's trained weights even when the spec keeps an average. */
  raw?: boolean;
  /** Use a checkpoint that holds NaN or infinite values. */
  allowNonfinite?: boolean;
  /** A conditional spec's class for every sample; without it, a grid with one row per class. */
  class?: number;
}

export async function sampleCommand(o: SampleOptions): Promise<number> {
  if (!/\.(png|npy)$/i.test(o.out)) {
    throw new UsageError(`-o ${o.out}: the output must end in .png (a grid) or .npy (raw float32 samples)`);
  }
  const c = await openCheckpoint(o.checkpoint, { raw: o.raw, allowNonfinite: o.allowNonfinite });
  const { ckpt, spec } = c;
  const dim = spec.latent.dim;
  const classes = spec.data.classes ?? 0;
  let z: Float32Array;
  let n: number;
  if (o.z) {
    const arr = decodeNpy(await readUserFile(o.z), o.z);
    const rows = arr.shape.length === 2 ? arr.shape[0] : arr.shape.length === 1 && dim === arr.shape[0] ? 1 : -1;
    if (rows < 1 || arr.shape[arr.shape.length - 1] !== dim) {
      throw new UsageError(`${o.z}: latent vectors must have shape [n, ${dim}], got [${arr.shape.join(", ")}]`);
    }
    n = rows;
    z = Float32Array.from(arr.data);
  } else {
    n = o.n ?? (classes && o.class === undefined ? classes * CLASS_COLUMNS : 64);
    if (!Number.isInteger(n) || n < 1 || n > 100_000) {
      throw new UsageError(`-n ${o.n}: give a whole number of samples from 1 to 100000`);
    }
    z = fixedNoise(spec, o.seed ?? ckpt.seed, n);
  }
  if (o.class !== undefined && !classes) {
    throw new UsageError(`--class ${o.class}: ${spec.name} is not conditioned on classes`);
  }
  if (o.class !== undefined && !(Number.isInteger(o.class) && o.class >= 0 && o.class < classes)) {
    throw new UsageError(`--class ${o.class}: ${spec.name} has classes 0 to ${classes - 1}`);
  }
  // a class for every sample, or rows of CLASS_COLUMNS samples, one class per row
  const labels = !classes
    ? undefined
    : o.class !== undefined
    ? new Array<number>(n).fill(o.class)
    : Array.from({ length: n }, (_, i) => Math.floor(i / CLASS_COLUMNS) % classes);
  if (!o.out.toLowerCase().endsWith(".npy") && spec.data.shape.length !== 3) {
    throw new UsageError(`${spec.name} makes 1-D samples: write them with -o FILE.npy`);
  }
  await prepareOutput("-o", o.out);
  const { device, target } = await acquireDevice();
  const x = await generate(device, target, c, o.checkpoint, z, undefined, labels);
  if (o.out.toLowerCase().endsWith(".npy")) {
    await writeFileAtomic(o.out, encodeNpy(x, [n, ...spec.data.shape]));
  } else {
    await writeFileAtomic(
      o.out,
      imageGrid(x, n, spec.data.shape as [number, number, number], spec.data.range, {
        scale: 2,
        ...(labels && o.class === undefined ? { cols: CLASS_COLUMNS } : {}),
      }),
    );
  }
  const which = !classes ? "" : o.class !== undefined ? `, class ${o.class}` : `, one row per class`;
  console.error(`${n} samples from step ${ckpt.step} of ${spec.name} (${weightsUsed(c)}${which}) -> ${o.out}`);
  return 0;
}
