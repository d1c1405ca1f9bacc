// Checkpoints: the format lives in compiler/support/checkpoint.ts, which every generated folder carries
// (a trainer saves and loads them without the runtime); here, the run folder's list of them.
export {
  type Checkpoint,
  CHECKPOINT_FORMAT,
  checkTensors,
  decodeCheckpoint,
  encodeCheckpoint,
} from "../../compiler/shared.ts";

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
