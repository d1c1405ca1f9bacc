// The training set of a spec: read, checked against the spec's shape, scaled into its range.
import { type DataSource, isToySource, toyDataset, type TrainingData } from "../../compiler/shared.ts";
import { BUNDLED_SPLIT, loadBundledMnist, splitDataset } from "../data/mnist-bundled.ts";
import { readCifar10 } from "../data/cifar10.ts";
import { asBytes, BYTE_LEVELS, byteDataset, type Dataset } from "../data/dataset.ts";
import { readIdx } from "../data/idx.ts";
import { openImageFolder } from "../data/images.ts";
import { FormatError } from "../io/errors.ts";
export { featureMeans } from "../data/dataset.ts";

export interface TrainingSet {
  n: number;
  /** Each example's class, where the source has labels (the bundled digits, CIFAR-10, IDX with a labels file). */
  labels?: Uint8Array;
  /** Where it came from, for the run's log. */
  description: string;
  /** What a generated trainer takes: bytes with the values they stand for, floats, or a reader of rows. */
  data: TrainingData;
  /** The examples in the spec's range as float32, made on first use (not for a set read from disk). */
  readonly values: Float32Array;
  /** Examples begin..end-1 in the spec's range (read from disk for a set too large to hold). */
  valuesOf(begin: number, end: number): Promise<Float32Array>;
  /** Bytes the examples take in memory (0 when they are read from disk as they are needed). */
  memoryBytes: number;
  /** Closes what the set holds open (an image folder's cache file). */
  close(): void;
}

/** How to read a folder of images: where its decoded cache lives, and what to say while decoding. */
export interface LoadOptions {
  /** The folder for decoded-image caches (default: runs/.gan-cache). */
  cacheDir?: string;
  /** Refuse a folder with an unreadable image instead of skipping it. */
  strict?: boolean;
  progress?: (done: number, total: number) => void;
  /** Notes for the user: skipped files, a cache reused. */
  log?: (line: string) => void;
}

/** Where decoded image folders are cached unless told otherwise. */
export const DEFAULT_CACHE = "runs/.gan-cache";

/** Training sets larger than this are read from an image folder's cache as needed, not held in memory. */
export const IN_MEMORY_BYTES = 128 * 2 ** 20;

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
export async function loadTrainingSet(spec: DataOfSpec, o: LoadOptions = {}): Promise<TrainingSet> {
  const src = spec.source;
  if (isToySource(src)) {
    const t = toyDataset(src, spec.seed);
    const values = Float32Array.from(t.values);
    return {
      n: t.n,
      description: `${t.n} draws from the spec's ${src.kind}`,
      data: { images: values },
      values,
      valuesOf: (b, e) => Promise.resolve(values.subarray(b * (t.values.length / t.n), e * (t.values.length / t.n))),
      memoryBytes: values.byteLength,
      close() {},
    };
  }
  if (src.kind === "images") return await loadFolder(spec, src.folder, o);
  const ds = src.kind === "mnist"
    ? splitDataset(await loadBundledMnist(), BUNDLED_SPLIT.train)
    : src.kind === "idx"
    ? await readIdx(src.path, src.labels)
    : await readCifar10(src.path);
  const want = spec.sampleShape.join("x");
  const got = ds.shape.join("x");
  if (want !== got) {
    const where = src.kind === "mnist" ? "the bundled MNIST digits" : src.path;
    throw new FormatError(where, `its examples are ${got}, the spec's data shape is ${want}`);
  }
  const what = src.kind === "mnist"
    ? `the bundled MNIST training split (${ds.n} digits)`
    : `${ds.n} examples from ${src.path}`;
  return fromDataset(ds, spec.range, what);
}

/** A set in memory as the trainer takes it: as bytes where that loses nothing (scaled levels), else floats. */
export function fromDataset(ds: Dataset, range: readonly [number, number], description: string): TrainingSet {
  const b = asBytes(ds);
  let values: Float32Array | undefined;
  const labels = ds.labels ? { labels: ds.labels } : {};
  const data: TrainingData = b
    ? { images: b.bytes!, levels: scaleToRange(b.levels!, range), ...labels }
    : { images: values = scaleToRange(ds.values, range), ...labels };
  return {
    n: ds.n,
    ...labels,
    description,
    data,
    get values() {
      return (values ??= scaleToRange(ds.values, range));
    },
    valuesOf(begin, end) {
      const f = ds.shape[0] * ds.shape[1] * ds.shape[2];
      return Promise.resolve(this.values.subarray(begin * f, end * f));
    },
    memoryBytes: b ? b.bytes!.byteLength : ds.values.byteLength,
    close() {},
  };
}

async function loadFolder(spec: DataOfSpec, folder: string, o: LoadOptions): Promise<TrainingSet> {
  const images = await openImageFolder(folder, spec.sampleShape, {
    cacheDir: o.cacheDir ?? DEFAULT_CACHE,
    strict: o.strict,
    progress: o.progress,
    onSkip: (path, why) => o.log?.(`skipped ${path}: ${why}`),
  });
  const n = images.train;
  const f = spec.sampleShape.reduce((a, b) => a * b, 1);
  const levels = scaleToRange(BYTE_LEVELS, spec.range);
  const labels = images.labels ? { labels: images.labels.subarray(0, n) } : {};
  const what = `${n} images from ${folder} (${images.n - n} more held out${
    images.classes ? `; ${images.classes.length} class${images.classes.length > 1 ? "es" : ""}, one per subfolder` : ""
  }; ${images.reused ? "decoded cache reused" : "decoded into"} ${images.cachePath})`;
  if (n * f <= IN_MEMORY_BYTES) {
    const bytes = await images.readRange(0, n);
    images.close();
    const shape = spec.sampleShape as [number, number, number];
    const ds = byteDataset(bytes, n, shape, images.labels?.subarray(0, n));
    return fromDataset(ds, spec.range, what);
  }
  return {
    n,
    ...labels,
    description: `${what}, read from disk as each step needs them`,
    data: { images: { examples: n, read: (rows, out) => images.readRows(rows, out) }, levels, ...labels },
    get values(): Float32Array {
      throw new FormatError(folder, `${n} images of ${f} values are too many to hold in memory as floats`);
    },
    async valuesOf(begin, end) {
      const bytes = new Uint8Array((end - begin) * f);
      await images.readRows(Uint32Array.from({ length: end - begin }, (_, i) => begin + i), bytes);
      return Float32Array.from(bytes, (b) => levels[b]);
    },
    memoryBytes: 0,
    close: () => images.close(),
  };
}

/** Values in [0, 1] mapped onto the spec's data range (unchanged, not copied, for [0, 1]). */
export function scaleToRange(v: Float32Array, [lo, hi]: readonly [number, number]): Float32Array {
  return lo === 0 && hi === 1 ? v : v.map((x) => lo + (hi - lo) * x);
}
