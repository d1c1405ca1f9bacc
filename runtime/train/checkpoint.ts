// Checkpoints: every tensor of the run's state (G, D, optimiser state, running statistics) in
// safetensors, with the step, the seed and the exact spec text in its metadata. Philox is counter-based,
// so (seed, step) is the whole RNG state: resuming continues the run bit for bit.
import type { Plan } from "../../compiler/phases/5-emit/plan.ts";
import { FormatError } from "../io/errors.ts";
import { decodeSafetensors, encodeSafetensors } from "../io/safetensors.ts";

export const CHECKPOINT_FORMAT = "gan-checkpoint/1";

export interface Checkpoint {
  step: number;
  seed: number;
  spec: string;
  tensors: Map<string, Float32Array>;
}

export function encodeCheckpoint(plan: Plan, c: Checkpoint): Uint8Array {
  const tensors: Parameters<typeof encodeSafetensors>[0] = {};
  for (const p of plan.params) {
    const data = c.tensors.get(p.name);
    if (!data) throw new Error(`checkpoint: no value for ${p.name}`);
    tensors[p.name] = { dtype: "F32", shape: p.shape, data };
  }
  return encodeSafetensors(tensors, {
    format: CHECKPOINT_FORMAT,
    name: plan.name,
    step: String(c.step),
    seed: String(c.seed),
    spec: c.spec,
  });
}

/** Reads a checkpoint's metadata and tensors; the spec inside tells which plan it belongs to. */
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

/** The tensors a plan needs, checked: missing, extra or wrong-shaped ones are named. */
export function checkTensors(plan: Plan, c: Checkpoint, source: string): void {
  const problems: string[] = [];
  const have = new Set(c.tensors.keys());
  for (const p of plan.params) {
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

/** The checkpoints of a run folder (`checkpoints/step-N.safetensors`) by step; none when there is no such folder. */
export function listCheckpoints(runDir: string): { step: number; path: string }[] {
  const dir = `${runDir.replace(/\/+$/, "")}/checkpoints`;
  let names: string[];
  try {
    names = [...Deno.readDirSync(dir)].map((e) => e.name);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ m: /^step-(\d+)\.safetensors$/.exec(name), name }))
    .filter((e) => e.m)
    .map((e) => ({ step: Number(e.m![1]), path: `${dir}/${e.name}` }))
    .sort((a, b) => a.step - b.step);
}
