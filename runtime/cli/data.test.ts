// Data at any size through the command line: the full Fashion-MNIST training set (60,000 images, as
// bytes on the GPU), a format-true CIFAR-10 folder of five full batches (50,000 images, 154 MB: over one
// binding, so streamed) with a bit-exact resume, and a folder of PNGs decoded into a cache.
import { describe, expect, test } from "vitest";
import { encode } from "fast-png";
import { decodeSafetensors } from "../io/safetensors.ts";
import { gan, noTrace } from "./testing.ts";

const FASHION = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz";
const haveFashion = (() => {
  try {
    return Deno.statSync(FASHION).isFile;
  } catch {
    return false;
  }
})();

/** A small fully connected spec on a source, quick to compile and train. */
const smallSpec = (source: string, shape: number[], extra = "") =>
  `gan "small"
data {
  source = ${source}
  range = [-1, 1]${extra}
}
latent {
  dim = 16
  prior = normal()
}
generator {
  dense(32)
  relu
  dense(${shape.reduce((a, b) => a * b, 1)})
  tanh
  reshape(${shape.join(", ")})
}
discriminator {
  flatten
  dense(32)
  leaky_relu(0.2)
  dense(1)
  sigmoid
}
optimizer {
  method = adam
  lr = 2e-4
  beta1 = 0.5
}
train {
  batch = 16
  seed = 4
  log_every = 1
}
`;

const lastMetrics = (run: string) => {
  const lines = Deno.readTextFileSync(`${run}/metrics.jsonl`).trim().split("\n");
  return JSON.parse(lines.at(-1)!);
};

