// Terminal and file plumbing shared by the commands: reading specs, printing diagnostics, exit codes.
import pc from "picocolors";
import { type Diagnostic, hasErrors } from "../../compiler/index.ts";
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
    return await Deno.readFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) throw new UsageError(`${path}: no such file`);
    if (e instanceof Deno.errors.IsADirectory) throw new UsageError(`${path} is a folder, not a file`);
    throw new UsageError(`${path}: ${(e as Error).message}`);
  }
}

export function printDiagnostics(path: string, text: string, ds: readonly Diagnostic[]): void {
  const lines = new LineMap(text);
  const c = errColours();
  for (const d of ds) console.error(renderDiagnostic(d, path, lines, c) + "\n");
}

export function diagnosticsJson(path: string, text: string, ds: readonly Diagnostic[]) {
  const lines = new LineMap(text);
  return ds.map((d) => ({ file: path, ...locate(d, lines) }));
}

export function countLine(ds: readonly Diagnostic[]): string {
  const e = ds.filter((d) => d.severity === "error").length;
  const w = ds.length - e;
  const part = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
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
