// What every data reader returns, whatever the file format: the trainer needs only the values and
// their shape, so formats differ in their readers alone.
import { FormatError } from "../io/errors.ts";

export interface Dataset {
  /** n examples one after another, each channel-first (c planes of h rows of w), scaled to [0, 1]. */
  values: Float32Array;
  n: number;
  /** One example's shape, [channels, height, width]. */
  shape: [number, number, number];
  /** One class label per example, where the format has them. */
  labels?: Uint8Array;
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
  const split: Dataset = { values: ds.values.subarray(begin * size, end * size), n: end - begin, shape: ds.shape };
  if (ds.labels) split.labels = ds.labels.subarray(begin, end);
  return split;
}

/** Reads a user's data file; a path that leads nowhere is the user's mistake, so it is a FormatError. */
export async function readDataFile(path: string): Promise<Uint8Array> {
  try {
    return await Deno.readFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) throw new FormatError(path, "no such file");
    if (e instanceof Deno.errors.IsADirectory) throw new FormatError(path, "is a folder, not a data file");
    if (e instanceof Deno.errors.PermissionDenied) throw new FormatError(path, "cannot be read (permission denied)");
    throw e;
  }
}

/** Counts in messages, with thousands separators: "47,040,016 bytes". */
export const count = (x: number): string => x.toLocaleString("en-US");

export { featureMeans } from "../../compiler/shared.ts";
