// The training set of a spec: read, checked against the spec's shape, scaled into its range.
import { type DataSource, isToySource, toyDataset } from "../../compiler/shared.ts";
import { BUNDLED_SPLIT, loadBundledMnist, splitDataset } from "../data/mnist-bundled.ts";
import { readCifar10 } from "../data/cifar10.ts";
import { readIdx } from "../data/idx.ts";
import { FormatError } from "../io/errors.ts";
export { featureMeans } from "../data/dataset.ts";

export interface TrainingSet {
  values: Float32Array;
  n: number;
  /** Each example's class, where the source has labels (the bundled digits, CIFAR-10, IDX with a labels file). */
  labels?: Uint8Array;
  /** Where it came from, for the run's log. */
  description: string;
}

/** What reading a spec's data needs to know of it (a generated module's `spec` has it all). */
export interface DataOfSpec {
  source: DataSource;
  sampleShape: readonly number[];
  range: readonly [number, number];
  /** Toy distributions are drawn from the spec's seed. */
  seed: number;
}

/** The same, from a checked spec. */
export const dataOfSpec = (
  spec: { data: { source: DataSource; shape: number[]; range: [number, number] }; train: { seed: number } },
): DataOfSpec => ({
  source: spec.data.source,
  sampleShape: spec.data.shape,
  range: spec.data.range,
  seed: spec.train.seed,
});

/** Reads the spec's data; relative paths are resolved against the current folder, like any command line. */
export async function loadTrainingSet(spec: DataOfSpec): Promise<TrainingSet> {
  const src = spec.source;
  const scaled = (v: Float32Array) => scaleToRange(v, spec.range);
  const resolve = (p: string) => p;
  if (isToySource(src)) {
    const t = toyDataset(src, spec.seed);
    return { values: Float32Array.from(t.values), n: t.n, description: `${t.n} draws from the spec's ${src.kind}` };
  }
  const ds = src.kind === "mnist"
    ? splitDataset(await loadBundledMnist(), BUNDLED_SPLIT.train)
    : src.kind === "idx"
    ? await readIdx(resolve(src.path), src.labels === undefined ? undefined : resolve(src.labels))
    : await readCifar10(resolve(src.path));
  const want = spec.sampleShape.join("x");
  const got = ds.shape.join("x");
  if (want !== got) {
    const where = src.kind === "mnist" ? "the bundled MNIST digits" : resolve(src.path);
    throw new FormatError(where, `its examples are ${got}, the spec's data shape is ${want}`);
  }
  const what = src.kind === "mnist"
    ? `the bundled MNIST training split (${ds.n} digits)`
    : `${ds.n} examples from ${resolve(src.path)}`;
  return { values: scaled(ds.values), n: ds.n, description: what, ...(ds.labels ? { labels: ds.labels } : {}) };
}

/** Values in [0, 1] mapped onto the spec's data range (unchanged, not copied, for [0, 1]). */
export function scaleToRange(v: Float32Array, [lo, hi]: readonly [number, number]): Float32Array {
  return lo === 0 && hi === 1 ? v : v.map((x) => lo + (hi - lo) * x);
}
