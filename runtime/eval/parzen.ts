// The paper's Parzen-window log-likelihood (PAPER.md, "Parzen window log-likelihood"): an isotropic
// Gaussian kernel on each of the generator's samples mu_j,
//   log p(x) = logmeanexp_j(-||x - mu_j||^2 / (2 sigma^2)) - d log(sigma sqrt(2 pi)),
// sigma chosen from a grid on a validation set, the mean over a test set reported with its standard error.
//
// On the GPU the squared distances of a batch of points to every sample are one large product,
// ||x||^2 - 2 x . mu + ||mu||^2, written as an IR program and compiled by the same fusion and emitter as a
// spec (texture matmul on software adapters), so every sigma of the grid is scored from one product.
import { Graph, type Node } from "../../compiler/ir/node.ts";
import type { StepProgram } from "../../compiler/ir/program.ts";
import { type Plan, planProgram } from "../../compiler/phases/5-emit/plan.ts";
import type { Target } from "../../compiler/phases/5-emit/targets.ts";
import { GpuExecutor, NO_BATCHES } from "../gpu/executor.ts";

/** The paper's grid: logspace(-1, 0, 10), 0.1 to 1. */
export const SIGMA_GRID: readonly number[] = Array.from({ length: 10 }, (_, i) => 10 ** (-1 + i / 9));

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** Float64 reference: log p(x) of each point under the samples' Parzen window with width sigma. */
export function parzenCpu(
  samples: Float32Array | Float64Array,
  n: number,
  points: Float32Array | Float64Array,
  m: number,
  sigma: number,
): Float64Array {
  const d = samples.length / n;
  const out = new Float64Array(m);
  const a = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    let best = -Infinity;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) {
        const t = points[i * d + k] - samples[j * d + k];
        s += t * t;
      }
      a[j] = -s / (2 * sigma * sigma);
      if (a[j] > best) best = a[j];
    }
    let e = 0;
    for (let j = 0; j < n; j++) e += Math.exp(a[j] - best);
    out[i] = best + Math.log(e / n) - d * (Math.log(sigma) + HALF_LOG_2PI);
  }
  return out;
}

/** Samples per chunk of the product: each chunk's operand texture stays within 8192 rows. */
const CHUNK = 5000;

/**
 * The IR program: points x [batch, d] against samples mu [n, d], one log-likelihood vector per sigma.
 * The samples come in chunks (params mu.0, mu.1, ...); each chunk's log-sum-exp is taken on its own and
 * the chunks are combined exactly (max, then rescaled sums).
 */
function parzenProgram(n: number, d: number, batch: number, sigmas: readonly number[]): StepProgram {
  const g = new Graph();
  const x = g.param("x", [batch, d]);
  const params = [{ name: "x", shape: [batch, d], role: "weight" as const, trainable: false }];
  const xx = g.reshape(g.sum(g.mul(x, x), [1]), [batch, 1]);
  const chunks: Node[] = []; // per chunk: squared distances [batch, size]
  for (let c = 0; c * CHUNK < n; c++) {
    const size = Math.min(CHUNK, n - c * CHUNK);
    const mu = g.param(`mu.${c}`, [size, d]);
    params.push({ name: `mu.${c}`, shape: [size, d], role: "weight" as const, trainable: false });
    const cross = g.matmul(x, g.transpose(mu)); // [batch, size]
    const xsq = g.expand(xx, [batch, size]);
    const musq = g.expand(g.reshape(g.sum(g.mul(mu, mu), [1]), [1, size]), [batch, size]);
    // squared distances, clamped at 0 against float32 cancellation
    chunks.push(g.max(g.add(g.sub(xsq, g.scale(cross, 2)), musq), g.const(0, [batch, size])));
  }
  const updates: { param: string; value: Node }[] = [];
  sigmas.forEach((s, i) => {
    const parts = chunks.map((d2) => {
      const size = d2.shape[1];
      const a = g.scale(d2, -1 / (2 * s * s));
      const top = g.maxr(a, [1]);
      return { top, spread: g.sum(g.exp(g.sub(a, g.expand(g.reshape(top, [batch, 1]), [batch, size]))), [1]) };
    });
    const top = parts.map((p) => p.top).reduce((a, b) => g.max(a, b));
    const spread = parts.map((p) => g.mul(p.spread, g.exp(g.sub(p.top, top)))).reduce((a, b) => g.add(a, b));
    const ll = g.addScalar(g.add(top, g.log(g.scale(spread, 1 / n))), -d * (Math.log(s) + HALF_LOG_2PI));
    params.push({ name: `ll.${i}`, shape: [batch], role: "weight" as const, trainable: false });
    updates.push({ param: `ll.${i}`, value: ll });
  });
  const none = { name: "init", realInputs: [], metrics: {}, updates: [] };
  return {
    name: "parzen",
    graph: g,
    params,
    init: none,
    phases: [{ name: "parzen", realInputs: [], metrics: {}, updates }],
    batch,
    dataShape: [d],
    latentDim: 1,
  };
}

