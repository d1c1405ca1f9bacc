// CIFAR-10's binary version (https://www.cs.toronto.edu/~kriz/cifar.html): a batch file is records of
// 1 label byte (0..9) and 3,072 pixel bytes, the 1,024 red values of the 32x32 image row by row, then
// the green, then the blue. That is already channel-first, so pixels are copied in order.
import { FormatError } from "../io/errors.ts";
import { count, type Dataset, LIMIT_TEXT, MAX_VALUES, readDataFile } from "./dataset.ts";
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
  const values = new Float32Array(n * PIXELS);
  const labels = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    const at = r * RECORD;
    if (bytes[at] > 9) fail(`record ${r} (byte ${count(at)}) has label ${bytes[at]}; CIFAR-10 labels are 0..9`);
    labels[r] = bytes[at];
    for (let i = 0; i < PIXELS; i++) values[r * PIXELS + i] = bytes[at + 1 + i] / 255;
  }
  return { values, n, shape: [3, 32, 32], labels };
}

export async function readCifar10(path: string): Promise<Dataset> {
  return decodeCifar10(await readDataFile(path), path);
}
