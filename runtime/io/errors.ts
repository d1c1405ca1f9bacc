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
