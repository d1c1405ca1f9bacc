// generated/ is the biggest snapshot: every spec in specs/ recompiled must give exactly the committed
// files, so a compiler change shows up as a reviewable diff of kernels and trainer (and of pytorch/, the
// PyTorch engine's model.py and train.py). `gan compile` (and `gan compile --engine pytorch`), or
// UPDATE_SNAPSHOTS=1, rewrite them.
import { expect, test } from "vitest";
import { compilePytorch, compileSource } from "./index.ts";

const root = new URL("../", import.meta.url);
const specs = [...Deno.readDirSync(new URL("specs/", root))].filter((e) => e.name.endsWith(".gan")).map((e) => e.name)
  .sort();

function listFiles(dir: URL, prefix = ""): string[] {
  try {
    return [...Deno.readDirSync(dir)].flatMap((e) =>
      e.isDirectory ? listFiles(new URL(`${e.name}/`, dir), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]
    );
  } catch {
    return [];
  }
}

for (const spec of specs) {
  test(`generated/ is up to date for specs/${spec}`, async () => {
    const text = Deno.readTextFileSync(new URL(`specs/${spec}`, root));
    const { name, files: webgpu } = await compileSource(text, `specs/${spec}`);
    expect(webgpu, `specs/${spec} does not compile`).toBeDefined();
    const files = new Map(webgpu);
    for (const [path, body] of compilePytorch(text, `specs/${spec}`).files!) files.set(`pytorch/${path}`, body);
    const dir = new URL(`generated/${name}/`, root);
    if (Deno.env.get("UPDATE_SNAPSHOTS") === "1") {
      for (const sub of ["kernels/", "support/"]) {
        await Deno.remove(new URL(sub, dir), { recursive: true }).catch(() => {});
      }
      for (const [path, body] of files!) {
        Deno.mkdirSync(new URL(".", new URL(path, dir)), { recursive: true });
        Deno.writeTextFileSync(new URL(path, dir), body);
      }
    }
    expect(listFiles(dir).sort(), `generated/${name}: run \`npx gan compile specs/${spec}\``).toEqual(
      [...files!.keys()].sort(),
    );
    for (const [path, body] of files!) {
      expect(Deno.readTextFileSync(new URL(path, dir)), `generated/${name}/${path}`).toBe(body);
    }
  });
}
