// What a spec can say, as data: the call shapes of initialisers, priors, data sources, schedules and
// layers. Adding a layer kind starts here (and in shapes.ts).
import type { Activation, DataSource, GeneratorAverage, Init, LayerOp, Prior, Schedule, Shape } from "../../model.ts";
import { describe, formatNumber } from "./values.ts";
import { diag } from "../../diagnostics/diagnostic.ts";
import { type Args, type CallShape, count, listOf, num, positiveInt, type Reader, str, word } from "./readers.ts";

const real = num();
const positive = num({ min: 0, minOpen: true });
const nonNegative = num({ min: 0 });

type Variants<T> = Record<string, { shape: CallShape; build: (a: Args) => T | string }>;
const n = (a: Args, k: string) => a[k] as number;

export const initVariants: Variants<Init> = {
  uniform: {
    shape: { name: "uniform", params: [{ name: "low", read: real }, { name: "high", read: real }] },
    build: (
      a,
    ) => (n(a, "low") < n(a, "high")
      ? { kind: "uniform", low: n(a, "low"), high: n(a, "high") }
      : "`uniform(low, high)` needs low < high"),
  },
  normal: {
    shape: { name: "normal", params: [{ name: "std", read: positive }, { name: "mean", read: real, default: 0 }] },
    build: (a) => ({ kind: "normal", mean: n(a, "mean"), std: n(a, "std") }),
  },
  xavier: {
    shape: {
      name: "xavier",
      params: [{ name: "distribution", read: word(["uniform", "normal"], "distribution"), default: "uniform" }],
    },
    build: (a) => ({ kind: "xavier", distribution: a.distribution as "uniform" | "normal" }),
  },
  he: {
    shape: {
      name: "he",
      params: [{ name: "distribution", read: word(["uniform", "normal"], "distribution"), default: "normal" }],
    },
    build: (a) => ({ kind: "he", distribution: a.distribution as "uniform" | "normal" }),
  },
  constant: {
    shape: { name: "constant", params: [{ name: "value", read: real }] },
    build: (a) => ({ kind: "constant", value: n(a, "value") }),
  },
  zeros: { shape: { name: "zeros", params: [] }, build: () => ({ kind: "constant", value: 0 }) },
  data_logit: {
    shape: {
      name: "data_logit",
      params: [{ name: "clip", read: num({ min: 0, max: 0.5, maxOpen: true }), default: 1e-7 }],
    },
    build: (a) => ({ kind: "data_logit", clip: n(a, "clip") }),
  },
};

export const priorVariants: Variants<Prior> = {
  uniform: {
    shape: { name: "uniform", params: [{ name: "low", read: real }, { name: "high", read: real }] },
    build: (
      a,
    ) => (n(a, "low") < n(a, "high")
      ? { kind: "uniform", low: n(a, "low"), high: n(a, "high") }
      : "`uniform(low, high)` needs low < high"),
  },
  normal: {
    shape: {
      name: "normal",
      params: [{ name: "mean", read: real, default: 0 }, { name: "std", read: positive, default: 1 }],
    },
    build: (a) => ({ kind: "normal", mean: n(a, "mean"), std: n(a, "std") }),
  },
};

const imageShape = listOf(positiveInt, { exact: 3 });

