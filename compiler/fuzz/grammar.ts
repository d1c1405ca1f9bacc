// Grammar-aware fuzzing: whole specs built from the language's sections, layers and options, with values
// drawn from valid ones and from the edges (zero, negative, huge, fractional, wrong type), so most cases
// get past the parser into the checker, shape inference, lowering and planning, where mutations of a
// fixed spec rarely reach. Deterministic for a seed.
import type { FuzzFailure } from "./fuzz.ts";
import { fuzzOne } from "./fuzz.ts";
import { lowerSource } from "../index.ts";
import { planProgram } from "../phases/5-emit/plan.ts";

type R = () => number;
const pick = <T>(xs: readonly T[], r: R): T => xs[Math.floor(r() * xs.length)];
const chance = (p: number, r: R) => r() < p;

const INTS = ["1", "2", "3", "4", "8", "16", "28", "64", "100", "0", "-1", "7", "1e9", "2.5", '"x"', "relu"];
const SMALL = ["1", "2", "3", "4", "5", "0", "-2", "9", "1.5"];
const PROBS = ["0.5", "0.8", "1", "0", "1.2", "-0.1", "0.999"];
const FLOATS = ["1e-3", "2e-4", "0.1", "0", "-1", "1e30", "0.5", "3"];

function layer(r: R, depth = 0): string {
  switch (Math.floor(r() * 18)) {
    case 0:
      return `dense(${pick(INTS, r)}${
        chance(0.2, r) ? `, init = ${pick(["uniform(-0.05, 0.05)", "normal(std = 0.02)", "glorot", "zeros"], r)}` : ""
      })`;
    case 1:
      return `maxout(${pick(INTS, r)}, pieces = ${pick(SMALL, r)})`;
    case 2:
    case 3: {
      const kind = chance(0.5, r) ? "conv2d" : "conv2d_transpose";
      return `${kind}(${pick(INTS, r)}, kernel = ${pick(SMALL, r)}, stride = ${
        pick(["1", "2", "3", "0"], r)
      }, padding = ${pick(["0", "1", "2", "-1"], r)})`;
    }
    case 4:
      return chance(0.8, r) ? "batchnorm" : `batchnorm(momentum = ${pick(PROBS, r)}, eps = ${pick(FLOATS, r)})`;
    case 5:
      return `dropout(keep = ${pick(PROBS, r)})`;
    case 6:
      return `reshape(${
        Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(["1", "4", "7", "28", "64", "0", "-1"], r)).join(
          ", ",
        )
      })`;
    case 7:
      return "flatten";
    case 8:
      return `leaky_relu(${pick(["0.2", "0", "-1", "2"], r)})`;
    // graphs: nested bodies (a few levels at most), named values and joins, resampling, labels
    case 9: {
      if (depth > 2) return "relu";
      const inner = Array.from({ length: Math.floor(r() * 3) }, () => layer(r, depth + 1));
      const shortcut = chance(0.3, r) ? [`shortcut { ${layer(r, depth + 1)} }`] : [];
      return `residual { ${[...inner, ...shortcut].join("\n")} }`;
    }
    case 10:
      return `${pick(["h", "a", "input", "relu"], r)} = ${chance(0.5, r) ? "dense(8)" : "relu"}`;
    case 11:
      return `${pick(["add", "concat", "dot"], r)}(${pick(["h", "a, h", "input", "input, h", "nope", "1"], r)})`;
    case 12:
      return `${pick(["upsample", "avg_pool"], r)}(${pick(SMALL, r)})`;
    case 13:
      return chance(0.5, r)
        ? `embedding(${pick(["10", "2", "0"], r)}, ${pick(INTS, r)})`
        : "batchnorm(conditional = true)";
    default:
      return pick(["relu", "tanh", "sigmoid", "softplus", "gelu"], r);
  }
}

function network(name: string, r: R): string {
  const n = Math.floor(r() * 7);
  const body = Array.from({ length: n }, () => `  ${layer(r)}`);
  return `${name} {\n${body.join("\n")}\n}`;
}

const SOURCES = [
  "mnist",
  "gaussian(mean = 4, std = 0.5)",
  "gaussian(mean = 0, std = 0)",
  "mixture(means = [-2, 2], stds = [0.5, 0.5], weights = [1, 1])",
  'idx("missing.gz")',
  'cifar10("missing.bin")',
  'images("missing/", shape = [1, 28, 28])',
  'images("missing/", shape = [4, 0, 28])',
  "bogus",
  "mnist(1)",
];

