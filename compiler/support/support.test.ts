// compiler/support/*.ts is the support module every generated folder carries as support/. The compiler is
// pure (no file system), so it holds their texts in sources.ts: this test keeps that file equal to the
// sources, and UPDATE_SNAPSHOTS=1 rewrites it. It also checks that support imports nothing outside itself.
import { expect, test } from "vitest";
import { SUPPORT } from "./sources.ts";

const here = new URL("./", import.meta.url);
const files = [...Deno.readDirSync(here)]
  .map((e) => e.name)
  .filter((n) => n.endsWith(".ts") && !n.endsWith(".test.ts") && n !== "sources.ts")
  .sort();

function sourcesModule(): string {
  const lines = [
    "// Generated from compiler/support/*.ts by `UPDATE_SNAPSHOTS=1 npx vitest run compiler/support`; do not edit.",
    "// The texts of the support module each generated folder carries as support/ (the compiler is pure, so it",
    "// holds them rather than reading them).",
    "export const SUPPORT: Record<string, string> = {",
  ];
  for (const f of files) {
    lines.push(`  ${JSON.stringify(f)}: ${JSON.stringify(Deno.readTextFileSync(new URL(f, here)))},`);
  }
  lines.push("};", "");
  return lines.join("\n");
}

test("sources.ts holds exactly the texts of compiler/support/*.ts", () => {
  const want = sourcesModule();
  if (Deno.env.get("UPDATE_SNAPSHOTS") === "1") Deno.writeTextFileSync(new URL("sources.ts", here), want);
  expect(Deno.readTextFileSync(new URL("sources.ts", here)), "run UPDATE_SNAPSHOTS=1 npx vitest run compiler/support")
    .toBe(want);
  expect(Object.keys(SUPPORT).sort()).toEqual(files);
});

test("the support module imports only itself and uses no Deno or Node API", () => {
  for (const f of files) {
    const text = Deno.readTextFileSync(new URL(f, here));
    for (const m of text.matchAll(/from\s+"([^"]+)"/g)) {
      expect(m[1], `${f} imports ${m[1]}`).toMatch(/^\.\/[a-z-]+\.ts$/);
    }
    expect(text, f).not.toMatch(/\bDeno\.|\bprocess\.|from "node:|require\(/);
  }
});
