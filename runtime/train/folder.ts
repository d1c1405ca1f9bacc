// Run folders: recognised by a marker file `gan train` writes, so a run never writes into a folder that is
// not one (a user's folder holding its own spec.gan or curves.png), and a checkpoint outside a run's
// checkpoints/ (one downloaded from the training page) continues in a new run folder, not beside it.
import { basename, dirname, join } from "node:path";
import { isAbandoned, writeFileAtomic } from "../io/atomic.ts";
import { UsageError } from "../cli/io.ts";
import { listCheckpoints } from "./checkpoint.ts";

/** The marker: its presence makes a folder a run folder. */
export const RUN_MARKER = ".gan-run";

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

function isEmptyFolder(dir: string): boolean {
  try {
    return [...Deno.readDirSync(dir)].length === 0;
  } catch {
    return false;
  }
}

/** A run folder: the marker, or (runs from before the marker) spec.gan, metrics.jsonl and checkpoints/ together. */
export function isRunFolder(dir: string): boolean {
  if (exists(join(dir, RUN_MARKER))) return true;
  return ["spec.gan", "metrics.jsonl", "checkpoints"].every((f) => exists(join(dir, f)));
}

/** Where a run goes, and whether the folder is new to it (then its marker and spec.gan are written). */
export interface RunFolder {
  dir: string;
  fresh: boolean;
  /** Said to the user when the choice is not the obvious one. */
  note?: string;
}

export function chooseRunFolder(o: { out?: string; resume?: string; name: string; resumed: boolean }): RunFolder {
  const fresh = () => join("runs", `${o.name || "gan"}-${timestamp()}`);
  if (o.out !== undefined) {
    if (!exists(o.out) || isEmptyFolder(o.out)) return { dir: o.out, fresh: true };
    if (!Deno.statSync(o.out).isDirectory) throw new UsageError(`--out ${o.out}: it is a file, not a folder`);
    if (!isRunFolder(o.out)) {
      throw new UsageError(
        `--out ${o.out}: it holds files and is not a run folder (no ${RUN_MARKER}); give a new or empty folder`,
      );
    }
    if (o.resumed) return { dir: o.out, fresh: false };
    refuseUsedFolder(o.out);
    return { dir: o.out, fresh: false };
  }
  if (o.resume !== undefined) {
    const holder = dirname(o.resume);
    const run = dirname(holder);
    if (basename(holder) === "checkpoints" && isRunFolder(run)) return { dir: run, fresh: false };
    const dir = fresh();
    return { dir, fresh: true, note: `${o.resume} is not in a run folder's checkpoints/: the run continues in ${dir}` };
  }
  return { dir: fresh(), fresh: true };
}

/** Makes the run folder's parts; a new one gets its marker and the exact spec first. */
export async function prepareRunFolder(f: RunFolder, specText: string): Promise<void> {
  refuseLinks(f.dir);
  await Deno.mkdir(join(f.dir, "samples"), { recursive: true });
  await Deno.mkdir(join(f.dir, "checkpoints"), { recursive: true });
  if (f.fresh || !exists(join(f.dir, RUN_MARKER))) {
    await writeFileAtomic(join(f.dir, RUN_MARKER), JSON.stringify({ format: "gan-run/1" }) + "\n");
  }
  if (f.fresh) await writeFileAtomic(join(f.dir, "spec.gan"), specText);
}

/**
 * Removes the temporary files of atomic writes that a killed process left in a run folder (a checkpoint
 * is written to `step-N.safetensors.tmp-<pid>-<random>`, then renamed): those whose lock no process
 * holds (a writer locks its temporary file until the rename; the kernel drops a killed one's lock).
 * Returns how many.
 */
export async function removeStaleTemps(dir: string): Promise<number> {
  let removed = 0;
  for (const sub of [".", "checkpoints", "samples"]) {
    let entries: Deno.DirEntry[];
    try {
      entries = [...Deno.readDirSync(join(dir, sub))];
    } catch {
      continue;
    }
    for (const e of entries) {
      if (!e.isFile || !/\.tmp-\d+-[a-z0-9]+$/.test(e.name)) continue;
      const path = join(dir, sub, e.name);
      if (isAbandoned(path)) {
        await Deno.remove(path);
        removed++;
      }
    }
  }
  return removed;
}

/**
 * One run at a time in a folder: its marker is held locked while it trains, so a second `gan train` into
 * the same folder (two --resume of one run) is refused instead of interleaving metrics and checkpoints.
 * The kernel drops the lock of a killed process. The caller closes the file to release it.
 */
export async function lockRunFolder(runDir: string): Promise<Deno.FsFile> {
  const marker = await Deno.open(join(runDir, RUN_MARKER), { read: true });
  if (await marker.tryLock(true)) return marker;
  marker.close();
  throw new UsageError(
    `${runDir} is being trained by another gan process; wait for it to end, or give another --out`,
    1,
  );
}

/**
 * The parts of a run folder that a run writes through (appends to metrics.jsonl, writes into
 * checkpoints/ and samples/) must be the folder's own: a symbolic link there (a run folder from someone
 * else) would send the writes to wherever it points.
 */
function refuseLinks(runDir: string): void {
  for (const part of ["metrics.jsonl", "checkpoints", "samples"]) {
    const path = join(runDir, part);
    let target: string;
    try {
      if (!Deno.lstatSync(path).isSymlink) continue;
      target = Deno.readLinkSync(path);
    } catch {
      continue; // not there: the run makes it
    }
    throw new UsageError(
      `${path} is a symbolic link (to ${target}): a run writes only into its own folder; remove the link, or give a new --out`,
      1,
    );
  }
}

/** A fresh run never writes into a folder that holds another run: its metrics and checkpoints stay as they are. */
function refuseUsedFolder(runDir: string): void {
  const used = ["metrics.jsonl", "checkpoints"].filter((f) => {
    try {
      const st = Deno.statSync(join(runDir, f));
      return st.isDirectory ? [...Deno.readDirSync(join(runDir, f))].length > 0 : st.size > 0;
    } catch {
      return false;
    }
  });
  if (used.length) {
    const last = listCheckpoints(runDir).pop()?.path;
    throw new UsageError(
      `${runDir} already holds a run (${used.join(", ")}); give another --out${
        last ? `, or continue it with --resume ${last}` : ""
      }`,
    );
  }
}

function timestamp(): string {
  const d = new Date();
  const p = (x: number) => String(x).padStart(2, "0");
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${
    p(d.getSeconds())
  }`;
}
