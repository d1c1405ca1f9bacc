// The checked spec: every name resolved, every default filled in, every shape known.
// This is what later phases (lowering to the IR, the summary, diff) read; they never see the AST.
import type { Span } from "./diagnostics/diagnostic.ts";

/** Per-example shape: [features] for flat tensors, [channels, height, width] for images. */
export type Shape = number[];

/** Where the training data comes from (the generated modules' `spec.source` has the same type). */
export type { DataSource } from "./support/api.ts";
import type { DataSource } from "./support/api.ts";

export interface DataSpec {
  source: DataSource;
  shape: Shape;
  /** Values are scaled into this range: [0, 1] as in the paper, [-1, 1] for tanh generators. */
  range: [number, number];
  /** Class labels come with the data (`classes = 10`): the spec may condition G and D on them. */
  classes?: number;
  /** Random changes to each real example as it is read (`augment = [flip]`): horizontal flips. */
  augment?: "flip"[];
  span: Span;
}

export type Prior = { kind: "uniform"; low: number; high: number } | { kind: "normal"; mean: number; std: number };

export interface LatentSpec {
  dim: number;
  prior: Prior;
  span: Span;
}

export type Init =
  | { kind: "uniform"; low: number; high: number }
  | { kind: "normal"; mean: number; std: number }
  | { kind: "xavier"; distribution: "uniform" | "normal" }
  | { kind: "he"; distribution: "uniform" | "normal" }
  | { kind: "constant"; value: number }
  /** The paper's output bias: logit of each feature's mean over the training set, clipped to [clip, 1 - clip]. */
  | { kind: "data_logit"; clip: number };

export type Activation =
  | { kind: "relu" }
  | { kind: "leaky_relu"; alpha: number }
  | { kind: "sigmoid" }
  | { kind: "tanh" }
  | { kind: "linear" };

export type LayerOp =
  | { kind: "dense"; units: number; init: Init; biasInit: Init; maxNorm?: number; clip?: number; spectralNorm?: number }
  | {
    kind: "maxout";
    units: number;
    pieces: number;
    init: Init;
    biasInit: Init;
    maxNorm?: number;
    clip?: number;
    spectralNorm?: number;
  }
  | {
    kind: "conv2d" | "conv2d_transpose";
    channels: number;
    kernel: number;
    stride: number;
    padding: number;
    outputPadding: number; // conv2d_transpose only; 0 for conv2d
    init: Init;
    biasInit: Init;
    maxNorm?: number;
    /** Weights and biases clipped to [-clip, clip] after each update (the original WGAN's constraint). */
    clip?: number;
    /**
     * Spectral normalisation (Miyato et al. 2018): the weight divided by its largest singular value,
     * estimated by this many power iterations per training phase from a persistent vector.
     */
    spectralNorm?: number;
  }
  /** `classes` (written `conditional = true`): a gamma and a beta per class, picked by each example's label. */
  | { kind: "batchnorm"; momentum: number; eps: number; classes?: number }
  /** A learned vector per class, picked by each example's label; reads the label, not the value before it. */
  | { kind: "embedding"; classes: number; dim: number; init: Init }
  /** The inner product of two flat values per example: [1] (a projection discriminator's term). */
  | { kind: "dot" }
  /**
   * Per example: layernorm over all its features, instancenorm over each channel's pixels; then a
   * learned scale and shift per channel (per feature for flat inputs). No running statistics.
   */
  | { kind: "layernorm" | "instancenorm"; eps: number }
  | { kind: "dropout"; keep: number; scale: number }
  | { kind: "reshape"; shape: Shape }
  | { kind: "flatten" }
  /** Nearest-neighbour upsampling: each pixel repeated factor x factor times. */
  | { kind: "upsample"; factor: number }
  /** Mean over non-overlapping size x size windows. */
  | { kind: "avg_pool"; size: number }
  /** The sum of its inputs (two or more, of one shape): a residual's output, or `add(a, b)`. */
  | { kind: "add" }
  /** Its inputs stacked along the channels of images, or the features of flat tensors. */
  | { kind: "concat" }
  | ({ kind: "activation" } & { activation: Activation });

export interface Layer {
  /** Position in its network's list of layers, in the order they run, from 0 (dropout streams use it). */
  index: number;
  /**
   * Checkpoint names use it (`G.3.weight`): the layer's position in its body, after the position of each
   * body it is nested in (`G.3.0.weight` in a residual or block at 3, `G.3.shortcut.0.weight` in its
   * shortcut). For a network without nesting, the index.
   */
  path: string;
  /** The layers whose outputs it reads, by index; -1 is the network's input. One, except for add and concat. */
  inputs: number[];
  /** How many residuals, shortcuts and blocks it is nested in. */
  depth: number;
  op: LayerOp;
  inShape: Shape;
  outShape: Shape;
  /** Trainable parameters. */
  params: number;
  /** Per example: a multiply-add counts 2; bias adds, activations, dropout and batchnorm 1 per output element; maxout's max (pieces - 1) per unit. */
  flops: number;
  span: Span;
}

