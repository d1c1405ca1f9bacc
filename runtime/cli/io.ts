// Terminal and file plumbing shared by the commands: reading specs, printing diagnostics, exit codes.
import pc from "picocolors";
import { type Diagnostic, hasErrors, MAX_SPEC_CHARS } from "../../compiler/index.ts";
import { count, LIMIT_TEXT, MAX_FILE_BYTES } from "../data/dataset.ts";
import { type Colours, LineMap, locate, renderDiagnostic } from "../../compiler/index.ts";

/** A mistake of the user's (a flag, a path): printed as one line, never as a stack trace. */
export class UsageError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

const useColour = (stream: { isTerminal(): boolean }) => stream.isTerminal() && !Deno.env.get("NO_COLOR");
export const errColours = (): Colours => pc.createColors(useColour(Deno.stderr));
export const outColours = (): Colours => pc.createColors(useColour(Deno.stdout));
/** Every colour picocolors has, or none when stdout is not a terminal or NO_COLOR is set. */
export const outPalette = () => pc.createColors(useColour(Deno.stdout));

export function readSpecFile(path: string): string {
  try {
    const info = Deno.statSync(path);
    if (info.isDirectory) throw new UsageError(`${path} is a folder, not a .gan file`);
    // never an endless device (/dev/zero) or a pipe; and a file too large to be within the compiler's
    // limit in characters (UTF-8 takes at most 4 bytes a character) is refused before it is read
    if (!info.isFile) throw new UsageError(`${path} is not a regular file (a device, pipe or socket)`);
    if (info.size > 4 * MAX_SPEC_CHARS) {
      throw new UsageError(
        `${path} is ${count(info.size)} bytes; a spec is at most ${count(MAX_SPEC_CHARS)} characters`,
      );
    }
    return new TextDecoder("utf-8", { fatal: true }).decode(Deno.readFileSync(path));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if (e instanceof Deno.errors.NotFound) throw new UsageError(`${path}: no such file`);
    if (e instanceof Deno.errors.PermissionDenied) throw new UsageError(`${path}: permission denied`);
    if (e instanceof TypeError) throw new UsageError(`${path}: not UTF-8 text`);
    throw new UsageError(`${path}: ${(e as Error).message}`);
  }
}

/** A user's file as bytes (a checkpoint, a .npy), or one clear message. */
export async function readUserFile(path: string): Promise<Uint8Array> {
  try {
    const info = await Deno.stat(path);
    if (info.isDirectory) throw new UsageError(`${path} is a folder, not a file`);
    if (!info.isFile) throw new UsageError(`${path} is not a regular file (a device, pipe or socket)`);
    if (info.size > MAX_FILE_BYTES) {
      throw new UsageError(`${path} is ${count(info.size)} bytes, over the limit of ${LIMIT_TEXT.file}`);
    }
    return await Deno.readFile(path);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if (e instanceof Deno.errors.NotFound) throw new UsageError(`${path}: no such file`);
    if (e instanceof Deno.errors.IsADirectory) throw new UsageError(`${path} is a folder, not a file`);
    throw new UsageError(`${path}: ${(e as Error).message}`);
  }
}

/** Diagnostics printed for one file; the rest are counted (all of them are in `gan check --json`). */
export const SHOWN_DIAGNOSTICS = 50;

export function printDiagnostics(path: string, text: string, ds: readonly Diagnostic[]): void {
  const lines = new LineMap(text);
  const c = errColours();
  for (const d of ds.slice(0, SHOWN_DIAGNOSTICS)) console.error(renderDiagnostic(d, path, lines, c) + "\n");
  if (ds.length > SHOWN_DIAGNOSTICS) {
    console.error(
      `${path}: ${
        count(ds.length - SHOWN_DIAGNOSTICS)
      } more not shown (the first ${SHOWN_DIAGNOSTICS} are above; \`gan check --json\` lists all)\n`,
    );
  }
}

export function diagnosticsJson(path: string, text: string, ds: readonly Diagnostic[]) {
  const lines = new LineMap(text);
  return ds.map((d) => ({ file: path, ...locate(d, lines) }));
}

export function countLine(ds: readonly Diagnostic[]): string {
  const e = ds.filter((d) => d.severity === "error").length;
  const w = ds.length - e;
  const part = (n: number, what: string) => `${count(n)} ${what}${n === 1 ? "" : "s"}`;
  return [e ? part(e, "error") : "", w ? part(w, "warning") : ""].filter(Boolean).join(", ");
}

export { hasErrors };

/** Whether a path is a folder (false when it does not exist). */
export function isDir(path: string): boolean {
  try {
    return Deno.statSync(path).isDirectory;
  } catch {
    return false;
  }
}

/** Whether a path is a regular file (false when it does not exist). */
export function isFile(path: string): boolean {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
}

/**
 * Makes the folder an output file goes into (as `train` and `compile` make theirs), or says in one line
 * why it cannot be: a file in the way, no permission.
 */
export async function prepareOutput(flag: string, path: string): Promise<void> {
  const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) || "/" : ".";
  try {
    await Deno.mkdir(dir, { recursive: true });
  } catch (e) {
    const why = e instanceof Deno.errors.AlreadyExists || e instanceof Deno.errors.NotADirectory
      ? `${dir} is a file, not a folder`
      : e instanceof Deno.errors.PermissionDenied
      ? `cannot create ${dir} (permission denied)`
      : `cannot create ${dir} (${(e as Error).message})`;
    throw new UsageError(`${flag} ${path}: ${why}`);
  }
}
