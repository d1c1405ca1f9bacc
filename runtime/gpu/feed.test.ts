// How training data reaches the gather kernels (compiler/support/feed.ts): float32 or bytes, resident on
// the GPU or streamed into a window each step, from memory or from a reader. Every form must train
// bit-identically, across epoch boundaries and through a checkpoint; flips must be the reference's.
import { describe, expect, test } from "vitest";
import { compileChecked, lower, ReferenceTrainer, uniformTensor } from "../../compiler/index.ts";
import { defaultLevels, type ExampleReader, type Trainer, type TrainingData } from "../../compiler/shared.ts";
import { importFiles } from "../train/module.ts";
import { gpu, smallSpec, TEXTURE_TEST_TARGET } from "./testing.ts";

/** A bundled spec with `augment = [flip]` added to its data section, as a temporary file. */
function withFlip(name: string): string {
  const text = Deno.readTextFileSync(new URL(`../../specs/${name}`, import.meta.url));
  const flipped = text.replace(/(data \{[^}]*?source = \w+)/, "$1\n  augment = [flip]");
  if (flipped === text) throw new Error(`${name}: no data source to add augment after`);
  const path = Deno.makeTempFileSync({ suffix: ".gan" });
  Deno.writeTextFileSync(path, flipped);
  return path;
}

async function moduleFor(name: string, batch = 8) {
  const spec = smallSpec(name, { width: 12, batch, latent: 8 });
  const program = lower(spec);
  const { files } = await compileChecked(spec, program, `# ${name}, shrunk`, name, TEXTURE_TEST_TARGET);
  return { spec, program, M: (await importFiles(files)).trainer };
}

/** n random examples as bytes, and the float32 values they stand for in the spec's range. */
function randomBytes(n: number, features: number, range: [number, number]) {
  const bytes = Uint8Array.from(
    uniformTensor({ seed: 5, stream: 97, step: 0, draw: 0 }, n * features),
    (u) => Math.floor(256 * u),
  );
  const levels = defaultLevels(range);
  return { bytes, levels, floats: Float32Array.from(bytes, (b) => levels[b]) };
}

async function trainAll(t: Trainer, steps: number): Promise<Map<string, Float32Array>> {
  await t.train(steps);
  const out = await t.tensors();
  t.destroy();
  return out;
}

function expectIdentical(a: Map<string, Float32Array>, b: Map<string, Float32Array>, what: string) {
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [k, v] of a) expect(b.get(k), `${what}: ${k}`).toEqual(v);
}

describe.skipIf(!gpu)("training data on its way to the kernels", () => {
  const device = gpu!.device;
  const N = 43; // 5 batches of 8 an epoch: 12 steps cross two epoch boundaries

  test("floats, bytes on the GPU, bytes streamed, and a reader train bit-identically for 12 steps", async () => {
    const { spec, M } = await moduleFor("mnist-mlp.gan");
    const { bytes, levels, floats } = randomBytes(N, 784, spec.data.range);
    let reads = 0;
    const reader: ExampleReader = {
      examples: N,
      async read(rows, out) {
        reads++;
        await new Promise((r) => setTimeout(r, 1)); // as a disk would: later, not at once
        rows.forEach((r, i) => out.set(bytes.subarray(r * 784, (r + 1) * 784), i * 784));
      },
    };
    const floatRun = await M.createTrainer(device, { images: floats });
    expect(floatRun.data).toMatchObject({ format: "float32", streamed: false, examples: N });
    const want = await trainAll(floatRun, 12);
    const forms: [string, TrainingData, { stream?: boolean }][] = [
      ["bytes, resident", { images: bytes, levels }, {}],
      ["bytes, streamed", { images: bytes, levels }, { stream: true }],
      ["a reader", { images: reader, levels }, {}],
      ["floats, streamed", { images: floats }, { stream: true }],
    ];
    for (const [what, data, o] of forms) {
      const t = await M.createTrainer(device, data, o);
      expect(t.data.streamed, what).toBe(what !== "bytes, resident");
      expectIdentical(want, await trainAll(t, 12), what);
    }
    expect(reads).toBeGreaterThanOrEqual(12); // one read per step (and one ahead), plus the init mean
  });

  test("bytes default to byte / 255 in the spec's range; a streamed run resumes bit for bit", async () => {
    const { spec, M } = await moduleFor("dcgan-mnist.gan", 4);
    expect(spec.data.range).toEqual([-1, 1]);
    const { bytes, floats } = randomBytes(N, 784, spec.data.range);
    const straight = await trainAll(await M.createTrainer(device, { images: floats }), 6);
    const first = await M.createTrainer(device, { images: bytes }, { stream: true });
    await first.train(3);
    const saved = await first.save();
    first.destroy();
    const second = await M.createTrainer(device, { images: bytes }, { stream: true, seed: 77 });
    await second.load(saved);
    expectIdentical(straight, await trainAll(second, 3), "resumed after 3 steps");
  });

  test("augment = [flip]: five steps match the float64 reference, whose batches flip where Philox stream 6 says", async () => {
    const { spec, program, M } = await moduleFor(withFlip("mnist-mlp.gan"));
    expect(program.flip).toBe(true);
    expect(M.spec.augment).toEqual(["flip"]);
    const { bytes, floats } = randomBytes(N, 784, spec.data.range);
    const t = await M.createTrainer(device, { images: bytes });
    const ref = new ReferenceTrainer(program, { values: Float64Array.from(floats), n: N }, spec.train.seed);
    for (let s = 0; s < 5; s++) {
      const m = await t.train(1);
      const r = ref.run();
      expect(Math.abs(m.d_loss - r.d_loss), `step ${s}`).toBeLessThan(5e-5);
      expect(Math.abs(m.g_loss - r.g_loss), `step ${s}`).toBeLessThan(5e-5);
    }
    const got = await t.tensors();
    t.destroy();
    let worst = 0;
    for (const [name, want] of ref.state) {
      const g = got.get(name)!;
      for (let i = 0; i < want.length; i++) {
        worst = Math.max(worst, Math.abs(g[i] - want[i]) / Math.max(1e-2, Math.abs(want[i])));
      }
    }
    expect(worst).toBeLessThan(1e-4);
    // and the flips matter: without them the reference ends elsewhere
    const plain = new ReferenceTrainer(
      { ...program, flip: false },
      { values: Float64Array.from(floats), n: N },
      spec.train.seed,
    );
    for (let s = 0; s < 5; s++) plain.run();
    const w = ref.state.get("D.2.weight")!;
    const moved = plain.state.get("D.2.weight")!.reduce((m, x, i) => Math.max(m, Math.abs(x - w[i])), 0);
    expect(moved).toBeGreaterThan(1e-6); // float64 on both sides: the flipped batches moved D's weights
  });

  test("bad training data is refused in one line", async () => {
    const { M } = await moduleFor("mnist-mlp.gan");
    await expect(M.createTrainer(device, { images: new Uint8Array(785) })).rejects.toThrow(
      "training data: 785 values is not a whole number of examples of shape [1, 28, 28] (784 values each)",
    );
    await expect(M.createTrainer(device, { images: new Uint8Array(784 * 9), levels: new Float32Array(3) })).rejects
      .toThrow("levels must be a Float32Array of 256 values");
    await expect(M.createTrainer(device, { images: [1, 2] as unknown as Float32Array })).rejects.toThrow(
      "images must be a Float32Array, a Uint8Array or a reader",
    );
    await expect(M.createTrainer(device, { images: { examples: 3, read() {} } })).rejects.toThrow(
      "3 examples, fewer than one batch (8)",
    );
  });
});
