// Checkpoints and samples are written atomically: a crash or Ctrl-C mid-write leaves the previous file
// whole, never a truncated one that --resume would then refuse (or worse, half read). The bytes go to a
// temporary file beside the target (a rename is only atomic within one file system), are flushed to the
// disk, and the temporary file is renamed over the target. The writer holds an exclusive lock on the
// temporary file until it is renamed, so a later run can tell a killed writer's leftover (unlocked: the
// kernel drops a dead process's locks) from a live one's (removeStaleTemps in train/folder.ts).
import { dirname } from "node:path";
import { naming } from "./errors.ts";

export async function writeFileAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  const temp = tempName(path);
  const file = await Deno.open(temp, { write: true, createNew: true }).catch((e) => {
    throw naming(e, "write", path, { instead: true });
  });
  try {
    try {
      await file.lock(true);
      for (let done = 0; done < data.length;) done += await file.write(data.subarray(done));
      await file.sync();
      if (RENAME_OPEN) await Deno.rename(temp, path); // still locked: never taken for a killed writer's
    } finally {
      file.close();
    }
    if (!RENAME_OPEN) await Deno.rename(temp, path);
  } catch (e) {
    await Deno.remove(temp).catch(() => {});
    throw naming(e, "write", path);
  }
  // The rename itself lives in the directory: flush it too, where the platform lets us open one.
  try {
    const dir = await Deno.open(dirname(path), { read: true });
    try {
      await dir.sync();
    } finally {
      dir.close();
    }
  } catch {
    // Windows cannot open directories; the file is already complete under its final name.
  }
}

export function writeFileAtomicSync(path: string, bytes: Uint8Array | string): void {
  const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  const temp = tempName(path);
  const file = Deno.openSync(temp, { write: true, createNew: true });
  try {
    try {
      file.lockSync(true);
      for (let done = 0; done < data.length;) done += file.writeSync(data.subarray(done));
      file.syncSync();
      if (RENAME_OPEN) Deno.renameSync(temp, path);
    } finally {
      file.close();
    }
    if (!RENAME_OPEN) Deno.renameSync(temp, path);
  } catch (e) {
    try {
      Deno.removeSync(temp);
    } catch {
      // gone already: nothing to clean up
    }
    throw e;
  }
  try {
    const dir = Deno.openSync(dirname(path), { read: true });
    try {
      dir.syncSync();
    } finally {
      dir.close();
    }
  } catch {
    // as above
  }
}

/** Windows cannot rename a file that is open; elsewhere the rename happens under the lock. */
const RENAME_OPEN = Deno.build.os !== "windows";

/**
 * Whether a temporary file of an atomic write is a leftover: no process holds its lock (a live writer
 * holds it from creating the file to renaming it).
 */
export function isAbandoned(temp: string): boolean {
  const file = Deno.openSync(temp, { read: true });
  try {
    return file.tryLockSync(true);
  } finally {
    file.close();
  }
}

/** Unique per process and call, so concurrent writers of one target never share a temporary file. */
function tempName(path: string): string {
  return `${path}.tmp-${Deno.pid}-${Math.random().toString(36).slice(2, 10)}`;
}
