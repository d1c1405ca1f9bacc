// The paper's two other fully connected models at full size through the command line: their G holds an
// 8000 x 8000 weight (244 MiB as float32, over one 128 MiB storage binding), so their arenas are held
// as several buffers and their kernels bind windows of them (compiler/phases/5-emit/windows.ts).
// TFD is not public: tfd-mlp trains on a folder of 48x48 grey PNGs; cifar10-fc on a format-true
// CIFAR-10 folder (five batch files and a test batch). Each run writes a checkpoint of about 1 GB.
import { describe, expect, test } from "vitest";
import { encode } from "fast-png";
import { decodeSafetensors } from "../io/safetensors.ts";
import { gan } from "./testing.ts";

const lastMetrics = (run: string) => {
  const lines = Deno.readTextFileSync(`${run}/metrics.jsonl`).trim().split("\n");
  return JSON.parse(lines.at(-1)!);
};

/** The loss metrics of a run's last line: finite, and near ln 2 this early in training. */
function expectEarlyLosses(run: string, steps: number) {
  const m = lastMetrics(run);
  expect(m.step).toBe(steps);
  for (const k of ["d_loss", "g_loss"]) {
    expect(Number.isFinite(m[k]), k).toBe(true);
    expect(Math.abs(m[k] - Math.LN2), `${k} ${m[k]}`).toBeLessThan(0.1);
  }
}

describe("the paper's TFD and CIFAR-10 fully connected models, full size", () => {
  test(
    "tfd-mlp.gan trains 2 steps on a folder of 48x48 grey images; every column of G's 8000 x 8000 weight is held to norm 1.9365",
    async () => {
      const dir = await Deno.makeTempDir();
      try {
        for (const cls of ["a", "b"]) {
          await Deno.mkdir(`${dir}/faces/${cls}`, { recursive: true });
          for (let i = 0; i < 60; i++) {
            const data = Uint8Array.from({ length: 48 * 48 }, (_, j) => ((j % 48) * (cls === "a" ? 5 : 3) + i) % 256);
            Deno.writeFileSync(`${dir}/faces/${cls}/${i}.png`, encode({ width: 48, height: 48, data, channels: 1 }));
          }
        }
        const r = await gan(
          "train",
          "specs/tfd-mlp.gan",
          "--data",
          `${dir}/faces`,
          "--steps",
          "2",
          "--out",
          `${dir}/run`,
          "--cache",
          `${dir}/cache`,
        );
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toContain(`108 images from ${dir}/faces`); // every 10th of 120 held out
        expect(r.stderr).not.toMatch(/warning|does not fit/i);
        expectEarlyLosses(`${dir}/run`, 2);
        const t = decodeSafetensors(Deno.readFileSync(`${dir}/run/checkpoints/step-2.safetensors`)).tensors;
        const w = t["G.2.weight"];
        expect(w.shape).toEqual([8000, 8000]);
        // U(-0.05, 0.05) over 8000 inputs starts each column near norm 2.58: after an update every one is
        // scaled back to the cap, which the update's kernels compute across the weight's windows
        const norms = new Float64Array(8000);
        for (let i = 0; i < 8000; i++) for (let j = 0; j < 8000; j++) norms[j] += w.data[i * 8000 + j] ** 2;
        const [lo, hi] = [Math.sqrt(Math.min(...norms)), Math.sqrt(Math.max(...norms))];
        expect(hi).toBeLessThan(1.9365 * (1 + 1e-5));
        expect(lo).toBeGreaterThan(1.9365 * (1 - 1e-4));
      } finally {
        await Deno.remove(dir, { recursive: true });
      }
    },
    420_000,
  );

  test(
    "cifar10-fc.gan trains 2 steps on a format-true CIFAR-10 folder of five batch files",
    async () => {
      const dir = await Deno.makeTempDir();
      try {
        for (let b = 1; b <= 6; b++) {
          const n = b === 6 ? 50 : 100;
          const bytes = new Uint8Array(n * 3073);
          for (let i = 0; i < n; i++) {
            bytes[i * 3073] = (i + b) % 10;
            for (let j = 0; j < 3072; j++) bytes[i * 3073 + 1 + j] = (i * 7 + j * 3 + b) % 256;
          }
          Deno.writeFileSync(`${dir}/${b === 6 ? "test_batch" : `data_batch_${b}`}.bin`, bytes);
        }
        const r = await gan("train", "specs/cifar10-fc.gan", "--data", dir, "--steps", "2", "--out", `${dir}/run`);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toContain(`500 examples from ${dir}`);
        expect(r.stderr).not.toMatch(/warning|does not fit/i);
        expectEarlyLosses(`${dir}/run`, 2);
        const t = decodeSafetensors(Deno.readFileSync(`${dir}/run/checkpoints/step-2.safetensors`)).tensors;
        expect(t["G.2.weight"].shape).toEqual([8000, 8000]);
        // the momentum of the weight that spans windows moved everywhere it was written: no window was skipped
        const v = t["opt.G.2.weight.velocity"].data;
        let zeros = 0;
        for (let i = 0; i < v.length; i += 997) if (v[i] === 0) zeros++;
        expect(zeros).toBe(0);
      } finally {
        await Deno.remove(dir, { recursive: true });
      }
    },
    420_000,
  );
});