export const sourceVariants: Variants<{ source: DataSource; shape: Shape }> = {
  mnist: { shape: { name: "mnist", params: [] }, build: () => ({ source: { kind: "mnist" }, shape: [1, 28, 28] }) },
  idx: {
    shape: {
      name: "idx",
      params: [
        { name: "path", read: str },
        { name: "shape", read: imageShape, default: [1, 28, 28] },
        { name: "labels", read: str, default: "", namedOnly: true },
      ],
    },
    build: (a) => ({
      source: { kind: "idx", path: a.path as string, ...(a.labels ? { labels: a.labels as string } : {}) },
      shape: a.shape as Shape,
    }),
  },
  cifar10: {
    shape: { name: "cifar10", params: [{ name: "path", read: str }] },
    build: (a) => ({ source: { kind: "cifar10", path: a.path as string }, shape: [3, 32, 32] }),
  },
  images: {
    shape: {
      name: "images",
      params: [{ name: "folder", read: str }, { name: "shape", read: imageShape }],
    },
    build: (a) => {
      const shape = a.shape as Shape;
      if (shape[0] !== 1 && shape[0] !== 3) {
        return `\`images\` makes grey (1 channel) or colour (3 channel) examples, not ${shape[0]} channels`;
      }
      return { source: { kind: "images", folder: a.folder as string }, shape };
    },
  },
  gaussian: {
    shape: {
      name: "gaussian",
      params: [{ name: "mean", read: real, default: 0 }, { name: "std", read: positive, default: 1 }],
    },
    build: (a) => ({ source: { kind: "gaussian", mean: n(a, "mean"), std: n(a, "std") }, shape: [1] }),
  },
  mixture: {
    shape: {
      name: "mixture",
      params: [
        { name: "means", read: listOf(real, { min: 1 }) },
        { name: "stds", read: listOf(positive, { min: 1 }) },
        { name: "weights", read: listOf(positive, { min: 1 }), default: [] },
      ],
    },
    build: (a) => {
      const means = a.means as number[];
      const stds = a.stds as number[];
      const given = a.weights as number[];
      if (stds.length !== means.length) return "`mixture` needs as many stds as means";
      if (given.length && given.length !== means.length) return "`mixture` needs as many weights as means";
      const w = given.length ? given : means.map(() => 1);
      const total = w.reduce((s, x) => s + x, 0);
      return { source: { kind: "mixture", means, stds, weights: w.map((x) => x / total) }, shape: [1] };
    },
  },
  ring: {
    shape: {
      name: "ring",
      params: [
        { name: "modes", read: num({ int: true, min: 1, max: 1000 }), default: 8 },
        { name: "radius", read: positive, default: 2 },
        { name: "std", read: positive, default: 0.02 },
      ],
    },
    build: (a) => ({
      source: { kind: "ring", modes: n(a, "modes"), radius: n(a, "radius"), std: n(a, "std") },
      shape: [2],
    }),
  },
  grid: {
    shape: {
      name: "grid",
      params: [
        { name: "side", read: num({ int: true, min: 1, max: 30 }), default: 5 },
        { name: "spacing", read: positive, default: 2 },
        { name: "std", read: positive, default: 0.05 },
      ],
    },
    build: (a) => ({
      source: { kind: "grid", side: n(a, "side"), spacing: n(a, "spacing"), std: n(a, "std") },
      shape: [2],
    }),
  },
};

/** `end`: how a linear ramp's end is read, when it may go where the value may not (a learning rate decays to 0). */
export const scheduleVariants = (value: typeof real, end: typeof real = value): Variants<Schedule> => ({
  exp_decay: {
    shape: {
      name: "exp_decay",
      params: [
        { name: "start", read: value },
        { name: "rate", read: num({ min: 1 }) },
        { name: "floor", read: nonNegative, default: 0 },
      ],
    },
    build: (a) => ({ kind: "exp_decay", start: n(a, "start"), rate: n(a, "rate"), floor: n(a, "floor") }),
  },
  linear_ramp: {
    shape: {
      name: "linear_ramp",
      params: [
        { name: "start", read: value },
        { name: "end", read: end },
        { name: "from_epoch", read: count },
        { name: "to_epoch", read: count },
      ],
    },
    build: (a) =>
      n(a, "from_epoch") < n(a, "to_epoch")
        ? {
          kind: "linear_ramp",
          start: n(a, "start"),
          end: n(a, "end"),
          fromEpoch: n(a, "from_epoch"),
          toEpoch: n(a, "to_epoch"),
        }
        : "`linear_ramp` needs from_epoch < to_epoch",
  },
});

/** `train { generator_average = ema(decay, from_step) }` or `mean(from_step)` (the same with decay 1). */
export const averageVariants: Variants<GeneratorAverage> = {
  ema: {
    shape: {
      name: "ema",
      params: [
        { name: "decay", read: num({ min: 0, max: 1, minOpen: true }) },
        { name: "from_step", read: count, default: 0 },
      ],
    },
    build: (a) => ({ kind: "ema", decay: n(a, "decay"), fromStep: n(a, "from_step") }),
  },
  mean: {
    shape: { name: "mean", params: [{ name: "from_step", read: count, default: 0 }] },
    build: (a) => ({ kind: "mean", decay: 1, fromStep: n(a, "from_step") }),
  },
};