/** A residual, a shortcut or a use of a block: the layers first..last (indices) nested in it. */
export interface Group {
  /** `residual`, `shortcut`, or the block's use as written: `res_up(128)`. */
  label: string;
  path: string;
  depth: number;
  first: number;
  last: number;
  span: Span;
}

export interface Network {
  name: "generator" | "discriminator";
  /** In the order they run: each reads layers before it (a graph in topological order). */
  layers: Layer[];
  groups: Group[];
  /** Values named at the top level, by the index of the layer that computes them (D's `aux`: class logits). */
  values: Record<string, number>;
  inShape: Shape;
  outShape: Shape;
  span: Span;
}

export type GeneratorLoss = "non_saturating" | "minimax" | "wasserstein" | "hinge" | "least_squares" | "relativistic";
export type DiscriminatorLoss = "bce" | "wasserstein" | "hinge" | "least_squares" | "relativistic";

export interface LossSpec {
  generator: GeneratorLoss;
  discriminator: DiscriminatorLoss;
  /** bce: D's loss is scale * [BCE(D(x), 1 - smoothing) + BCE(D(G(z)), 0)]; the original code used 0.5. */
  discriminatorScale: number;
  labelSmoothing: number;
  /** A penalty on the norm of D's input gradient, added to D's loss (none when absent). */
  penalty?: Penalty;
  /**
   * AC-GAN (Odena et al. 2017): D's value `aux` holds class logits; weight x the cross-entropy of the
   * true classes, on the real and the generated batch, is added to D's loss, and on the generated batch to G's.
   */
  auxiliary?: { weight: number };
  span: Span;
}

/**
 * gradient_penalty: weight * mean((|grad_x D(x^)| - target)^2) on x^ = u x + (1 - u) G(z), u ~ U(0, 1) per
 * example (Gulrajani et al. 2017); r1 / r2: gamma / 2 * mean(|grad_x D(x)|^2) on the real / the generated
 * batch (Mescheder et al. 2018).
 */
export type Penalty =
  | { kind: "gradient_penalty"; weight: number; target: number }
  | { kind: "r1"; gamma: number }
  | { kind: "r2"; gamma: number };

export type Schedule =
  | { kind: "constant"; value: number }
  /** value_t = max(start / rate^t, floor), t counting minibatches from 0 (the original code's decay). */
  | { kind: "exp_decay"; start: number; rate: number; floor: number }
  /** start until fromEpoch, then linear to end at toEpoch, then end (the original code's momentum ramp). */
  | { kind: "linear_ramp"; start: number; end: number; fromEpoch: number; toEpoch: number };

export type Optimizer =
  | { kind: "sgd"; lr: Schedule; momentum: Schedule; span: Span }
  | { kind: "adam"; lr: Schedule; beta1: number; beta2: number; eps: number; span: Span }
  /** v <- alpha v + (1 - alpha) g^2; w <- w - lr g / (sqrt(v) + eps), as PyTorch's RMSprop (the WGAN paper's). */
  | { kind: "rmsprop"; lr: Schedule; alpha: number; eps: number; span: Span };

export interface TrainSpec {
  /** Algorithm 1 alternates k D-updates and one G-update; the original MNIST code applied both from one minibatch. */
  schedule: "alternating" | "simultaneous";
  k: number;
  batch: number;
  /** Exactly one of epochs and steps, or neither (train until stopped). */
  epochs?: number;
  steps?: number;
  seed: number;
  logEvery: number;
  sampleEvery: number;
  checkpointEvery: number;
  /**
   * An average of G's trainable tensors kept beside them, which sampling, evaluation and the figures use:
   * a bias-corrected exponential moving average from `fromStep` on (decay 1 is the plain running mean).
   */
  generatorAverage?: GeneratorAverage;
  span: Span;
}

export interface GeneratorAverage {
  /** `mean` is `ema` with decay 1. */
  kind: "ema" | "mean";
  decay: number;
  fromStep: number;
}

export interface CheckedSpec {
  name: string;
  data: DataSpec;
  latent: LatentSpec;
  generator: Network;
  discriminator: Network;
  loss: LossSpec;
  optimizers: { generator: Optimizer; discriminator: Optimizer };
  train: TrainSpec;
  /** Named constants after evaluation, in source order. */
  constants: { name: string; span: Span }[];
}
