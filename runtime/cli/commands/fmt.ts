import { formatSource } from "../../../compiler/index.ts";
import { countLine, printDiagnostics, readSpecFile, UsageError } from "../io.ts";
import { fmtTemp } from "../permissions.mjs";

/** `gan fmt SPEC... [--check]`: rewrites files in canonical form, or with --check lists those that differ. */
export function fmtCommand(files: string[], opts: { check?: boolean }): number {
  let status = 0;
  for (const file of files) {
    const text = readSpecFile(file);
    const r = formatSource(text);
    if (r.text === undefined) {
      printDiagnostics(file, text, r.diagnostics);
      console.error(`${file}: ${countLine(r.diagnostics)}; not formatted`);
      status = 1;
      continue;
    }
    if (r.text === text) continue;
    if (opts.check) {
      console.log(`${file}: not formatted`);
      status = 1;
      continue;
    }
    writeAtomically(file, r.text);
    console.log(`formatted ${file}`);
  }
  return status;
}

/** Temp file + rename: an interrupted write never leaves a half-written spec. */
function writeAtomically(path: string, text: string): void {
  const tmp = fmtTemp(path); // the one path beside the spec that the command may write (permissions.mjs)
  try {
    Deno.writeTextFileSync(tmp, text);
    Deno.renameSync(tmp, path);
  } catch (e) {
    try {
      Deno.removeSync(tmp);
    } catch { /* nothing was written */ }
    throw new UsageError(`${path}: cannot write: ${(e as Error).message}`);
  }
}
