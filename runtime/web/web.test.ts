// The training page in real headless Chromium (Debian's package; its WebGPU runs on SwiftShader): it
// trains, its losses agree with the same plan run by Deno, and a screenshot shows samples.
import { describe, expect, test } from "vitest";
import { decode } from "fast-png";
import { gzipBomb } from "../data/testing.ts";
import { Buffer } from "node:buffer";
import type { Metrics } from "../../compiler/index.ts";
import { gpu } from "../gpu/testing.ts";
import { loadTrainingSet } from "../train/data.ts";
import { compileModules } from "../train/module.ts";
import { serveCommand } from "./serve.ts";
import { CHROMIUM, CHROMIUM_ARGS, hasChromium } from "./testing.ts";

const ARGS = CHROMIUM_ARGS;

/**
 * A server for one spec file and a browser page on it; `use` runs with the page, then both stop. The page
 * must come up without an error unless `expectError` (a page that is meant to refuse).
 */
async function withPage<T>(
  specText: string,
  use: (page: import("playwright-core").Page) => Promise<T>,
  o: { args?: string[]; expectError?: boolean } = {},
): Promise<T> {
  const args = o.args ?? ARGS;
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(`${dir}/spec.gan`, specText);
  const stop = new AbortController();
  let url = "";
  const listening = new Promise<void>((resolve) => {
    serveCommand({ spec: `${dir}/spec.gan`, port: 0, signal: stop.signal, onListen: (u) => ((url = u), resolve()) });
  });
  const quiet = console.error;
  console.error = () => {};
  await listening;
  console.error = quiet;
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url);
    await page.waitForFunction(
      () => window.gan && (window.gan.error || document.getElementById("ready")!.textContent === "ready"),
      null,
      { timeout: 120_000 },
    );
    const error = await page.evaluate(() => window.gan.error);
    if (o.expectError) expect(error).toBeDefined();
    else expect(error).toBeUndefined();
    return await use(page);
  } finally {
    await browser.close();
    stop.abort();
    await Deno.remove(dir, { recursive: true });
  }
}

/** The same spec's generated trainer, compiled for the same tuning-table entry, run by Deno's WebGPU: metrics after each `every` steps. */
async function denoRun(specText: string, steps: number, every: number) {
  const { trainer: M } = await compileModules(specText, "spec.gan", "software");
  const data = await loadTrainingSet(M.spec);
  const trainer = await M.createTrainer(gpu!.device, { images: data.values });
  const out: Metrics[] = [];
  for (let s = 0; s < steps; s += every) out.push(await trainer.train(every));
  trainer.destroy();
  return out;
}

