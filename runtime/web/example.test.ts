// The README's "Use a compiled GAN in your own page", run exactly as written: its code block, bundled the
// way it says, in headless Chromium (WebGPU on SwiftShader) with a checkpoint trained here. And the
// browser bundles of the committed generated/mnist-mlp: the sizes the README states, and nothing of the
// compiler in them.
import { dirname } from "node:path";
import { describe, expect, test } from "vitest";
import { decode } from "fast-png";
import { gzipSync } from "fflate";
import { gpu } from "../gpu/testing.ts";
import { loadTrainingSet } from "../train/data.ts";
import { bundle } from "./serve.ts";
import { CHROMIUM, CHROMIUM_ARGS, hasChromium } from "./testing.ts";

const root = new URL("../../", import.meta.url);
const README = Deno.readTextFileSync(new URL("README.md", root));
/** The first ```ts block after a heading of the README. */
function codeAfter(heading: string): string {
  const at = README.indexOf(heading);
  if (at < 0) throw new Error(`README has no heading ${heading}`);
  const m = /```ts\n([\s\S]*?)```/.exec(README.slice(at));
  if (!m) throw new Error(`no ts block after ${heading}`);
  return m[1];
}

function listFiles(dir: string, prefix = ""): string[] {
  return [...Deno.readDirSync(dir)].flatMap((e) =>
    e.isDirectory ? listFiles(`${dir}/${e.name}`, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]
  );
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

test("the browser bundles of generated/mnist-mlp hold none of the compiler, and are the sizes the README states", async () => {
  const rows: string[] = [];
  for (const module of ["generator.ts", "trainer.ts"]) {
    const js = await bundle(new URL(`generated/mnist-mlp/${module}`, root).pathname, { minify: true });
    for (const name of ["chevrotain", "ts-morph", "prettier"]) expect(js.toLowerCase(), module).not.toContain(name);
    const bytes = new TextEncoder().encode(js);
    const zipped = gzipSync(bytes).length;
    rows.push(`| \`generated/mnist-mlp/${module}\` | ${kb(bytes.length)} | ${kb(zipped)} |`);
    // the README's figures, within 5%: they stay true as the compiler changes, or this fails
    const stated = new RegExp(
      `\\| \`generated/mnist-mlp/${module.replace(".", "\\.")}\` \\| (\\d+) KB \\| (\\d+) KB \\|`,
    )
      .exec(README);
    expect(stated, `README: no bundle size row for ${module}; measured:\n${rows.join("\n")}`).not.toBeNull();
    expect(Math.abs(Number(stated![1]) * 1024 - bytes.length) / bytes.length, `${module}: ${rows.at(-1)}`)
      .toBeLessThan(0.05);
    expect(Math.abs(Number(stated![2]) * 1024 - zipped) / zipped, `${module}: ${rows.at(-1)}`).toBeLessThan(0.05);
  }
  console.log(rows.join("\n"));
});

describe.skipIf(!hasChromium || !gpu)("the README's page example in headless Chromium", () => {
  test("it loads a checkpoint with generator.ts and draws 16 different samples on the canvas", async () => {
    const tmp = await Deno.makeTempDir({ prefix: "gan-example-" });
    const stop = new AbortController();
    try {
      // a project of the user's: the generated folder copied in, the README's main.ts beside it
      const src = new URL("generated/mnist-mlp/", root).pathname;
      for (const f of listFiles(src)) {
        await Deno.mkdir(dirname(`${tmp}/generated/mnist-mlp/${f}`), { recursive: true });
        await Deno.copyFile(`${src}/${f}`, `${tmp}/generated/mnist-mlp/${f}`);
      }
      await Deno.writeTextFile(`${tmp}/main.ts`, codeAfter("### Use a compiled GAN in your own page"));
      await Deno.writeTextFile(
        `${tmp}/index.html`,
        `<!doctype html><canvas></canvas><script type="module" src="main.js"></script>`,
      );
      // a checkpoint: 20 steps of the committed trainer
      const M = await import("../../generated/mnist-mlp/trainer.ts");
      const trainer = await M.createTrainer(gpu!.device, { images: (await loadTrainingSet(M.spec)).values });
      await trainer.train(20);
      await Deno.writeFile(`${tmp}/mnist-mlp.safetensors`, await trainer.save());
      trainer.destroy();
      // bundled as the README says, from the user's folder, without the project's config
      const out = await new Deno.Command(Deno.execPath(), {
        args: ["bundle", "--quiet", "--no-config", "--platform", "browser", "main.ts", "-o", "main.js"],
        cwd: tmp,
        stderr: "piped",
      }).output();
      expect(out.code, new TextDecoder().decode(out.stderr)).toBe(0);

      const types: Record<string, string> = {
        html: "text/html",
        js: "text/javascript",
        safetensors: "application/octet-stream",
      };
      let url = "";
      const listening = new Promise<void>((resolve) => {
        Deno.serve({
          hostname: "127.0.0.1",
          port: 0,
          signal: stop.signal,
          onListen: ({ port }) => ((url = `http://127.0.0.1:${port}/`), resolve()),
        }, async (req) => {
          const name = new URL(req.url).pathname.slice(1) || "index.html";
          if (!/^[\w.-]+$/.test(name)) return new Response("not found", { status: 404 });
          try {
            const body = await Deno.readFile(`${tmp}/${name}`);
            return new Response(body, { headers: { "content-type": types[name.split(".").pop()!] ?? "text/plain" } });
          } catch {
            return new Response("not found", { status: 404 });
          }
        });
      });
      await listening;
      const { chromium } = await import("playwright-core");
      const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        await page.goto(url);
        await page.waitForFunction(() => document.querySelector("canvas")!.width === 16 * 28, null, {
          timeout: 120_000,
        })
          .catch(() => {});
        expect(errors).toEqual([]);
        const { width, height, data } = await page.evaluate(() => {
          const c = document.querySelector("canvas")!;
          const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height);
          return { width: c.width, height: c.height, data: Array.from(d.data) };
        });
        expect([width, height]).toEqual([16 * 28, 28]);
        // many grey levels, opaque, and the 16 samples differ from one another
        const grey = (x: number, y: number) => data[4 * (y * width + x)];
        expect(new Set(data.filter((_, i) => i % 4 === 0)).size).toBeGreaterThan(16);
        expect(data.filter((_, i) => i % 4 === 3).every((a) => a === 255)).toBe(true);
        const tiles = Array.from(
          { length: 16 },
          (_, i) => Array.from({ length: 28 * 28 }, (_, p) => grey(i * 28 + (p % 28), Math.floor(p / 28))).join(),
        );
        expect(new Set(tiles).size).toBe(16);
        const shot = decode(await page.locator("canvas").screenshot());
        expect(shot.width).toBe(16 * 28);
      } finally {
        await browser.close();
      }
    } finally {
      stop.abort();
      await Deno.remove(tmp, { recursive: true });
    }
  }, 240_000);
});
