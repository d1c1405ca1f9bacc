// One fuzz case: the checker and formatter must answer every input with success or diagnostics,
// never an exception, and every diagnostic must point inside the file.
import { checkSource, formatSource } from "../index.ts";

export interface FuzzFailure {
  problem: string;
  text: string;
}

export function fuzzOne(text: string): FuzzFailure | undefined {
  let result;
  try {
    result = checkSource(text);
  } catch (e) {
    return { problem: `checkSource threw: ${(e as Error).stack ?? e}`, text };
  }
  for (const d of result.diagnostics) {
    const { start, end } = d.span;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= start && start <= text.length)) {
      return { problem: `${d.code} points outside the file: ${start}..${end} of ${text.length}`, text };
    }
    if (!d.message || !/^[EW]\d{3}$/.test(d.code)) {
      return { problem: `malformed diagnostic ${JSON.stringify(d)}`, text };
    }
  }
  try {
    const f = formatSource(text);
    if (f.text !== undefined) {
      const again = formatSource(f.text);
      if (again.text !== f.text) return { problem: "fmt is not idempotent", text };
      const before = checkSource(text).diagnostics.map((d) => d.code).join(",");
      const after = checkSource(f.text).diagnostics.map((d) => d.code).join(",");
      if (before !== after) return { problem: `fmt changed the diagnostics: ${before} -> ${after}`, text };
    }
  } catch (e) {
    return { problem: `formatSource threw: ${(e as Error).stack ?? e}`, text };
  }
  return undefined;
}
