// CIFAR-10's binary version (https://www.cs.toronto.edu/~kriz/cifar.html): a batch file is records of
// 1 label byte (0..9) and 3,072 pixel bytes, the 1,024 red values of the 32x32 image row by row, then
// the green, then the blue. That is already channel-first, so pixels are copied in order.
import { FormatError } from "../io/errors.ts";
import { byteDataset, count, type Dataset, LIMIT_TEXT, MAX_VALUES, readDataFile } from "./dataset.ts";
import { isGzip } from "./gzip.ts";

const PIXELS = 3 * 32 * 32;
const RECORD = 1 + PIXELS;

export function decodeCifar10(bytes: Uint8Array, source: string): Dataset {
  function fail(problem: string): never {
    throw new FormatError(source, problem);
  }
  if (bytes.length === 0) fail("is empty");
  // Label bytes are 0..9, so a file that starts otherwise is no batch file: say what it is when we can.
  if (bytes[0] > 9) {
    if (isGzip(bytes)) {
      fail(
        "is gzip-compressed (the cifar-10-binary.tar.gz download?): extract it and give one of its data_batch_N.bin files",
      );
    }
    if (bytes.length > 262 && String.fromCharCode(...bytes.subarray(257, 262)) === "ustar") {
      fail("is a tar archive: extract it and give one of its data_batch_N.bin files");
    }
    if (bytes[0] === 0x80) {
      fail(
        "looks like a Python pickle (CIFAR-10's python version); give a file of the binary version, data_batch_N.bin",
      );
    }
  }
  const leftover = bytes.length % RECORD;
  if (leftover !== 0 && bytes.length % (RECORD + 1) === 0) {
    fail(
      `${
        count(bytes.length)
      } bytes are whole records of 3,074 bytes, not 3,073: a CIFAR-100 file (2 label bytes per record)? This reader takes CIFAR-10`,
    );
  }
  if (leftover !== 0) {
    fail(
      `${count(bytes.length)} bytes are not whole records: ${count(Math.floor(bytes.length / RECORD))} records leave ${
        count(leftover)
      } bytes over` +
        " (a CIFAR-10 batch file holds 10,000 records of 3,073 bytes: 1 label byte, 3,072 pixel bytes)",
    );
  }
  const n = bytes.length / RECORD;
  if (n * PIXELS > MAX_VALUES) {
    fail(`${count(n)} records hold ${count(n * PIXELS)} values, over the data reader's limit of ${LIMIT_TEXT.values}`);
  }
  const pixels = new Uint8Array(n * PIXELS);
  const labels = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    const at = r * RECORD;
    if (bytes[at] > 9) fail(`record ${r} (byte ${count(at)}) has label ${bytes[at]}; CIFAR-10 labels are 0..9`);
    labels[r] = bytes[at];
    pixels.set(bytes.subarray(at + 1, at + RECORD), r * PIXELS);
  }
  return byteDataset(pixels, n, [3, 32, 32], labels);
}

/** The training batches of the binary version's folder (cifar-10-batches-bin), in order. */
export const CIFAR10_TRAIN_FILES = [1, 2, 3, 4, 5].map((i) => `data_batch_${i}.bin`);
export const CIFAR10_TEST_FILE = "test_batch.bin";

/**
 * CIFAR-10's training set: one batch file, or a folder holding all five training batches (50,000
 * images, 150 MB as bytes), joined in order.
 */
export async function readCifar10(path: string): Promise<Dataset> {
  const folder = await isFolder(path);
  if (!folder) return decodeCifar10(await readDataFile(path), path);
  const names = new Set<string>();
  for await (const e of Deno.readDir(path)) names.add(e.name);
  const missing = CIFAR10_TRAIN_FILES.filter((f) => !names.has(f));
  if (missing.length) {
    throw new FormatError(
      path,
      `is a folder without ${
        missing.join(", ")
      }: give the cifar-10-batches-bin folder (data_batch_1.bin to data_batch_5.bin), or one batch file`,
    );
  }
  // sized from the files' lengths, then filled one file at a time: one batch's bytes extra at most
  const sizes = await Promise.all(CIFAR10_TRAIN_FILES.map((f) => Deno.stat(`${path}/${f}`).then((i) => i.size)));
  const n = sizes.reduce((s, b) => s + Math.floor(b / RECORD), 0);
  if (n * PIXELS > MAX_VALUES) {
    fail(path, `${count(n)} images are over the data reader's limit of ${LIMIT_TEXT.values}`);
  }
  const pixels = new Uint8Array(n * PIXELS);
  const labels = new Uint8Array(n);
  let at = 0;
  for (const f of CIFAR10_TRAIN_FILES) {
    const p = decodeCifar10(await readDataFile(`${path}/${f}`), `${path}/${f}`);
    if (at + p.n > n) fail(`${path}/${f}`, "grew while it was read");
    pixels.set(p.bytes!, at * PIXELS);
    labels.set(p.labels!, at);
    at += p.n;
  }
  return byteDataset(pixels.subarray(0, at * PIXELS), at, [3, 32, 32], labels.subarray(0, at));
}

/** The held-out test batch where `path` is the folder (test_batch.bin); undefined for a single file. */
export async function readCifar10Test(path: string): Promise<Dataset | undefined> {
  if (!(await isFolder(path))) return undefined;
  const file = `${path}/${CIFAR10_TEST_FILE}`;
  return decodeCifar10(await readDataFile(file), file);
}

function fail(source: string, problem: string): never {
  throw new FormatError(source, problem);
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isDirectory;
  } catch {
    return false; // readDataFile says why it cannot be read
  }
}
