// A class-conditional spec end to end through gan train and gan sample: labels read with the data, the
// auxiliary classifier's accuracies in metrics.jsonl, bit-exact resume (generated labels have their own
// Philox stream), samples of a chosen class that match the float64 reference, and a grid with one row per
// class.
import { describe, expect, test } from "vitest";
import { evaluate, lowerSampler, lowerSource } from "../../compiler/index.ts";
import { gpu } from "../gpu/testing.ts";
import { decodeNpy, encodeNpy } from "../io/npy.ts";
import { decode } from "fast-png";
import { decodeCheckpoint } from "./checkpoint.ts";
import { train } from "./run.ts";
import { sampleCommand } from "./sample.ts";
import { quiet } from "./testing.ts";

/** A small AC-GAN with conditional batchnorm in G, on the bundled digits and their labels. */
const SPEC = Deno.readTextFileSync(
  new URL("../../compiler/samples/valid/conditional-acgan-small/input.gan", import.meta.url),
);

describe.skipIf(!gpu)("a class-conditional spec through gan train and gan sample", () => {
  test("accuracies logged, bit-exact resume, samples of a class match the reference, one grid row per class", async () => {
    const tmp = await Deno.makeTempDir();
    const spec = `${tmp}/cond-small.gan`;
    Deno.writeTextFileSync(spec, SPEC);
    expect(await quiet(() => train({ spec, steps: 6, out: `${tmp}/a` }))).toBe(0);
    expect(await quiet(() => train({ spec, steps: 3, out: `${tmp}/b` }))).toBe(0);
    expect(await quiet(() => train({ resume: `${tmp}/b/checkpoints/step-3.safetensors`, steps: 3 }))).toBe(0);
    const ckptPath = `${tmp}/a/checkpoints/step-6.safetensors`;
    const a = Deno.readFileSync(ckptPath);
    expect(Deno.readFileSync(`${tmp}/b/checkpoints/step-6.safetensors`)).toEqual(a);

    const lines = Deno.readTextFileSync(`${tmp}/a/metrics.jsonl`).trim().split("\n").map((l) => JSON.parse(l));
    for (const m of lines) {
      for (const k of ["acc_real", "acc_fake"]) {
        expect(m[k], `${k} at step ${m.step}`).toBeGreaterThanOrEqual(0);
        expect(m[k]).toBeLessThanOrEqual(1);
        // a batch of 16: an accuracy is a whole number of sixteenths
        expect(Number.isInteger(m[k] * 16)).toBe(true);
      }
    }
    const ckpt = decodeCheckpoint(a, "a");
    expect(ckpt.tensors.get("G.0.weight")?.length).toBe(10 * 4); // the embedding's table
    expect(ckpt.tensors.get("G.3.gamma")?.length).toBe(10 * 32); // a gamma per class

    // samples of class 3 from --z agree with the float64 reference on the checkpoint's weights
    const n = 4;
    const z = Float32Array.from({ length: n * 8 }, (_, i) => Math.sin(i));
    Deno.writeFileSync(`${tmp}/z.npy`, encodeNpy(z, [n, 8]));
    const sample = (k: number, out: string) =>
      quiet(() => sampleCommand({ checkpoint: ckptPath, z: `${tmp}/z.npy`, out, class: k }));
    expect(await sample(3, `${tmp}/x3.npy`)).toBe(0);
    expect(await sample(5, `${tmp}/x5.npy`)).toBe(0);
    const x3 = decodeNpy(Deno.readFileSync(`${tmp}/x3.npy`), "x3").data;
    const x5 = decodeNpy(Deno.readFileSync(`${tmp}/x5.npy`), "x5").data;
    const { spec: checked } = lowerSource(SPEC);
    const s = lowerSampler(checked!, n);
    const rows = new Float64Array(n * 9);
    for (let i = 0; i < n; i++) {
      rows.set(z.subarray(i * 8, (i + 1) * 8), i * 9);
      rows[i * 9 + 8] = 3;
    }
    const params = new Map([...ckpt.tensors].map(([k, v]) => [k, Float64Array.from(v)]));
    const want = evaluate([s.output], { params, inputs: new Map([["z", rows]]), seed: 0, step: 0 }).get(s.output)!;
    let worst = 0;
    for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(x3[i] - want[i]));
    expect(worst).toBeLessThan(1e-5);
    // the class changes the samples
    let moved = 0;
    for (let i = 0; i < x3.length; i++) moved = Math.max(moved, Math.abs(x3[i] - x5[i]));
    expect(moved).toBeGreaterThan(1e-3);

    // the default grid: ten rows (one per class) of eight, as the run's own samples
    expect(await quiet(() => sampleCommand({ checkpoint: ckptPath, out: `${tmp}/grid.png` }))).toBe(0);
    for (const png of [`${tmp}/grid.png`, `${tmp}/a/samples/step-6.png`]) {
      const img = decode(Deno.readFileSync(png));
      // 28-pixel cells at 2x with a 2-pixel gap (runtime/io/png.ts): rows and columns from the size
      const cells = (px: number) => Math.round((px - 2) / (2 * 28 + 2));
      expect([cells(img.height), cells(img.width)], png).toEqual([10, 8]);
    }
    await expect(quiet(() => sampleCommand({ checkpoint: ckptPath, out: `${tmp}/bad.png`, class: 10 }))).rejects
      .toThrow(/classes 0 to 9/);
    await Deno.remove(tmp, { recursive: true });
  });
});