describe("data at any size", () => {
  test.skipIf(!haveFashion)(
    "mnist-mlp trains on all 60,000 Fashion-MNIST images (bytes on the GPU); eval finds the t10k twin",
    async () => {
      const dir = await Deno.makeTempDir();
      try {
        const r = await gan("train", "specs/mnist-mlp.gan", "--data", FASHION, "--steps", "3", "--out", `${dir}/run`);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toContain(`60000 examples from ${FASHION}`);
        expect(r.stderr).toContain("training data: 60000 examples as bytes, 47.0 MB on the GPU");
        const e = await gan("eval", `${dir}/run/checkpoints/step-3.safetensors`, "--parzen", "--samples", "100");
        expect(e.code, e.stderr).toBe(0);
        expect(e.stdout + e.stderr).toContain("t10k-images-idx3-ubyte.gz: examples 1-5000 (validation)");
      } finally {
        await Deno.remove(dir, { recursive: true });
      }
    },
    300_000,
  );

  test(
    "a CIFAR-10 folder of five full batches (154 MB) streams each step; resume is bit-exact; eval reads test_batch.bin",
    async () => {
      const dir = await Deno.makeTempDir();
      try {
        const records = 10_000;
        for (let b = 1; b <= 6; b++) {
          const n = b === 6 ? 200 : records;
          const bytes = new Uint8Array(n * 3073);
          for (let i = 0; i < n; i++) {
            bytes[i * 3073] = (i + b) % 10;
            bytes.fill((i * 7 + b * 31) % 256, i * 3073 + 1, i * 3073 + 1 + 1024); // red plane
            bytes.fill((i * 13) % 256, i * 3073 + 1025, (i + 1) * 3073); // green and blue
          }
          Deno.writeFileSync(`${dir}/${b === 6 ? "test_batch" : `data_batch_${b}`}.bin`, bytes);
        }
        await Deno.writeTextFile(`${dir}/s.gan`, smallSpec(`cifar10("${dir}")`, [3, 32, 32], "\n  augment = [flip]"));
        const straight = await gan("train", `${dir}/s.gan`, "--steps", "4", "--out", `${dir}/a`);
        expect(straight.code, straight.stderr).toBe(0);
        expect(straight.stderr).toContain(`50000 examples from ${dir}`);
        expect(straight.stderr).toMatch(
          /training data: 50000 examples as bytes, streamed each step into a 0\.\d MB window/,
        );
        const first = await gan("train", `${dir}/s.gan`, "--steps", "2", "--out", `${dir}/b`);
        expect(first.code, first.stderr).toBe(0);
        const resumed = await gan("train", "--resume", `${dir}/b/checkpoints/step-2.safetensors`, "--steps", "2");
        expect(resumed.code, resumed.stderr).toBe(0);
        expect(lastMetrics(`${dir}/b`)).toMatchObject({ step: 4, d_loss: lastMetrics(`${dir}/a`).d_loss });
        const a = decodeSafetensors(Deno.readFileSync(`${dir}/a/checkpoints/step-4.safetensors`)).tensors;
        const b = decodeSafetensors(Deno.readFileSync(`${dir}/b/checkpoints/step-4.safetensors`)).tensors;
        for (const [name, t] of Object.entries(a)) expect(b[name].data, name).toEqual(t.data);
        const e = await gan("eval", `${dir}/a/checkpoints/step-4.safetensors`, "--parzen", "--samples", "50");
        expect(e.code, e.stderr).toBe(0);
        expect(e.stdout + e.stderr).toContain(`${dir}/test_batch.bin: examples 1-100 (validation), 101-200 (test)`);
      } finally {
        await Deno.remove(dir, { recursive: true });
      }
    },
    300_000,
  );

  test(
    "a folder of PNGs trains: decoded once into the cache, reused, a bad file named and skipped (refused with --strict)",
    async () => {
      const dir = await Deno.makeTempDir();
      try {
        for (const [c, cls] of ["boots", "shirts"].entries()) {
          await Deno.mkdir(`${dir}/pics/${cls}`, { recursive: true });
          for (let i = 0; i < 25; i++) {
            const data = Uint8Array.from({ length: 12 * 10 }, (_, j) => (j * (c + 1) * 9 + i * 17) % 256);
            Deno.writeFileSync(`${dir}/pics/${cls}/${i}.png`, encode({ width: 12, height: 10, data, channels: 1 }));
          }
        }
        Deno.writeFileSync(`${dir}/pics/shirts/broken.png`, new TextEncoder().encode("not a png"));
        await Deno.writeTextFile(`${dir}/s.gan`, smallSpec(`images("${dir}/pics", shape = [1, 8, 8])`, [1, 8, 8]));
        const cache = `${dir}/cache`;
        const r = await gan("train", `${dir}/s.gan`, "--steps", "2", "--out", `${dir}/run`, "--cache", cache);
        expect(r.code, r.stderr).toBe(0);
        // 51 files, every 10th held out: 46 train (the broken one among them, skipped: 45)
        expect(r.stderr).toContain(`skipped ${dir}/pics/shirts/broken.png: is neither a PNG nor a JPEG`);
        expect(r.stderr).toMatch(new RegExp(`45 images from ${dir}/pics \\(5 more held out; 2 classes`));
        expect(r.stderr).toContain("decoding images [");
        expect([...Deno.readDirSync(cache)].filter((e) => e.name.endsWith(".ganimg")).length).toBe(1);
        // the held-out tenth for eval (5 images, halved), the training set for Figure 2's nearest neighbours
        const e = await gan(
          "eval",
          `${dir}/run/checkpoints/step-2.safetensors`,
          "--parzen",
          "--samples",
          "20",
          "--cache",
          cache,
        );
        expect(e.code, e.stderr).toBe(0);
        expect(e.stdout + e.stderr).toContain(`${dir}/pics (its held-out 1 in 10 images): examples 1-2 (validation)`);
        const f = await gan(
          "figure",
          "2",
          `${dir}/run`,
          "--rows",
          "2",
          "--cols",
          "3",
          "--cache",
          cache,
          "-o",
          `${dir}/f.png`,
        );
        expect(f.code, f.stderr).toBe(0);
        expect(f.stderr).toContain("Figure 2: 2 x 3 samples from step 2");
        const again = await gan("train", `${dir}/s.gan`, "--steps", "1", "--out", `${dir}/run2`, "--cache", cache);
        expect(again.code, again.stderr).toBe(0);
        expect(again.stderr).toContain("decoded cache reused");
        expect(again.stderr).not.toContain("decoding images [");
        const strict = await gan(
          "train",
          `${dir}/s.gan`,
          "--steps",
          "1",
          "--out",
          `${dir}/run3`,
          "--strict",
          "--cache",
          cache,
        );
        expect(strict.code).toBe(1);
        expect(strict.stderr).toContain("shirts/broken.png");
        noTrace(strict.stderr);
        await Deno.mkdir(`${dir}/empty`);
        await Deno.writeTextFile(`${dir}/e.gan`, smallSpec(`images("${dir}/empty", shape = [1, 8, 8])`, [1, 8, 8]));
        const empty = await gan("train", `${dir}/e.gan`, "--steps", "1", "--out", `${dir}/run4`, "--cache", cache);
        expect(empty.code).toBe(1);
        expect(empty.stderr).toContain("has no PNG or JPEG images");
        noTrace(empty.stderr);
      } finally {
        await Deno.remove(dir, { recursive: true });
      }
    },
    300_000,
  );
});
