// Checkpoints: the format lives in compiler/support/checkpoint.ts, which every generated folder carries
// (a trainer saves and loads them without the runtime); here, the run folder's list of them.
export {
  type Checkpoint,
  CHECKPOINT_FORMAT,
  checkTensors,
  decodeCheckpoint,
  encodeCheckpoint,
} from "../../compiler/shared.ts";
import { FormatError } from "../io/errors.ts";

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

/**
 * Refuses a checkpoint holding a NaN or an infinity (a run that diverged, or a corrupt file), naming the
 * first such tensor; `--allow-nonfinite` lets one through.
 */
export function refuseNonFinite(c: { tensors: Map<string, Float32Array> }, source: string): void {
  for (const [name, t] of c.tensors) {
    const bad = t.reduce((n, v) => (Number.isFinite(v) ? n : n + 1), 0);
    if (bad) {
      throw new FormatError(
        source,
        `tensor ${name} holds ${bad.toLocaleString("en-US")} NaN or infinite value${bad > 1 ? "s" : ""} of ${
          t.length.toLocaleString("en-US")
        }; give --allow-nonfinite to use it anyway`,
      );
    }
  }
}
