import { gzipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { decodeCifar10, readCifar10 } from "./cifar10.ts";
import { formatError } from "./testing.ts";

// The byte of record r, channel c (0 red, 1 green, 2 blue), row y, column x in our generated file.
const pixel = (r: number, c: number, y: number, x: number) => (r * 71 + c * 85 + y * 7 + x * 3) % 256;

/** Records exactly as CIFAR-10's binary batches lay them out: a label byte, then the R, G, B planes. */
function batch(labels: number[]): Uint8Array {
  const out = new Uint8Array(labels.length * 3073);
  labels.forEach((label, r) => {
    out[r * 3073] = label;
    for (let c = 0; c < 3; c++) {
      for (let y = 0; y < 32; y++) {
        for (let x = 0; x < 32; x++) out[r * 3073 + 1 + c * 1024 + y * 32 + x] = pixel(r, c, y, x);
      }
    }
  });
  return out;
}

const F = "data_batch_1.bin";

describe("CIFAR-10 binary batches", () => {
  test("three records decode to their labels and channel-first pixels scaled to [0, 1]", () => {
    const bytes = batch([6, 0, 9]);
    const ds = decodeCifar10(bytes, F);
    expect([ds.n, ds.shape, ds.values.length, ds.labels]).toEqual([3, [3, 32, 32], 3 * 3072, Uint8Array.of(6, 0, 9)]);
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) {
        for (let y = 0; y < 32; y++) {
          for (let x = 0; x < 32; x++) {
            const got = ds.values[r * 3072 + c * 1024 + y * 32 + x];
            if (got !== Math.fround(pixel(r, c, y, x) / 255)) {
              expect({ r, c, y, x, got }).toEqual({ r, c, y, x, got: pixel(r, c, y, x) / 255 });
            }
          }
        }
      }
    }
    // Spot checks by hand: record 1's green plane starts 1 + 1024 bytes after its label; its blue
    // plane's last value is the record's last byte.
    expect(ds.values[3072 + 1024] * 255).toBeCloseTo(bytes[3073 + 1 + 1024], 4);
    expect(ds.values[2 * 3072 + 3071] * 255).toBeCloseTo(bytes[3 * 3073 - 1], 4);
    expect(ds.values[2 * 3072 + 2 * 1024 + 31 * 32 + 31]).toBe(Math.fround(pixel(2, 2, 31, 31) / 255));
  });

  test("readCifar10 reads a file; a missing one is a FormatError", async () => {
    const dir = await Deno.makeTempDir();
    try {
      await Deno.writeFile(`${dir}/b.bin`, batch([1, 2]));
      const ds = await readCifar10(`${dir}/b.bin`);
      expect([ds.n, ds.labels]).toEqual([2, Uint8Array.of(1, 2)]);
      await formatError(() => readCifar10(`${dir}/none.bin`), `${dir}/none.bin`, "no such file");
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });

  test("bad sizes and labels are refused with the numbers that explain them", async () => {
    await formatError(() => decodeCifar10(new Uint8Array(0), F), F, "is empty");
    await formatError(
      () => decodeCifar10(new Uint8Array(100), F),
      F,
      "100 bytes are not whole records: 0 records leave 100 bytes over (a CIFAR-10 batch file holds 10,000 records of 3,073 bytes",
    );
    await formatError(
      () => decodeCifar10(batch([1, 2]).subarray(0, 6100), F),
      F,
      "6,100 bytes are not whole records: 1 records leave 3,027 bytes over",
    );
    await formatError(() => decodeCifar10(new Uint8Array([...batch([1, 2]), 5]), F), F, "2 records leave 1 bytes over");
    await formatError(
      () => decodeCifar10(new Uint8Array(3 * 3074), F),
      F,
      "whole records of 3,074 bytes, not 3,073: a CIFAR-100 file",
    );
    await formatError(
      () => decodeCifar10(batch([1, 2, 10]), F),
      F,
      "record 2 (byte 6,146) has label 10; CIFAR-10 labels are 0..9",
    );
    await formatError(() => decodeCifar10(batch([255]), F), F, "record 0 (byte 0) has label 255");
  });

  test("archives and the python version are named, not misread", async () => {
    await formatError(() => decodeCifar10(gzipSync(batch([1])), F), F, "is gzip-compressed");
    const tar = new Uint8Array(3073 * 2);
    tar.set(new TextEncoder().encode("cifar-10-batches-bin/data_batch_1.bin"));
    tar.set(new TextEncoder().encode("ustar"), 257);
    await formatError(() => decodeCifar10(tar, F), F, "is a tar archive");
    await formatError(() => decodeCifar10(Uint8Array.of(0x80, 0x02, 0x7d), F), F, "looks like a Python pickle");
  });
});
