// `gan diff` as sample folders: samples/diff/<case>/a.gan and b.gan beside the expected text
// (expected.txt, no colour) and JSON (expected.json). UPDATE_SNAPSHOTS=1 rewrites them.
import { describe, expect, test } from "vitest";
import { lowerSource } from "../index.ts";
import { planProgram } from "../phases/5-emit/plan.ts";
import { alignLayers, diffSpecs, type LayerRow, planOutline, renderDiff } from "./diff.ts";

const root = new URL("../samples/diff/", import.meta.url);
const update = Deno.env.get("UPDATE_SNAPSHOTS") === "1";
const plain = {
  added: (s: string) => s,
  removed: (s: string) => s,
  changed: (s: string) => s,
  dim: (s: string) => s,
  bold: (s: string) => s,
};

function compiled(url: URL) {
  const { spec, program } = lowerSource(Deno.readTextFileSync(url));
  return { spec: spec!, outline: planOutline(planProgram(program!, { target: "software" })) };
}

function expectFile(url: URL, actual: string) {
  if (update) Deno.writeTextFileSync(url, actual);
  else expect(actual, `${url.pathname} (UPDATE_SNAPSHOTS=1 rewrites it)`).toBe(Deno.readTextFileSync(url));
}

describe("gan diff samples", () => {
  const cases = [...Deno.readDirSync(root)].filter((e) => e.isDirectory).map((e) => e.name).sort();
  for (const name of cases) {
    test(name, () => {
      const dir = new URL(`${name}/`, root);
      const a = compiled(new URL("a.gan", dir));
      const b = compiled(new URL("b.gan", dir));
      const d = diffSpecs(a.spec, b.spec, [a.outline, b.outline]);
      expect(d.same).toBe(name === "formatting-only");
      expectFile(new URL("expected.txt", dir), renderDiff(d, "a.gan", "b.gan", plain));
      expectFile(new URL("expected.json", dir), JSON.stringify(d, null, 1) + "\n");
    });
  }
});

test("alignment: equal layers match, a changed one of the same kind pairs, the rest are added or removed", () => {
  const row = (layer: string, i: number): LayerRow => ({
    index: i,
    path: String(i),
    layer,
    kind: layer.replace(/\(.*/, ""),
    output: "[1]",
    params: 0,
    flops: 0,
  });
  const a = ["dense(8)", "relu", "dense(4)", "dropout(0.5)", "sigmoid"].map(row);
  const b = ["dense(8)", "tanh", "dense(6)", "sigmoid", "dense(1)"].map(row);
  expect(
    alignLayers(a, b).map((c) =>
      `${c.change} ${"before" in c ? c.before.layer : ""}>${"after" in c ? c.after.layer : ""}`
    ),
  ).toEqual([
    "same dense(8)>dense(8)",
    "removed relu>",
    "added >tanh",
    "changed dense(4)>dense(6)",
    "removed dropout(0.5)>",
    "same sigmoid>sigmoid",
    "added >dense(1)",
  ]);
});
