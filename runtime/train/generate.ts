// Samples from a checkpoint's generator on the GPU, a chunk of latent vectors at a time: what `gan sample`,
// `gan eval` and the figures share.
import type * as M from "../../compiler/model.ts";
import { lowerSource } from "../../compiler/index.ts";
import { lowerSampler } from "../../compiler/phases/3-lower/lower.ts";
import type { StepProgram } from "../../compiler/ir/program.ts";
import { planProgram } from "../../compiler/phases/5-emit/plan.ts";
import type { Target } from "../../compiler/phases/5-emit/targets.ts";
import { readUserFile, UsageError } from "../cli/io.ts";
import { describeAverage } from "../../compiler/phases/2-check/schema.ts";
import { GpuExecutor, NO_BATCHES } from "../gpu/executor.ts";
import { type Checkpoint, checkTensors, decodeCheckpoint } from "./checkpoint.ts";

export interface OpenCheckpoint {
  ckpt: Checkpoint;
  spec: M.CheckedSpec;
  program: StepProgram;
  /** Sample from G's trained weights even when the spec keeps an average (`--raw`). */
  raw?: boolean;
}

/** Reads and checks a checkpoint file, and compiles the spec it holds. */
export async function openCheckpoint(path: string, o: { raw?: boolean } = {}): Promise<OpenCheckpoint> {
  const ckpt = decodeCheckpoint(await readUserFile(path), path);
  const { program, spec } = lowerSource(ckpt.spec);
  if (!program || !spec) throw new UsageError(`${path}: the spec inside does not compile with this version of gan`, 1);
  return { ckpt, spec, program, raw: o.raw };
}

/** Which of G's weights sampling reads: the trained ones or the spec's average of them. */
export function weightsUsed(c: OpenCheckpoint): string {
  const a = c.spec.train.generatorAverage;
  return a && !c.raw ? describeAverage(a) : "G's trained weights";
}

/** Latent vectors per dispatch: large enough to keep the GPU busy, small enough for any adapter's limits. */
export const SAMPLE_CHUNK = 500;

/** G(z) for n latent vectors (z holds n x dim values); `progress` is told after each chunk. */
export async function generate(
  device: GPUDevice,
  target: Target,
  c: OpenCheckpoint,
  source: string,
  z: Float32Array,
  progress?: (done: number, total: number) => void,
): Promise<Float32Array> {
  const dim = c.spec.latent.dim;
  const n = z.length / dim;
  const features = c.spec.data.shape.reduce((a, b) => a * b, 1);
  const chunk = Math.min(SAMPLE_CHUNK, n);
  const plan = planProgram(c.program, { sampler: lowerSampler(c.spec, chunk, { raw: c.raw }), target });
  checkTensors(plan, c.ckpt, source);
  const ex = new GpuExecutor(device, plan, { values: new Float32Array(features), n: 1 }, NO_BATCHES);
  try {
    await ex.createPipelines();
    await ex.writeParams(c.ckpt.tensors);
    const out = new Float32Array(n * features);
    const zc = new Float32Array(chunk * dim);
    for (let s = 0; s < n; s += chunk) {
      const m = Math.min(chunk, n - s);
      zc.fill(0).set(z.subarray(s * dim, (s + m) * dim));
      const x = await ex.sample(zc);
      out.set(x.subarray(0, m * features), s * features);
      progress?.(s + m, n);
    }
    return out;
  } finally {
    ex.destroy();
  }
}