function optimizer(label: string, r: R): string {
  const sgd = chance(0.5, r);
  const lines = sgd
    ? [`method = sgd`, `lr = ${pick(FLOATS, r)}`, ...(chance(0.6, r) ? [`momentum = ${pick(PROBS, r)}`] : [])]
    : [`method = adam`, `lr = ${pick(FLOATS, r)}`, ...(chance(0.5, r) ? [`beta1 = ${pick(PROBS, r)}`] : [])];
  if (chance(0.1, r)) lines.push(`lr = exp_decay(0.1, rate = ${pick(["1.000004", "0.9", "0"], r)}, floor = 1e-6)`);
  return `optimizer${label} {\n  ${lines.join("\n  ")}\n}`;
}

const ACTS = ["relu", "tanh", "sigmoid", "leaky_relu(0.2)"];
const WIDTH = ["4", "8", "12", "16", "32"];

/** Networks that fit their data: image data (MNIST) through dense or convolutional stacks, or 1-D data. */
function validNetworks(r: R, image: boolean): [string, string] {
  const mid = () =>
    Array.from(
      { length: Math.floor(r() * 3) },
      () => [
        `dense(${pick(WIDTH, r)})`,
        pick(ACTS, r),
        ...(chance(0.3, r) ? ["batchnorm"] : []),
        ...(chance(0.2, r) ? [`dropout(keep = ${pick(["0.5", "0.8"], r)})`] : []),
      ],
    ).flat();
  if (!image) {
    return [
      [...mid(), "dense(1)"].join("\n  "),
      [...mid(), `maxout(${pick(WIDTH, r)}, pieces = ${pick(["2", "3"], r)})`, "dense(1)", "sigmoid"].join("\n  "),
    ];
  }
  if (chance(0.5, r)) {
    const c = pick(["4", "8", "12"], r);
    const g = [
      `dense(${Number(c) * 49})`,
      `reshape(${c}, 7, 7)`,
      ...(chance(0.5, r) ? ["batchnorm"] : []),
      "relu",
      `conv2d_transpose(${pick(["4", "8", "6"], r)}, kernel = 4, stride = 2, padding = 1)`,
      pick(ACTS, r),
      "conv2d_transpose(1, kernel = 4, stride = 2, padding = 1)",
      pick(["tanh", "sigmoid"], r),
    ];
    const d = [
      `conv2d(${pick(["4", "8", "5"], r)}, kernel = ${pick(["3", "4"], r)}, stride = 2, padding = 1)`,
      "leaky_relu(0.2)",
      ...(chance(0.5, r)
        ? [
          `conv2d(${pick(["4", "8"], r)}, kernel = 3, stride = 1, padding = 1)`,
          ...(chance(0.5, r) ? ["batchnorm"] : []),
          pick(ACTS, r),
        ]
        : []),
      "flatten",
      "dense(1)",
      "sigmoid",
    ];
    return [g.join("\n  "), d.join("\n  ")];
  }
  return [
    [...mid(), "dense(784)", "sigmoid", "reshape(1, 28, 28)"].join("\n  "),
    ["flatten", ...mid(), `maxout(${pick(WIDTH, r)}, pieces = 2)`, "dense(1)", "sigmoid"].join("\n  "),
  ];
}

/** A spec that checks (almost always): valid values only, networks that fit the data. */
function validSpec(r: R): string {
  const image = chance(0.5, r);
  const [g, d] = validNetworks(r, image);
  const source = image
    ? pick(["mnist", 'images("pictures/", shape = [1, 28, 28])'], r)
    : pick(["gaussian(mean = 4, std = 0.5)", "mixture(means = [-2, 2], stds = [0.5, 0.5], weights = [1, 1])"], r);
  return [
    `gan "g"`,
    `data {\n  source = ${source}${image && chance(0.3, r) ? "\n  augment = [flip]" : ""}\n}`,
    `latent {\n  dim = ${pick(["1", "2", "8", "16"], r)}\n  prior = ${
      pick(["uniform(-1, 1)", "normal(mean = 0, std = 1)"], r)
    }\n}`,
    `generator {\n  ${g}\n}`,
    `discriminator {\n  ${d}\n}`,
    `loss {\n  generator = ${pick(["non_saturating", "minimax"], r)}\n  discriminator = bce(scale = ${
      pick(["0.5", "1"], r)
    })\n}`,
    chance(0.5, r)
      ? `optimizer {\n  method = sgd\n  lr = 0.1\n  momentum = 0.5\n}`
      : `optimizer {\n  method = adam\n  lr = 2e-4\n  beta1 = 0.5\n}`,
    `train {\n  ${
      chance(0.5, r) ? "schedule = simultaneous" : `schedule = alternating\n  k = ${pick(["1", "2"], r)}`
    }\n  batch = ${pick(["2", "8", "16"], r)}\n  steps = 10\n  seed = 1\n}`,
  ].join("\n\n") + "\n";
}

