// The training set of a spec: read, checked against the spec's shape, scaled into its range.
import type * as M from "../../compiler/model.ts";
import { toyDataset } from "../../compiler/data/toy.ts";
import { BUNDLED_SPLIT, loadBundledMnist, splitDataset } from "../data/mnist-bundled.ts";
import { readCifar10 } from "../data/cifar10.ts";
import { readIdx } from "../data/idx.ts";
import { FormatError } from "../io/errors.ts";
export { featureMeans } from "../data/dataset.ts";

export interface TrainingSet {
  values: Float32Array;
  n: number;
  /** Where it came from, for the run's log. */
  description: string;
}

/** Reads the spec's data; relative paths are resolved against the current folder, like any command line. */
export async function loadTrainingSet(spec: M.CheckedSpec): Promise<TrainingSet> {
  const src = spec.data.source;
  const scaled = (v: Float32Array) => scaleToRange(v, spec.data.range);
  const resolve = (p: string) => p;
  if (src.kind === "gaussian" || src.kind === "mixture") {
    const t = toyDataset(src, spec.train.seed);
    return { values: Float32Array.from(t.values), n: t.n, description: `${t.n} draws from the spec's ${src.kind}` };
  }
  const ds = src.kind === "mnist"
    ? splitDataset(await loadBundledMnist(), BUNDLED_SPLIT.train)
    : src.kind === "idx"
    ? await readIdx(resolve(src.path))
    : await readCifar10(resolve(src.path));
  const want = spec.data.shape.join("x");
  const got = ds.shape.join("x");
  if (want !== got) {
    const where = src.kind === "mnist" ? "the bundled MNIST digits" : resolve(src.path);
    throw new FormatError(where, `its examples are ${got}, the spec's data shape is ${want}`);
  }
  const what = src.kind === "mnist"
    ? `the bundled MNIST training split (${ds.n} digits)`
    : `${ds.n} examples from ${resolve(src.path)}`;
  return { values: scaled(ds.values), n: ds.n, description: what };
}

/** Values in [0, 1] mapped onto the spec's data range (unchanged, not copied, for [0, 1]). */
export function scaleToRange(v: Float32Array, [lo, hi]: readonly [number, number]): Float32Array {
  return lo === 0 && hi === 1 ? v : v.map((x) => lo + (hi - lo) * x);
}
