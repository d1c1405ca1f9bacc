// Checkpoints: every tensor of a run's state (G, D, optimiser state, running statistics, averages) in
// safetensors, with the step, the seed and the exact spec text in its metadata. Philox is counter-based,
// so (seed, step) is the whole RNG state: a loaded checkpoint continues its run bit for bit.
// Copied into each generated folder as support/checkpoint.ts.
import { FormatError } from "./errors.ts";
import { decodeSafetensors, encodeSafetensors, type Tensor } from "./safetensors.ts";

export const CHECKPOINT_FORMAT = "gan-checkpoint/1";

export interface Checkpoint {
  step: number;
  seed: number;
  spec: string;
  tensors: Map<string, Float32Array>;
}

/** A tensor of the state arena: its name and shape. */
export interface TensorDecl {
  readonly name: string;
  readonly shape: readonly number[];
}

/** A tensor as a generated module lists it: where it lives in the state arena, and what it is. */
export interface TensorInfo extends TensorDecl {
  /** Offset in floats in the state arena. */
  readonly offset: number;
  /** weight, bias, gamma, beta, running_mean, running_var, velocity, adam_m, adam_v, rms_v or average. */
  readonly role: string;
  /** Updated by its network's optimiser (the rest is state). */
  readonly trainable: boolean;
}

export function encodeCheckpoint(name: string, params: readonly TensorDecl[], c: Checkpoint): Uint8Array {
  const tensors: Record<string, Tensor> = {};
  for (const p of params) {
    const data = c.tensors.get(p.name);
    if (!data) throw new Error(`checkpoint: no value for ${p.name}`);
    tensors[p.name] = { dtype: "F32", shape: [...p.shape], data };
  }
  const metadata = { format: CHECKPOINT_FORMAT, name, step: String(c.step), seed: String(c.seed), spec: c.spec };
  return encodeSafetensors(tensors, metadata);
}

/** Reads a checkpoint's metadata and tensors; the spec inside tells which module it belongs to. */
export function decodeCheckpoint(bytes: Uint8Array, source: string): Checkpoint {
  const { tensors, metadata } = decodeSafetensors(bytes, source);
  if (metadata.format !== CHECKPOINT_FORMAT) {
    throw new FormatError(
      source,
      `not a gan checkpoint (metadata format ${
        JSON.stringify(metadata.format ?? null)
      }, expected "${CHECKPOINT_FORMAT}")`,
    );
  }
  const step = Number(metadata.step);
  const seed = Number(metadata.seed);
  if (!Number.isInteger(step) || step < 0) {
    throw new FormatError(source, `bad step in metadata: ${JSON.stringify(metadata.step)}`);
  }
  if (!Number.isInteger(seed) || seed < 0) {
    throw new FormatError(source, `bad seed in metadata: ${JSON.stringify(metadata.seed)}`);
  }
  if (typeof metadata.spec !== "string" || !metadata.spec) {
    throw new FormatError(source, "the checkpoint holds no spec");
  }
  const out = new Map<string, Float32Array>();
  for (const [name, t] of Object.entries(tensors)) {
    if (t.dtype !== "F32") throw new FormatError(source, `tensor ${name} is ${t.dtype}, expected F32`);
    out.set(name, t.data as Float32Array);
  }
  return { step, seed, spec: metadata.spec, tensors: out };
}

/** The tensors a spec needs, checked: missing, extra or wrong-shaped ones are named. */
export function checkTensors(params: readonly TensorDecl[], c: Checkpoint, source: string): void {
  const problems: string[] = [];
  const have = new Set(c.tensors.keys());
  for (const p of params) {
    const t = c.tensors.get(p.name);
    const n = p.shape.reduce((a, b) => a * b, 1);
    if (!t) problems.push(`missing ${p.name} [${p.shape.join(", ")}]`);
    else if (t.length !== n) problems.push(`${p.name} has ${t.length} values, the spec needs [${p.shape.join(", ")}]`);
    have.delete(p.name);
  }
  for (const extra of have) problems.push(`unexpected ${extra}`);
  if (problems.length) {
    const shown = problems.slice(0, 6).join("; ") + (problems.length > 6 ? `; and ${problems.length - 6} more` : "");
    throw new FormatError(source, `does not match the spec: ${shown}`);
  }
}
