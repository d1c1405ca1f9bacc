// `gan sample CKPT [-n N] [--z Z.npy] -o OUT.png|OUT.npy`: samples from a checkpoint's generator, as a
// PNG grid or raw float32 values in NumPy format; latent vectors from a NumPy file if given.
import { prepareOutput, readUserFile, UsageError } from "../cli/io.ts";
import { acquireDevice } from "../gpu/device.ts";
import { writeFileAtomic } from "../io/atomic.ts";
import { decodeNpy, encodeNpy } from "../io/npy.ts";
import { imageGrid } from "../io/png.ts";
import { generate, openCheckpoint, weightsUsed } from "./generate.ts";
import { fixedNoise } from "./noise.ts";

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
}

export async function sampleCommand(o: SampleOptions): Promise<number> {
  if (!/\.(png|npy)$/i.test(o.out)) {
    throw new UsageError(`-o ${o.out}: the output must end in .png (a grid) or .npy (raw float32 samples)`);
  }
  const c = await openCheckpoint(o.checkpoint, { raw: o.raw, allowNonfinite: o.allowNonfinite });
  const { ckpt, spec } = c;
  const dim = spec.latent.dim;
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
    n = o.n ?? 64;
    if (!Number.isInteger(n) || n < 1 || n > 100_000) {
      throw new UsageError(`-n ${o.n}: give a whole number of samples from 1 to 100000`);
    }
    z = fixedNoise(spec, o.seed ?? ckpt.seed, n);
  }
  if (!o.out.toLowerCase().endsWith(".npy") && spec.data.shape.length !== 3) {
    throw new UsageError(`${spec.name} makes 1-D samples: write them with -o FILE.npy`);
  }
  await prepareOutput("-o", o.out);
  const { device, target } = await acquireDevice();
  const x = await generate(device, target, c, o.checkpoint, z);
  if (o.out.toLowerCase().endsWith(".npy")) {
    await writeFileAtomic(o.out, encodeNpy(x, [n, ...spec.data.shape]));
  } else {
    await writeFileAtomic(
      o.out,
      imageGrid(x, n, spec.data.shape as [number, number, number], spec.data.range, { scale: 2 }),
    );
  }
  console.error(`${n} samples from step ${ckpt.step} of ${spec.name} (${weightsUsed(c)}) -> ${o.out}`);
  return 0;
}
