// A file the user gave us is not what it claims to be. The CLI prints the message as is, with no stack
// trace: the user's fix is to the file, not to our code. The class is the one generated modules throw.
export { FormatError, KernelError, LimitError } from "../../compiler/shared.ts";

/**
 * Whether an error is one a user caused that a generated module reports (bad bytes, a device too small, a
 * kernel that does not compile). By name, not class: a module imported from a generated folder throws the
 * classes of its own support/ copy.
 */
export function isUserError(e: unknown): e is Error {
  return e instanceof Error && ["FormatError", "LimitError", "KernelError"].includes(e.name);
}

/**
 * What an operating-system error says, as one line: "mkdir '/sys/x': operation not permitted", "no space
 * left on device". Undefined for any other error (ours are bugs and keep their stack traces).
 */
export function osErrorText(e: unknown): string | undefined {
  if (!(e instanceof Error)) return undefined;
  const m = /^(.*?) \(os error \d+\)(?:: (.*))?$/s.exec(e.message);
  if (!m) return undefined;
  const reason = m[1].charAt(0).toLowerCase() + m[1].slice(1);
  return m[2] ? `${m[2].trim()}: ${reason}` : reason;
}

/**
 * An operating-system error that names no path (a write to a full disk says only "no space left on
 * device") made to name the file it was writing; any other error as it is. The error's class is kept.
 */
export function naming(e: unknown, op: string, path: string, o: { instead?: boolean } = {}): unknown {
  if (!(e instanceof Error)) return e;
  // `instead`: the path the error names (a temporary file) is replaced by the one the user knows
  const m = (o.instead ? /^(.* \(os error \d+\))(?:: .*)?$/s : /^(.* \(os error \d+\))$/s).exec(e.message);
  if (!m) return e;
  const named = new (e.constructor as ErrorConstructor)(`${m[1]}: ${op} '${path}'`);
  named.name = e.name;
  return named;
}
