// The generated module is the program: a folder of generated/ trains and samples on its own (copied
// alone, no compiler on disk, no Deno or Node API), and a program that imports trainer.ts saves, loads
// and continues bit for bit.
import { dirname } from "node:path";
import { describe, expect, test } from "vitest";
import { gpu } from "../gpu/testing.ts";
import { loadTrainingSet } from "./data.ts";

const root = new URL("../../", import.meta.url);
const deno = Deno.execPath();

/** Every file of a folder, by path inside it. */
function listFiles(dir: string, prefix = ""): string[] {
  return [...Deno.readDirSync(dir)].flatMap((e) =>
    e.isDirectory ? listFiles(`${dir}/${e.name}`, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]
  );
}

test("every generated folder's TypeScript imports only files inside the folder and uses no Deno or Node API", () => {
  for (const name of [...Deno.readDirSync(new URL("generated/", root))].map((e) => e.name)) {
    const dir = new URL(`generated/${name}/`, root).pathname;
    const ts = listFiles(dir).filter((f) => f.endsWith(".ts"));
    expect(ts).toEqual(expect.arrayContaining(["trainer.ts", "generator.ts", "kernels.ts", "support/webgpu.ts"]));
    for (const f of ts) {
      const text = Deno.readTextFileSync(`${dir}/${f}`);
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)) {
        expect(m[1], `${name}/${f} imports ${m[1]}`).toMatch(/^\.\/[\w/.-]+\.ts$/);
      }
      expect(text, `${name}/${f}`).not.toMatch(/\bDeno\.|\bprocess\.|"node:|\brequire\(/);
    }
  }
});

test("each generated module's specText is exactly its folder's spec.gan", async () => {
  for (const name of [...Deno.readDirSync(new URL("generated/", root))].map((e) => e.name)) {
    const text = Deno.readTextFileSync(new URL(`generated/${name}/spec.gan`, root));
    const M = await import(`../../generated/${name}/trainer.ts`);
    expect(M.specText, name).toBe(text);
    expect(M.spec.name, name).toBe(name);
  }
});

describe.skipIf(!gpu)("generated modules on their own", () => {
  test("a generated folder copied alone into an empty folder trains and samples from a short Deno script", async () => {
    const tmp = await Deno.makeTempDir({ prefix: "gan-alone-" });
    try {
      const src = new URL("generated/toy-1d/", root).pathname;
      for (const f of listFiles(src)) {
        await Deno.mkdir(dirname(`${tmp}/toy-1d/${f}`), { recursive: true });
        await Deno.copyFile(`${src}/${f}`, `${tmp}/toy-1d/${f}`);
      }
      await Deno.writeTextFile(
        `${tmp}/main.ts`,
        `import { createTrainer, spec } from "./toy-1d/trainer.ts";
import { createGenerator, noise } from "./toy-1d/generator.ts";
const adapter = await navigator.gpu.requestAdapter();
const device = await adapter!.requestDevice();
// 1,000 draws of the spec's gaussian, made here: the module needs only numbers in the spec's shape
const images = Float32Array.from({ length: 1000 }, (_, i) => 4 + 0.5 * Math.sin(i * 12.9898) * 1.7);
const trainer = await createTrainer(device, { images });
const metrics = await trainer.train(40);
const generator = await createGenerator(device, await trainer.save());
const x = await generator.sample(noise(10));
console.log(JSON.stringify({ name: spec.name, metrics, step: trainer.step, samples: Array.from(x) }));
`,
      );
      const out = await new Deno.Command(deno, {
        // no config file, only the copied folder readable: nothing of the project is reachable
        args: ["run", "--no-config", "--no-lock", "--unstable-webgpu", `--allow-read=${tmp}`, "main.ts"],
        cwd: tmp,
        stdout: "piped",
        stderr: "piped",
      }).output();
      const err = new TextDecoder().decode(out.stderr);
      expect(out.code, err).toBe(0);
      expect(listFiles(tmp).some((f) => f.includes("compiler"))).toBe(false);
      const r = JSON.parse(new TextDecoder().decode(out.stdout));
      expect(r.name).toBe("toy-1d");
      expect(r.step).toBe(40);
      expect(r.metrics.step).toBe(40);
      for (const k of ["d_loss", "g_loss", "d_real", "d_fake"]) expect(Number.isFinite(r.metrics[k]), k).toBe(true);
      expect(r.samples).toHaveLength(10);
      expect(new Set(r.samples).size).toBeGreaterThan(1);
    } finally {
      await Deno.remove(tmp, { recursive: true });
    }
  }, 120_000);

  test(
    "generated/mnist-mlp/trainer.ts: save at step N, load into a fresh trainer, train M more: the metrics and weights of N+M steps in one go",
    async () => {
      const M = await import("../../generated/mnist-mlp/trainer.ts");
      const data = await loadTrainingSet(M.spec);
      const device = gpu!.device;
      const [N, K] = [15, 10];
      const once = await M.createTrainer(device, { images: data.values });
      const all = await once.train(N + K);
      const want = await once.tensors();
      once.destroy();

      const first = await M.createTrainer(device, { images: data.values });
      await first.train(N);
      const checkpoint = await first.save();
      first.destroy();
      const second = await M.createTrainer(device, { images: data.values }, { seed: 99 }); // load restores the seed too
      await second.load(checkpoint);
      expect(second.step).toBe(N);
      expect(second.seed).toBe(M.spec.seed);
      const resumed = await second.train(K);
      expect(resumed).toEqual(all);
      const got = await second.tensors();
      // bit for bit (compared as words: vitest's deep equality takes seconds on millions of floats)
      for (const [name, v] of want) {
        const [a, b] = [new Uint32Array(v.buffer), new Uint32Array(got.get(name)!.buffer)];
        expect(b.length, name).toBe(a.length);
        expect(a.findIndex((x, i) => x !== b[i]), name).toBe(-1);
      }
      second.destroy();
    },
    120_000,
  );

  test(
    "a trainer refuses a checkpoint of another spec, data of the wrong shape, and latent vectors of the wrong width, each in one line",
    async () => {
      const toy = await import("../../generated/toy-1d/trainer.ts");
      const mlp = await import("../../generated/mnist-mlp/trainer.ts");
      const device = gpu!.device;
      await expect(mlp.createTrainer(device, { images: new Float32Array(7 * 784 + 3) })).rejects.toThrow(
        "training data: 5491 values is not a whole number of examples of shape [1, 28, 28] (784 values each)",
      );
      const t = await toy.createTrainer(device, { images: Float32Array.from({ length: 200 }, (_, i) => i / 200) });
      const mlpData = await loadTrainingSet(mlp.spec);
      const m = await mlp.createTrainer(device, { images: mlpData.values.subarray(0, 784 * 100) });
      await expect(t.load(await m.save(), "mlp.safetensors")).rejects.toThrow(
        "mlp.safetensors: was trained from a different spec than toy-1d",
      );
      await expect(m.sample(new Float32Array(150))).rejects.toThrow(
        "latent vectors: expected a Float32Array of rows of 100 values, got 150 values",
      );
      t.destroy();
      m.destroy();
    },
    120_000,
  );
});
