// Shared by the data readers' tests: every bad file must fail with a FormatError naming the file.
import { expect } from "vitest";
import { gzipSync } from "fflate";
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

/**
 * A gzip bomb: a small file that inflates to a valid-looking IDX header for `n` 28x28 images (claiming
 * `claimed` of them) followed by `zeros` bytes of zeros, as members of 16 MiB each (about 16 KB apiece
 * compressed): 1 GiB of zeros takes 1 MB.
 */
export function gzipBomb(n: number, claimed: number, zeros: number): Uint8Array {
  const head = new Uint8Array(16 + n * 784);
  const view = new DataView(head.buffer);
  [0x803, claimed, 28, 28].forEach((v, i) => view.setUint32(4 * i, v));
  bombMember ??= gzipSync(new Uint8Array(16 << 20), { level: 9 });
  const members = [gzipSync(head), ...Array.from({ length: Math.ceil(zeros / (16 << 20)) }, () => bombMember!)];
  const out = new Uint8Array(members.reduce((s, m) => s + m.length, 0));
  let at = 0;
  for (const m of members) out.set(m, at), at += m.length;
  return out;
}

let bombMember: Uint8Array | undefined;