/** Parzen log-likelihoods on the GPU: the samples uploaded once, points scored a batch at a time. */
export class ParzenGpu {
  private readonly ex: GpuExecutor;
  private readonly plan: Plan;
  readonly d: number;

  private constructor(
    device: GPUDevice,
    n: number,
    d: number,
    readonly batch: number,
    readonly sigmas: readonly number[],
    target?: Target | string,
  ) {
    this.d = d;
    this.plan = planProgram(parzenProgram(n, d, batch, sigmas), target ? { target } : {});
    this.ex = new GpuExecutor(device, this.plan, { values: new Float32Array(d), n: 1 }, NO_BATCHES);
  }

  static async create(
    device: GPUDevice,
    samples: Float32Array,
    n: number,
    o: { batch?: number; sigmas?: readonly number[]; target?: Target | string } = {},
  ): Promise<ParzenGpu> {
    const p = new ParzenGpu(device, n, samples.length / n, o.batch ?? 100, o.sigmas ?? SIGMA_GRID, o.target);
    await p.ex.createPipelines();
    const d = samples.length / n;
    const chunks = new Map<string, Float32Array>();
    for (let c = 0; c * CHUNK < n; c++) {
      chunks.set(`mu.${c}`, samples.subarray(c * CHUNK * d, Math.min(n, (c + 1) * CHUNK) * d));
    }
    await p.ex.writeParams(chunks);
    return p;
  }

  /** Per sigma of the grid, every point's log-likelihood (points: m x d values). */
  async logLikelihoods(points: Float32Array, m: number, onBatch?: (done: number) => void): Promise<Float64Array[]> {
    const out = this.sigmas.map(() => new Float64Array(m));
    const x = new Float32Array(this.batch * this.d);
    for (let start = 0; start < m; start += this.batch) {
      const rows = Math.min(this.batch, m - start);
      x.fill(0);
      x.set(points.subarray(start * this.d, (start + rows) * this.d));
      this.ex.writeArena("state", this.at("x"), x);
      this.ex.runKernels(this.plan.phases[0].kernels);
      // the log-likelihood vectors lie one after another (each on a 16-byte boundary): one read for all sigmas
      const first = this.at("ll.0");
      const end = this.at(`ll.${this.sigmas.length - 1}`) + this.batch;
      const all = await this.ex.readArena({ arena: "state", offset: first }, end - first);
      this.sigmas.forEach((_, i) =>
        out[i].set(all.subarray(this.at(`ll.${i}`) - first, this.at(`ll.${i}`) - first + rows), start)
      );
      onBatch?.(start + rows);
    }
    return out;
  }

  private at(name: string): number {
    return this.plan.params.find((p) => p.name === name)!.offset;
  }

  destroy(): void {
    this.ex.destroy();
  }
}

export interface ParzenResult {
  sigma: number;
  /** Mean validation log-likelihood for each sigma of the grid. */
  validation: { sigma: number; mean: number }[];
  mean: number;
  /** Standard error of the mean: std / sqrt(test points). */
  stderr: number;
  testPoints: number;
}

/** Picks sigma by the validation mean, then scores the test set with it (the paper's protocol). */
export function parzenProtocol(
  sigmas: readonly number[],
  validation: Float64Array[],
  test: Float64Array[],
): ParzenResult {
  const mean = (v: Float64Array) => v.reduce((a, b) => a + b, 0) / v.length;
  const means = sigmas.map((sigma, i) => ({ sigma, mean: mean(validation[i]) }));
  let best = 0;
  means.forEach((x, i) => (x.mean > means[best].mean ? (best = i) : undefined));
  const t = test[best];
  const mu = mean(t);
  const variance = t.reduce((a, b) => a + (b - mu) * (b - mu), 0) / t.length;
  return {
    sigma: sigmas[best],
    validation: means,
    mean: mu,
    stderr: Math.sqrt(variance / t.length),
    testPoints: t.length,
  };
}
