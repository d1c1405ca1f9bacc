// The float64 reference trainer: runs a StepProgram on the interpreter. Every GPU training step is
// tested against it; it is also a (slow) trainer for small specs.
import type { StepProgram } from "./program.ts";
import { Streams } from "./program.ts";
import { batchPlan, epochPermutation } from "./batches.ts";
import { uniformTensor } from "../support/random.ts";
import { evaluate, type Tensor } from "./interpret.ts";
import { size } from "./node.ts";

export interface Dataset {
  /** n examples, each of `size(dataShape)` values, row after row (and its label after them, when the program has classes). */
  values: Float64Array;
  n: number;
}

export type Metrics = Record<string, number>;

export class ReferenceTrainer {
  readonly state = new Map<string, Tensor>();
  step = 0;
  private readonly plan;
  private readonly features: number;
  private perms = new Map<number, Uint32Array>();

  constructor(readonly program: StepProgram, readonly data: Dataset, readonly seed: number) {
    const values = size(program.dataShape);
    this.features = values + (program.classes ? 1 : 0); // a row: the example, then its label
    this.plan = batchPlan(data.n, program.batch, program.phases.filter((p) => p.realInputs.length).length);
    const mean = new Float64Array(values);
    for (let i = 0; i < data.n; i++) {
      for (let f = 0; f < values; f++) mean[f] += data.values[i * this.features + f] / data.n;
    }
    const first = evaluate(program.init.updates.map((u) => u.value), {
      params: new Map(),
      inputs: new Map([["data_mean", mean]]),
      seed,
      step: 0,
    });
    for (const u of program.init.updates) this.state.set(u.param, Float64Array.from(first.get(u.value)!));
  }

  private batch(j: number): Tensor {
    const { epoch, offset } = this.plan.locate(this.step, j);
    let perm = this.perms.get(epoch);
    if (!perm) {
      perm = epochPermutation(this.seed, Streams.shuffle, epoch, this.data.n);
      this.perms = new Map([[epoch, perm]]);
    }
    const out = new Float64Array(this.program.batch * this.features);
    for (let b = 0; b < this.program.batch; b++) {
      const src = perm[offset + b] * this.features;
      out.set(this.data.values.subarray(src, src + this.features), b * this.features);
    }
    if (this.program.flip) {
      // augment = [flip]: example b of real batch j is mirrored left to right where its uniform is < 0.5
      const u = uniformTensor(
        { seed: this.seed, stream: Streams.augment, step: this.step, draw: j },
        this.program.batch,
      );
      const w = this.program.dataShape.at(-1)!;
      const values = size(this.program.dataShape);
      for (let b = 0; b < this.program.batch; b++) {
        if (!(u[b] < 0.5)) continue;
        for (let r = b * this.features; r < b * this.features + values; r += w) out.subarray(r, r + w).reverse();
      }
    }
    return out;
  }

  /** The real batches the next step reads, one for each phase input in order (what `run` feeds). */
  realBatches(): Tensor[] {
    const n = this.program.phases.reduce((s, p) => s + p.realInputs.length, 0);
    return Array.from({ length: n }, (_, j) => this.batch(j));
  }

  /** One training step: every phase in order. Returns the metrics of all phases (later phases win). */
  run(): Metrics {
    const metrics: Metrics = {};
    let j = 0;
    for (const phase of this.program.phases) {
      const inputs = new Map<string, Tensor>([
        ["step", Float64Array.of(this.step)],
        ["epoch", Float64Array.of(this.plan.epochOf(this.step))],
      ]);
      for (const name of phase.realInputs) inputs.set(name, this.batch(j++));
      const roots = [...Object.values(phase.metrics), ...phase.updates.map((u) => u.value)];
      const values = evaluate(roots, { params: this.state, inputs, seed: this.seed, step: this.step });
      for (const [k, v] of Object.entries(phase.metrics)) metrics[k] = values.get(v)![0];
      for (const u of phase.updates) this.state.set(u.param, values.get(u.value)!);
    }
    this.step++;
    return metrics;
  }
}