describe.skipIf(!hasChromium || !gpu)("gan serve in headless Chromium", () => {
  test(
    "toy-1d trains in the page; its losses match Deno's run of the same plan within 1e-3 after 100 steps",
    async () => {
      const text = Deno.readTextFileSync(new URL("../../specs/toy-1d.gan", import.meta.url));
      let shown = "";
      const page = await withPage(text, async (p) => {
        shown = (await p.locator("#spec").textContent()) ?? "";
        return await p.evaluate(async () => await window.gan.train(100));
      });
      expect(page.map((m) => m.step)).toEqual([50, 100]);
      // the page shows the spec's settings as `gan summary` prints them
      expect(shown).toContain("loss:      G non-saturating -log D(G(z)); D 0.5 x [BCE(D(x), 1) + BCE(D(G(z)), 0)]");
      expect(shown).toContain("discriminator: [1] -> [1]");
      const deno = await denoRun(text, 100, 50);
      // Chromium compiles WGSL with Tint for SwiftShader, Deno with naga for lavapipe: rounding differs, so
      // after 100 Adam steps the losses agree closely but not bit for bit
      for (const [i, m] of page.entries()) {
        for (const k of ["d_loss", "g_loss", "d_real", "d_fake"] as const) {
          expect(Math.abs(m[k] - deno[i][k]), `step ${m.step} ${k}`).toBeLessThan(1e-3);
        }
      }
    },
    240_000,
  );

  test(
    "an image GAN's page trains on a picked IDX file and shows its samples (not a blank canvas) and curves",
    async () => {
      // the paper's MNIST GAN made small, so SwiftShader trains it in seconds
      const text = Deno.readTextFileSync(new URL("../../specs/mnist-mlp.gan", import.meta.url))
        .replaceAll("dense(1200, init = g_init)", "dense(64, init = g_init)")
        .replaceAll("maxout(240, pieces = 5, init = d_init)", "maxout(16, pieces = 2, init = d_init)")
        .replace("log_every = 100", "log_every = 10");
      const shot = await withPage(text, async (p) => {
        // a user's IDX file (here 100 generated 28x28 images, gzipped like the official files) replaces the data
        const n = 100;
        const raw = new Uint8Array(16 + n * 784);
        const view = new DataView(raw.buffer);
        [0x803, n, 28, 28].forEach((v, i) => view.setUint32(4 * i, v));
        for (let i = 16; i < raw.length; i++) {
          raw[i] = ((i * 37) % 97) * 2;
        }
        const { gzipSync } = await import("fflate");
        // first a gzip bomb (1 MB inflating to 256 MiB): refused after its header, and the page goes on
        await p.setInputFiles("#idx", {
          name: "bomb-idx3-ubyte.gz",
          mimeType: "application/octet-stream",
          buffer: Buffer.from(gzipBomb(100, 100, 2 ** 28)),
        });
        await p.waitForFunction(() => document.getElementById("error")!.textContent!.includes("bomb"), null, {
          timeout: 30_000,
        });
        expect(await p.locator("#error").textContent()).toBe(
          "bomb-idx3-ubyte.gz: decompresses to more than the 78,416 bytes that its header (100 x 28 x 28 unsigned byte) describes; stopped there",
        );
        await p.setInputFiles("#idx", {
          name: "mine-idx3-ubyte.gz",
          mimeType: "application/octet-stream",
          buffer: Buffer.from(gzipSync(raw)),
        });
        await p.waitForFunction(
          () =>
            document.getElementById("status")!.textContent!.startsWith("training on mine-idx3-ubyte.gz (100 images)"),
          null,
          { timeout: 60_000 },
        );
        expect(await p.evaluate(() => window.gan.error)).toBeUndefined();
        await p.evaluate(async () => await window.gan.train(20));
        expect(await p.locator("#curves svg").count()).toBe(1);
        return await p.locator("#samples").screenshot();
      });
      const img = decode(shot);
      // 64 samples in an 8 x 8 grid on grey padding: most pixels are samples, in many grey levels
      expect(img.width).toBeGreaterThan(400);
      const levels = new Set<number>();
      let samplePixels = 0;
      for (let i = 0; i < img.width * img.height; i++) {
        levels.add(img.data[i * img.channels]);
        if (img.data[i * img.channels] !== 128) samplePixels++;
      }
      expect(levels.size).toBeGreaterThan(8);
      expect(samplePixels / (img.width * img.height)).toBeGreaterThan(0.5);
    },
    240_000,
  );

  test(
    "a class-conditional spec's page trains on the labelled data and draws one row of samples per class",
    async () => {
      // the small AC-GAN the run tests train: its G reads classes through an embedding and conditional batchnorm
      const text = Deno.readTextFileSync(
        new URL("../../compiler/samples/valid/conditional-acgan-small/input.gan", import.meta.url),
      );
      const [shot, refused] = await withPage(text, async (p) => {
        await p.evaluate(async () => await window.gan.train(5));
        expect(await p.evaluate(() => window.gan.error)).toBeUndefined();
        const shot = await p.locator("#samples").screenshot();
        // a picked file has images only: a conditional spec refuses it and keeps its trainer
        const raw = new Uint8Array(16 + 20 * 784);
        [0x803, 20, 28, 28].forEach((v, i) => new DataView(raw.buffer).setUint32(4 * i, v));
        await p.setInputFiles("#idx", {
          name: "x-idx3-ubyte",
          mimeType: "application/octet-stream",
          buffer: Buffer.from(raw),
        });
        await p.waitForFunction(() => document.getElementById("error")!.textContent!.length > 0, null, {
          timeout: 30_000,
        });
        return [shot, await p.locator("#error").textContent()] as const;
      });
      expect(refused).toContain("is conditioned on 10 classes");
      const img = decode(shot);
      // ten rows (one per class) of eight samples, 28 x 28 at 2x with 2-pixel gaps: a 466 x 582 canvas
      // (the screenshot takes its border too: a few pixels more); an 8 x 8 grid would be 466 x 466
      expect(Math.abs(img.width - (8 * 58 + 2))).toBeLessThanOrEqual(4);
      expect(Math.abs(img.height - (10 * 58 + 2))).toBeLessThanOrEqual(4);
    },
    240_000,
  );

  test("a browser without WebGPU gets one sentence saying so, on the page", async () => {
    const text = Deno.readTextFileSync(new URL("../../specs/toy-1d.gan", import.meta.url));
    const shown = await withPage(text, async (p) => await p.locator("#error").textContent(), {
      args: ["--disable-features=WebGPU", "--no-sandbox"],
      expectError: true,
    });
    expect(shown).toMatch(/^This browser has no WebGPU: |^WebGPU is present but found no adapter: /);
  }, 120_000);

  test(
    "an adapter whose limits are below what the spec needs gets the limit and the numbers, on the page",
    async () => {
      // 2 x 12,000 x 12,000 weights and their velocities: about 2.3 GB of state, over SwiftShader's binding limit
      const text = Deno.readTextFileSync(new URL("../../specs/toy-1d.gan", import.meta.url)).replace(
        "dense(16)\n  relu\n  dense(16)",
        "dense(12000)\n  relu\n  dense(12000)",
      );
      const shown = await withPage(text, async (p) => await p.locator("#error").textContent(), { expectError: true });
      expect(shown).toMatch(
        // its 12000 x 12000 weights are held in several buffers and bound as windows (compiler/phases/5-emit/
        // windows.ts): Adam's update of one binds its windows and its moments', more buffers than SwiftShader's 10
        /^toy-1d does not fit this adapter \(.*\): a kernel binds 21 storage buffers, the adapter allows \d+\.$/,
      );
    },
    120_000,
  );
});
