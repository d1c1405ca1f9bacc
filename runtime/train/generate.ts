// Samples from a checkpoint's generator: the checkpoint's spec compiled in memory, and its generated
// generator.ts run on the GPU, a batch of latent vectors at a time. What `gan sample`, `gan eval` and the
// figures share.
import { type CheckedSpec, describeAverage, lowerSource, type StepProgram } from "../../compiler/index.ts";
import type { Target } from "../../compiler/shared.ts";
import { readUserFile, UsageError } from "../cli/io.ts";
import { type Checkpoint, decodeCheckpoint, refuseNonFinite } from "./checkpoint.ts";
import { compileModules, type Modules } from "./module.ts";

export interface OpenCheckpoint {
  ckpt: Checkpoint;
  /** The file's bytes, as a generator module loads them. */
  bytes: Uint8Array;
  spec: CheckedSpec;
  program: StepProgram;
  /** Sample from G's trained weights even when the spec keeps an average (`--raw`). */
  raw?: boolean;
}

/** Reads and checks a checkpoint file, and checks the spec it holds. */
export async function openCheckpoint(
  path: string,
  o: { raw?: boolean; allowNonfinite?: boolean } = {},
): Promise<OpenCheckpoint> {
  const bytes = await readUserFile(path);
  const ckpt = decodeCheckpoint(bytes, path);
  if (!o.allowNonfinite) refuseNonFinite(ckpt, path);
  const { program, spec } = lowerSource(ckpt.spec);
  if (!program || !spec) throw new UsageError(`${path}: the spec inside does not compile with this version of gan`, 1);
  return { ckpt, bytes, spec, program, raw: o.raw };
}

/** Which of G's weights sampling reads: the trained ones or the spec's average of them. */
export function weightsUsed(c: OpenCheckpoint): string {
  const a = c.spec.train.generatorAverage;
  return a && !c.raw ? describeAverage(a) : "G's trained weights";
}

const compiled = new WeakMap<OpenCheckpoint, Map<string, Promise<Modules>>>();

/** The checkpoint's spec compiled for a tuning-table entry (once per checkpoint and entry). */
export function modulesOf(c: OpenCheckpoint, target: Target, source: string): Promise<Modules> {
  let byTarget = compiled.get(c);
  if (!byTarget) compiled.set(c, byTarget = new Map());
  let m = byTarget.get(target.name);
  if (!m) byTarget.set(target.name, m = compileModules(c.ckpt.spec, source, target.name, "cannot sample"));
  return m;
}

/** G(z) for n latent vectors (z holds n x dim values), of classes `labels` in a conditional spec (default: i mod classes); `progress` is told after each batch. */
export async function generate(
  device: GPUDevice,
  target: Target,
  c: OpenCheckpoint,
  source: string,
  z: Float32Array,
  progress?: (done: number, total: number) => void,
  labels?: ArrayLike<number>,
): Promise<Float32Array> {
  const { generator } = await modulesOf(c, target, source);
  const g = await generator.createGenerator(device, c.bytes, { weights: c.raw ? "trained" : "average", source });
  try {
    return await g.sample(z, progress, labels);
  } finally {
    g.destroy();
  }
}
