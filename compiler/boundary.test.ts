// The architecture's rules, checked on the sources: runtime/ reaches the compiler only through
// compiler/index.ts (or compiler/shared.ts, the light module it re-exports); compiler/ir/ imports no phase;
// compiler/ touches no file system, clock or process; no module imports itself through others.
import { dirname, join, relative } from "node:path";
import { expect, test } from "vitest";

const root = new URL("../", import.meta.url).pathname;

function sources(dir: string): string[] {
  return [...Deno.readDirSync(join(root, dir))].flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory ? sources(path) : e.name.endsWith(".ts") ? [path] : [];
  });
}

/** The project files a module imports (relative specifiers only), as paths from the root. */
function imports(file: string): string[] {
  const text = Deno.readTextFileSync(join(root, file));
  const found = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+"(\.[^"]+)"/g)]
    .concat([...text.matchAll(/\bimport\(\s*"(\.[^"]+)"\s*\)/g)]);
  return found.map((m) => relative(root, join(root, dirname(file), m[1])));
}

const runtime = sources("runtime");
const compiler = sources("compiler");

test("runtime/ imports the compiler only through compiler/index.ts and compiler/shared.ts", () => {
  const bad = runtime.flatMap((f) =>
    imports(f).filter((i) => i.startsWith("compiler/") && i !== "compiler/index.ts" && i !== "compiler/shared.ts")
      .map((i) => `${f} -> ${i}`)
  );
  expect(bad).toEqual([]);
});

test("compiler/shared.ts (what the page bundles) pulls in no phase but the tuning table, and no parser or emitter library", () => {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    imports(f).forEach(visit);
  };
  visit("compiler/shared.ts");
  expect([...seen].filter((f) => f.startsWith("compiler/phases/")).sort()).toEqual([
    "compiler/phases/5-emit/targets.ts",
  ]);
  for (const f of seen) {
    expect(Deno.readTextFileSync(join(root, f)), f).not.toMatch(/from "(chevrotain|ts-morph|prettier)/);
  }
});

test("compiler/ir/ imports no phase, and compiler/ outside its tests uses no Deno API", () => {
  for (const f of compiler.filter((f) => f.startsWith("compiler/ir/"))) {
    expect(imports(f).filter((i) => i.startsWith("compiler/phases/")), f).toEqual([]);
  }
  // tests: *.test.ts, the fuzzer, and the helpers tests share (testing.ts), which only tests import
  const isTest = (f: string) => f.endsWith(".test.ts") || f.startsWith("compiler/fuzz/") || f.endsWith("/testing.ts");
  for (const f of compiler.filter((f) => !isTest(f))) {
    expect(Deno.readTextFileSync(join(root, f)), f).not.toMatch(/\bDeno\.|from "node:/);
    expect(imports(f).filter((i) => i.endsWith("/testing.ts")), f).toEqual([]);
  }
});

test("no import cycles in compiler/ and runtime/", () => {
  const files = [...compiler, ...runtime];
  const edges = new Map(files.map((f) => [f, imports(f).filter((i) => files.includes(i))]));
  // Tarjan's strongly connected components: any with more than one module (or a self-import) is a cycle
  let index = 0;
  const stack: string[] = [];
  const info = new Map<string, { index: number; low: number; on: boolean }>();
  const cycles: string[][] = [];
  const strong = (v: string) => {
    info.set(v, { index, low: index, on: true });
    index++;
    stack.push(v);
    for (const w of edges.get(v)!) {
      if (!info.has(w)) {
        strong(w);
        info.get(v)!.low = Math.min(info.get(v)!.low, info.get(w)!.low);
      } else if (info.get(w)!.on) info.get(v)!.low = Math.min(info.get(v)!.low, info.get(w)!.index);
    }
    if (info.get(v)!.low === info.get(v)!.index) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        info.get(w)!.on = false;
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || edges.get(v)!.includes(v)) cycles.push(scc.sort());
    }
  };
  for (const f of files) if (!info.has(f)) strong(f);
  expect(cycles).toEqual([]);
});