export function describeAverage(a: GeneratorAverage): string {
  const f = formatNumber;
  const from = a.fromStep > 0 ? ` from step ${f(a.fromStep)}` : "";
  return a.kind === "mean" || a.decay === 1
    ? `running mean of G's weights${from}`
    : `EMA of G's weights, decay ${f(a.decay)}${from}`;
}

export function describeSchedule(s: Schedule): string {
  const f = formatNumber;
  switch (s.kind) {
    case "constant":
      return f(s.value);
    case "exp_decay":
      return `${f(s.start)} / ${f(s.rate)}^t${s.floor > 0 ? ` (floor ${f(s.floor)})` : ""}`;
    case "linear_ramp":
      return `${f(s.start)} -> ${f(s.end)} over epochs ${f(s.fromEpoch)}-${f(s.toEpoch)}`;
  }
}

// Layers. `init`, `bias_init`, `max_norm`, `clip` and `spectral_norm` are named-only so positional
// arguments stay the sizes.
const powerIterations: Reader<number> = (r, v, what) => {
  if (v.kind === "word" && (v.name === "true" || v.name === "false")) return v.name === "true" ? 1 : 0;
  if (v.kind === "num") return num({ int: true, min: 0, max: 100 })(r, v, what);
  if (v.kind === "bad") return undefined;
  return r.report(diag("E201", v.span, what, "`true`, `false` or a number of power iterations", describe(v)));
};
const weighted = [
  {
    name: "init",
    read: "init" as const,
    default: { kind: "xavier", distribution: "uniform" } as Init,
    namedOnly: true,
  },
  { name: "bias_init", read: "init" as const, default: { kind: "constant", value: 0 } as Init, namedOnly: true },
  { name: "max_norm", read: positive, default: 0, namedOnly: true },
  // the original WGAN's constraint: weights and biases clipped to [-clip, clip] after each update
  { name: "clip", read: positive, default: 0, namedOnly: true },
  // power iterations per phase: `true` is 1 (Miyato et al.'s choice), `false` or 0 none
  { name: "spectral_norm", read: powerIterations, default: 0, namedOnly: true },
];

/** `init` readers are filled in by the checker (they need readVariant); the rest are plain readers. */
export type LayerParam = Omit<CallShape["params"][number], "read"> & {
  read: CallShape["params"][number]["read"] | "init";
};
export interface LayerShape {
  params: LayerParam[];
  rest?: CallShape["rest"];
  build: (a: Args) => LayerOp | string;
}

const activation = (a: Activation): LayerShape => ({
  params: [],
  build: () => ({ kind: "activation", activation: a }),
});

