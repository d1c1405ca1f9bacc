// Sample-folder tests for the language: samples/valid/<case>/input.gan beside its expected summary,
// samples/invalid/<case>/input.gan beside its expected diagnostics (as data and as a user sees them).
// The bundled specs are valid cases too: specs/<name>.gan is read where it stands (a copy would drift)
// and its summary kept in samples/valid/spec-<name>/.
// UPDATE_SNAPSHOTS=1 rewrites the expectations; review the diff like code.
import { describe, expect, test } from "vitest";
import { hasErrors } from "./diagnostics/diagnostic.ts";
import { LineMap, locate, renderDiagnostic } from "./diagnostics/frame.ts";
import { checkSource, renderSummary } from "./index.ts";

const root = new URL("./samples/", import.meta.url);
const update = Deno.env.get("UPDATE_SNAPSHOTS") === "1";
const cases = (kind: string) =>
  [...Deno.readDirSync(new URL(`${kind}/`, root))].filter((e) => e.isDirectory).map((e) => e.name).sort();
const read = (url: URL) => {
  try {
    return Deno.readTextFileSync(url);
  } catch {
    return undefined;
  }
};

function expectFile(url: URL, actual: string) {
  if (update) Deno.writeTextFileSync(url, actual);
  else expect(actual, `${url.pathname} (UPDATE_SNAPSHOTS=1 rewrites it)`).toBe(read(url));
}

const specs = new URL("../specs/", import.meta.url);
const specCases = [...Deno.readDirSync(specs)].filter((e) => e.name.endsWith(".gan")).map((e) =>
  `spec-${e.name.slice(0, -4)}`
);

describe("valid samples: no errors, and the expected summary", () => {
  for (const name of [...new Set([...cases("valid"), ...specCases])].sort()) {
    test(name, () => {
      const dir = new URL(`valid/${name}/`, root);
      const input = specCases.includes(name) ? new URL(`${name.slice(5)}.gan`, specs) : new URL("input.gan", dir);
      if (update) Deno.mkdirSync(dir, { recursive: true });
      const r = checkSource(Deno.readTextFileSync(input));
      expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
      expectFile(new URL("summary.txt", dir), renderSummary(r.spec!));
    });
  }
});

describe("invalid samples: the expected diagnostics", () => {
  for (const name of cases("invalid")) {
    test(name, () => {
      const dir = new URL(`invalid/${name}/`, root);
      const text = Deno.readTextFileSync(new URL("input.gan", dir));
      const r = checkSource(text);
      expect(hasErrors(r.diagnostics)).toBe(true);
      expect(r.spec).toBeUndefined();
      const lines = new LineMap(text);
      expectFile(
        new URL("diagnostics.json", dir),
        JSON.stringify(r.diagnostics.map((d) => locate(d, lines)), null, 2) + "\n",
      );
      expectFile(
        new URL("diagnostics.txt", dir),
        r.diagnostics.map((d) => renderDiagnostic(d, "input.gan", lines)).join("\n\n") + "\n",
      );
    });
  }
});
