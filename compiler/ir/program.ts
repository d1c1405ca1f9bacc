// The training-step program: what one step of a spec does, as IR. The runtime (and the float64
// reference) runs `init` once, then each step runs `phases` in order; within a phase every value is
// computed from the state before it, then all its updates are applied at once.
import type { Graph, Node, Shape } from "./node.ts";

export type ParamRole =
  | "weight"
  | "bias"
  | "gamma"
  | "beta"
  | "running_mean"
  | "running_var"
  | "velocity"
  | "adam_m"
  | "adam_v"
  | "rms_v"
  /** Spectral normalisation's persistent vector (the left singular vector estimate). */
  | "sn_u"
  | "average";

export interface ParamDecl {
  /** `G.0.weight`, `D.2.bias`, `opt.G.0.weight.velocity`: network, layer index, role. */
  name: string;
  shape: Shape;
  role: ParamRole;
  /** Trainable tensors are updated by their network's optimiser; the rest are state. */
  trainable: boolean;
}

/** The averaged copy of a G tensor (`train { generator_average = ... }`), which sampling reads. */
export const averageName = (param: string) => `avg.${param}`;

export interface Phase {
  /** `joint` (simultaneous), `d0`..`d{k-1}` and `g` (alternating). */
  name: string;
  /** Real batches this phase reads, by input name (`real.0`), each [batch, ...data shape]. */
  realInputs: string[];
  metrics: Record<string, Node>;
  updates: { param: string; value: Node }[];
}

export interface StepProgram {
  name: string;
  graph: Graph;
  params: ParamDecl[];
  /** Runs once before training: every param's first value. May read the input `data_mean`. */
  init: Phase;
  phases: Phase[];
  /** Scalar inputs every phase may read: `step` (from 0) and `epoch` (from 0). */
  batch: number;
  dataShape: Shape;
  latentDim: number;
  /** Classes of a conditional spec: each real row holds an example's values and then its label. */
  classes?: number;
  /** Real examples are flipped left to right at random as they are gathered (`augment = [flip]`). */
  flip?: boolean;
}

/** Random streams: each random op of a spec draws from its own stream (the Philox key's second word). */
export const Streams = {
  latent: 1,
  /** Dropout in layer `layer` of a network, on the real (0) or generated (1) batch. */
  dropout: (net: "G" | "D", layer: number, pass: 0 | 1) => 16 + (net === "G" ? 0 : 1) * 8192 + layer * 2 + pass,
  /** Initialisation of the i-th declared parameter. */
  init: (index: number) => (1 << 20) + index,
  /** The data permutation of each epoch. */
  shuffle: 2,
  /** Toy data sets' examples. */
  toyData: 3,
  /** The interpolation weight of each example of a gradient penalty. */
  penalty: 4,
  /** The classes drawn for generated examples in a conditional spec. */
  labels: 5,
  /** Random horizontal flips of real examples (`augment = [flip]`): draw = the real batch's slot. */
  augment: 6,
} as const;
