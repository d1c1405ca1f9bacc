// What every data reader returns, whatever the file format: the trainer needs only the values and
// their shape, so formats differ in their readers alone.
import { FormatError } from "../io/errors.ts";

export interface Dataset {
  /** n examples one after another, each channel-first (c planes of h rows of w), scaled to [0, 1]. */
  readonly values: Float32Array;
  n: number;
  /** One example's shape, [channels, height, width]. */
  shape: [number, number, number];
  /** One class label per example, where the format has them. */
  labels?: Uint8Array;
  /**
   * Formats that store bytes: one per value, values[i] = levels[bytes[i]]. Training uploads these (a
   * quarter of the floats' size); `values` is then computed from them on first use.
   */
  bytes?: Uint8Array;
  levels?: Float32Array;
}

/** What byte k stands for in most formats: k / 255 as float32. */
export const BYTE_LEVELS: Float32Array = Float32Array.from({ length: 256 }, (_, k) => k / 255);

/** A dataset of bytes; its float values are made (and kept) the first time something reads them. */
export function byteDataset(
  bytes: Uint8Array,
  n: number,
  shape: [number, number, number],
  labels?: Uint8Array,
  levels: Float32Array = BYTE_LEVELS,
): Dataset {
  let values: Float32Array | undefined;
  return {
    get values() {
      if (!values) {
        values = new Float32Array(bytes.length);
        for (let i = 0; i < bytes.length; i++) values[i] = levels[bytes[i]];
      }
      return values;
    },
    n,
    shape,
    bytes,
    levels,
    ...(labels ? { labels } : {}),
  };
}

/**
 * The same examples as bytes, where that loses nothing: every value v is levels[round(255 v)] for one
 * table of 256 levels (pixels stored as k/255, rounded or not). Undefined when the values are not so.
 */
export function asBytes(ds: Dataset): Dataset | undefined {
  if (ds.bytes) return ds;
  const v = ds.values;
  const levels = new Float32Array(256).fill(NaN);
  const bytes = new Uint8Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    const k = Math.round(x * 255);
    if (!(k >= 0 && k <= 255)) return undefined;
    if (levels[k] !== x) {
      if (!Number.isNaN(levels[k])) return undefined;
      levels[k] = x;
    }
    bytes[i] = k;
  }
  for (let k = 0; k < 256; k++) if (Number.isNaN(levels[k])) levels[k] = k / 255; // unused levels
  return byteDataset(bytes, ds.n, ds.shape, ds.labels, levels);
}

/**
 * Examples begin..end-1 of a dataset. The result shares memory with `ds` (subarray views), so taking a
 * split of a large set costs nothing; neither must be written to.
 */
export function splitDataset(ds: Dataset, [begin, end]: readonly [number, number]): Dataset {
  if (!Number.isInteger(begin) || !Number.isInteger(end) || begin < 0 || end < begin || end > ds.n) {
    throw new RangeError(`split [${begin}, ${end}) is not inside a dataset of ${ds.n} examples`);
  }
  const size = ds.shape[0] * ds.shape[1] * ds.shape[2];
  const labels = ds.labels?.subarray(begin, end);
  if (ds.bytes) {
    return byteDataset(ds.bytes.subarray(begin * size, end * size), end - begin, ds.shape, labels, ds.levels);
  }
  const split: Dataset = { values: ds.values.subarray(begin * size, end * size), n: end - begin, shape: ds.shape };
  if (labels) split.labels = labels;
  return split;
}

/** Counts in messages, with thousands separators: "47,040,016 bytes". */
export const count = (x: number): string => x.toLocaleString("en-US");

/**
 * The most values one data file may hold: 2^28 (1 GiB as float32, about 340,000 MNIST digits or 87,000
 * CIFAR-10 images). The whole set is held in memory and on the device, so a file claiming more is refused
 * before anything is allocated for it.
 */
export const MAX_VALUES = 2 ** 28;

/** The largest data file read at all: 2 GiB (MAX_VALUES of f64 is the largest a format stores them in). */
export const MAX_FILE_BYTES = 2 ** 31;

/** The limits as messages state them. */
export const LIMIT_TEXT = {
  values: `${count(MAX_VALUES)} values (1 GiB as float32)`,
  file: `2 GiB (${count(MAX_FILE_BYTES)} bytes)`,
};

/**
 * Reads a user's data file, which must be a regular file of at most MAX_FILE_BYTES: never a device or a
 * pipe (/dev/zero would never end), and never more bytes than the limit even if the file grows while it
 * is read. A path that leads nowhere is the user's mistake, so every refusal is a FormatError.
 */
export async function readDataFile(path: string): Promise<Uint8Array> {
  let file: Deno.FsFile | undefined;
  try {
    const info = await Deno.stat(path);
    if (info.isDirectory) throw new FormatError(path, "is a folder, not a data file");
    if (!info.isFile) {
      throw new FormatError(path, "is not a regular file (a device, pipe or socket); give a data file");
    }
    if (info.size > MAX_FILE_BYTES) {
      throw new FormatError(path, `is ${count(info.size)} bytes, over the data reader's limit of ${LIMIT_TEXT.file}`);
    }
    file = await Deno.open(path, { read: true });
    return await readBounded(file, path, info.size);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) throw new FormatError(path, "no such file");
    if (e instanceof Deno.errors.IsADirectory) throw new FormatError(path, "is a folder, not a data file");
    if (e instanceof Deno.errors.PermissionDenied) throw new FormatError(path, "cannot be read (permission denied)");
    throw e;
  } finally {
    file?.close();
  }
}

/** A file's bytes, expected to be `size` of them (what stat said), refusing more than MAX_FILE_BYTES. */
async function readBounded(file: Deno.FsFile, path: string, size: number): Promise<Uint8Array> {
  let buf = new Uint8Array(Math.max(size, 65536));
  let at = 0;
  for (;;) {
    if (at === buf.length) {
      if (at > MAX_FILE_BYTES) {
        throw new FormatError(path, `holds more than the data reader's limit of ${LIMIT_TEXT.file}`);
      }
      const grown = new Uint8Array(Math.min(2 * buf.length, MAX_FILE_BYTES + 1));
      grown.set(buf);
      buf = grown;
    }
    const got = await file.read(buf.subarray(at));
    if (got === null) return buf.subarray(0, at);
    at += got;
  }
}

export { featureMeans } from "../../compiler/shared.ts";
