// Shared by the data readers' tests: every bad file must fail with a FormatError naming the file.
import { expect } from "vitest";
import { FormatError } from "../io/errors.ts";

/** Runs `f`, expects a FormatError for `source` whose problem matches `problem`, and returns it. */
export async function formatError(f: () => unknown, source: string, problem: RegExp | string): Promise<FormatError> {
  let thrown: unknown;
  try {
    await f();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(FormatError);
  const e = thrown as FormatError;
  expect(e.source).toBe(source);
  if (typeof problem === "string") expect(e.problem).toContain(problem);
  else expect(e.problem).toMatch(problem);
  expect(e.message).toBe(`${source}: ${e.problem}`);
  return e;
}
