// Training rows as the kernels read them (labels after values), the latent rows of a conditional spec,
// per-feature means and the toy distributions. Copied into each generated folder as support/data.ts.
import { type DataSource, toyModes } from "./api.ts";
import { FormatError } from "./errors.ts";
import { normalTensor, uniformTensor } from "./random.ts";

/** Labels for n rows of a spec with `classes`: one per row, whole numbers from 0 to classes - 1. */
export function checkLabels(
  labels: ArrayLike<number> | undefined,
  n: number,
  classes: number,
  what: string,
): ArrayLike<number> {
  if (!labels) throw new FormatError(what, `the spec is conditioned on ${classes} classes: give one label per row`);
  if (labels.length !== n) throw new FormatError(what, `${labels.length} labels for ${n} rows`);
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0 || y >= classes) {
      throw new FormatError(what, `row ${i}'s label is ${y}, not a class from 0 to ${classes - 1}`);
    }
  }
  return labels;
}

/**
 * Rows of `width` values with each row's class after it ([n, width + 1]), as a conditional spec's kernels
 * read them (training examples, or latent vectors); the values themselves when the spec has no classes.
 * Labels must be whole numbers from 0 to classes - 1, one per row.
 */
export function withLabels(
  values: Float32Array,
  width: number,
  labels: ArrayLike<number> | undefined,
  classes: number,
  what: string,
): Float32Array {
  if (!classes) return values;
  const n = values.length / width;
  checkLabels(labels, n, classes, what);
  const out = new Float32Array(n * (width + 1));
  for (let i = 0; i < n; i++) {
    out.set(values.subarray(i * width, (i + 1) * width), i * (width + 1));
    out[i * (width + 1) + width] = labels![i];
  }
  return out;
}

/** Latent vectors [n, dim] as G's sampler reads them: with each row's class after it in a conditional spec (default: row i, class i mod classes). */
export function latentRows(
  z: Float32Array,
  dim: number,
  labels: ArrayLike<number> | undefined,
  classes: number,
): Float32Array {
  if (!classes || !(z instanceof Float32Array) || z.length % dim !== 0) return z; // inChunks reports a bad z
  const n = z.length / dim;
  return withLabels(z, dim, labels ?? Array.from({ length: n }, (_, i) => i % classes), classes, "sample labels");
}

/** The mean of each feature over n examples (what data-mean initialisers read), summed in float64. */
export function featureMeans(values: Float32Array, n: number): Float32Array {
  const f = values.length / n;
  const acc = new Float64Array(f);
  for (let i = 0; i < n; i++) for (let j = 0; j < f; j++) acc[j] += values[i * f + j];
  return Float32Array.from(acc, (x) => x / n);
}

/** Examples a toy distribution's training set holds. */
export const TOY_EXAMPLES = 10_000;
/** The Philox stream toy training sets are drawn from (compiler/ir/program.ts, Streams.toyData). */
export const TOY_STREAM = 3;

/** A toy distribution's training set: n examples drawn once from the seed, identical everywhere. */
export function toyDataset(source: DataSource, seed: number, n = TOY_EXAMPLES): { values: Float64Array; n: number } {
  const site = { seed, stream: TOY_STREAM, step: 0, draw: 0 };
  const z = normalTensor(site, n);
  if (source.kind === "gaussian") return { values: z.map((x) => source.mean + source.std * x), n };
  if (source.kind === "mixture") {
    const pick = uniformTensor({ ...site, draw: 1 }, n);
    const cdf = source.weights.map((_, i) => source.weights.slice(0, i + 1).reduce((a, b) => a + b, 0));
    return {
      values: z.map((x, i) => {
        const c = Math.max(0, cdf.findIndex((p) => pick[i] < p));
        return source.means[c] + source.stds[c] * x;
      }),
      n,
    };
  }
  if (source.kind === "ring" || source.kind === "grid") {
    // each example: a mode picked uniformly, then its centre plus N(0, std^2) noise in each coordinate
    const modes = toyModes(source);
    const pick = uniformTensor({ ...site, draw: 1 }, n);
    const noise = normalTensor({ ...site, draw: 2 }, 2 * n);
    const values = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const [cx, cy] = modes[Math.min(modes.length - 1, Math.floor(pick[i] * modes.length))];
      values[2 * i] = cx + source.std * noise[2 * i];
      values[2 * i + 1] = cy + source.std * noise[2 * i + 1];
    }
    return { values, n };
  }
  throw new Error(`${source.kind} is not a toy distribution`);
}