/** One random spec: half the time one that should check, half the time one with edge values everywhere. */
export function generateSpec(r: R): string {
  if (chance(0.5, r)) return validSpec(r);
  return edgySpec(r);
}

/** Sections in the usual order (sometimes missing or repeated), values drawn from the edges too. */
function edgySpec(r: R): string {
  const sections = [
    `gan ${pick(['"g"', '""', "g", '"a b"'], r)}`,
    ...(chance(0.3, r) ? [`const w = ${pick(["uniform(-0.1, 0.1)", "normal(std = 0.02)", "3", "w"], r)}`] : []),
    `data {\n  source = ${pick(SOURCES, r)}${
      chance(0.3, r) ? `\n  range = [${pick(["0, 1", "-1, 1", "1, 0", "0"], r)}]` : ""
    }${chance(0.2, r) ? `\n  augment = ${pick(["[flip]", "[]", "[flip, flip]", "[rotate]", "flip"], r)}` : ""}\n}`,
    `latent {\n  dim = ${pick(INTS, r)}\n  prior = ${
      pick(["uniform(-1, 1)", "normal(mean = 0, std = 1)", "uniform(1, -1)", "normal(std = 0)"], r)
    }\n}`,
    network("generator", r),
    network("discriminator", r),
    ...(chance(0.5, r)
      ? [
        `loss {\n  generator = ${
          pick(["non_saturating", "minimax", "wasserstein"], r)
        }\n  discriminator = bce(scale = ${pick(PROBS, r)})\n}`,
      ]
      : []),
    ...(chance(0.7, r) ? [optimizer("", r)] : [optimizer(" generator", r), optimizer(" discriminator", r)]),
    `train {\n  schedule = ${pick(["simultaneous", "alternating", "other"], r)}\n  k = ${pick(SMALL, r)}\n  batch = ${
      pick(["2", "8", "64", "0", "100000"], r)
    }\n  ${pick(["steps", "epochs"], r)} = ${pick(SMALL, r)}\n  seed = ${pick(SMALL, r)}\n}`,
  ];
  if (chance(0.1, r)) sections.splice(1 + Math.floor(r() * (sections.length - 1)), 1);
  if (chance(0.05, r)) sections.push(sections[1 + Math.floor(r() * (sections.length - 1))]);
  return sections.join("\n\n") + "\n";
}

export interface DeepResult {
  failure?: FuzzFailure;
  checked: boolean;
  lowered: boolean;
  planned: boolean;
}

/**
 * One grammar case through the whole compiler: check and format (fuzzOne), then, for a spec that checks,
 * lowering, and planning (fusion and WGSL emission) when `plan` is set. Any exception is a failure.
 */
export function fuzzDeep(text: string, plan: boolean): DeepResult {
  const failure = fuzzOne(text);
  if (failure) return { failure, checked: false, lowered: false, planned: false };
  let lowered;
  try {
    lowered = lowerSource(text);
  } catch (e) {
    return {
      failure: { problem: `lowerSource threw: ${(e as Error).stack ?? e}`, text },
      checked: true,
      lowered: false,
      planned: false,
    };
  }
  if (!lowered.program) return { checked: lowered.spec !== undefined, lowered: false, planned: false };
  if (!plan) return { checked: true, lowered: true, planned: false };
  try {
    planProgram(lowered.program, { target: "software" });
  } catch (e) {
    return {
      failure: { problem: `planProgram threw: ${(e as Error).stack ?? e}`, text },
      checked: true,
      lowered: true,
      planned: false,
    };
  }
  return { checked: true, lowered: true, planned: true };
}