export const layerShapes: Record<string, LayerShape> = {
  dense: {
    params: [{ name: "units", read: positiveInt }, ...weighted],
    build: (a) => ({
      kind: "dense",
      units: n(a, "units"),
      init: a.init as Init,
      biasInit: a.bias_init as Init,
      ...constraints(a),
    }),
  },
  maxout: {
    params: [{ name: "units", read: positiveInt }, { name: "pieces", read: num({ int: true, min: 2 }) }, ...weighted],
    build: (a) => ({
      kind: "maxout",
      units: n(a, "units"),
      pieces: n(a, "pieces"),
      init: a.init as Init,
      biasInit: a.bias_init as Init,
      ...constraints(a),
    }),
  },
  conv2d: {
    params: [
      { name: "channels", read: positiveInt },
      { name: "kernel", read: positiveInt },
      { name: "stride", read: positiveInt, default: 1 },
      { name: "padding", read: count, default: 0 },
      ...weighted,
    ],
    build: (a) => conv("conv2d", a),
  },
  conv2d_transpose: {
    params: [
      { name: "channels", read: positiveInt },
      { name: "kernel", read: positiveInt },
      { name: "stride", read: positiveInt, default: 1 },
      { name: "padding", read: count, default: 0 },
      { name: "output_padding", read: count, default: 0, namedOnly: true },
      ...weighted,
    ],
    build: (a) =>
      n(a, "output_padding") < n(a, "stride")
        ? conv("conv2d_transpose", a)
        : "`output_padding` must be smaller than `stride`",
  },
  batchnorm: {
    params: [
      { name: "momentum", read: num({ min: 0, max: 1, minOpen: true, maxOpen: true }), default: 0.9 },
      { name: "eps", read: positive, default: 1e-5 },
      { name: "conditional", read: word(["true", "false"] as const, "flag"), default: "false", namedOnly: true },
    ],
    // the classes come from the data section: the network reader fills them in (-1 until then)
    build: (a) => ({
      kind: "batchnorm",
      momentum: n(a, "momentum"),
      eps: n(a, "eps"),
      ...(a.conditional === "true" ? { classes: -1 } : {}),
    }),
  },
  embedding: {
    params: [
      { name: "classes", read: num({ int: true, min: 2, max: 1000 }) },
      { name: "dim", read: positiveInt },
      { name: "init", read: "init", default: { kind: "normal", mean: 0, std: 1 }, namedOnly: true },
    ],
    build: (a) => ({ kind: "embedding", classes: n(a, "classes"), dim: n(a, "dim"), init: a.init as Init }),
  },
  layernorm: {
    params: [{ name: "eps", read: positive, default: 1e-5 }],
    build: (a) => ({ kind: "layernorm", eps: n(a, "eps") }),
  },
  instancenorm: {
    params: [{ name: "eps", read: positive, default: 1e-5 }],
    build: (a) => ({ kind: "instancenorm", eps: n(a, "eps") }),
  },
  dropout: {
    params: [
      { name: "keep", read: num({ min: 0, max: 1, minOpen: true }) },
      { name: "scale", read: positive, default: 0, namedOnly: true },
    ],
    // The paper's inverted dropout: kept inputs are scaled by 1 / keep unless the spec says otherwise.
    build: (a) => ({ kind: "dropout", keep: n(a, "keep"), scale: n(a, "scale") || 1 / n(a, "keep") }),
  },
  reshape: {
    params: [],
    rest: { name: "shape", read: positiveInt },
    build: (a) => {
      const shape = a.shape as number[];
      return shape.length === 1 || shape.length === 3
        ? { kind: "reshape", shape }
        : "`reshape` takes 1 size (flat) or 3 (channels, height, width)";
    },
  },
  flatten: { params: [], build: () => ({ kind: "flatten" }) },
  upsample: {
    params: [{ name: "factor", read: positiveInt, default: 2 }],
    build: (a) => ({ kind: "upsample", factor: n(a, "factor") }),
  },
  avg_pool: {
    params: [{ name: "size", read: positiveInt, default: 2 }],
    build: (a) => ({ kind: "avg_pool", size: n(a, "size") }),
  },
  relu: activation({ kind: "relu" }),
  leaky_relu: {
    params: [{ name: "alpha", read: num({ min: 0, max: 1, maxOpen: true }), default: 0.2 }],
    build: (a) => ({ kind: "activation", activation: { kind: "leaky_relu", alpha: n(a, "alpha") } }),
  },
  sigmoid: activation({ kind: "sigmoid" }),
  tanh: activation({ kind: "tanh" }),
  linear: activation({ kind: "linear" }),
};

function constraints(a: Args): { maxNorm?: number; clip?: number; spectralNorm?: number } {
  return {
    ...(n(a, "max_norm") > 0 ? { maxNorm: n(a, "max_norm") } : {}),
    ...(n(a, "clip") > 0 ? { clip: n(a, "clip") } : {}),
    ...(n(a, "spectral_norm") > 0 ? { spectralNorm: n(a, "spectral_norm") } : {}),
  };
}

function conv(kind: "conv2d" | "conv2d_transpose", a: Args): LayerOp {
  return {
    kind,
    channels: n(a, "channels"),
    kernel: n(a, "kernel"),
    stride: n(a, "stride"),
    padding: n(a, "padding"),
    outputPadding: kind === "conv2d_transpose" ? n(a, "output_padding") : 0,
    init: a.init as Init,
    biasInit: a.bias_init as Init,
    ...constraints(a),
  };
}
