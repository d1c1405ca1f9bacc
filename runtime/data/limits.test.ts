// Item 5 of the hostile round: a data reader reads no more than the file's header promises and no more
// than a stated limit, never an endless device file, and refuses a gzip bomb after its header, not after
// gigabytes.
import { describe, expect, test } from "vitest";
import { decodeCifar10 } from "./cifar10.ts";
import { LIMIT_TEXT, MAX_FILE_BYTES, MAX_VALUES, readDataFile } from "./dataset.ts";
import { decodeIdx, readIdx } from "./idx.ts";
import { formatError, gzipBomb } from "./testing.ts";

const F = "bomb.idx3-ubyte.gz";

/** Runs f, returning how long it took and how much the process's resident memory grew (MB). */
async function cost(f: () => unknown): Promise<{ seconds: number; grewMB: number }> {
  const rss = Deno.memoryUsage().rss;
  const t = performance.now();
  await f();
  return { seconds: (performance.now() - t) / 1000, grewMB: (Deno.memoryUsage().rss - rss) / 2 ** 20 };
}

describe("data readers are bounded", () => {
  test("a device file (/dev/zero) or a pipe is refused at once, without reading it", async () => {
    await formatError(() => readIdx("/dev/zero"), "/dev/zero", "is not a regular file (a device, pipe or socket)");
    const dir = await Deno.makeTempDir();
    try {
      const fifo = `${dir}/fifo`;
      await new Deno.Command("mkfifo", { args: [fifo] }).output();
      // opening a pipe with no writer would block for ever; it is refused by its kind first
      await formatError(() => readDataFile(fifo), fifo, "is not a regular file");
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });

  test("a file over the limit is refused by its size before it is read", async () => {
    const dir = await Deno.makeTempDir();
    try {
      const big = `${dir}/big.idx`;
      await Deno.writeFile(big, new Uint8Array(0));
      await Deno.truncate(big, MAX_FILE_BYTES + 1); // sparse: no disk is used
      const { seconds, grewMB } = await cost(() =>
        formatError(
          () => readIdx(big),
          big,
          `is 2,147,483,649 bytes, over the data reader's limit of ${LIMIT_TEXT.file}`,
        )
      );
      expect(seconds).toBeLessThan(1);
      expect(grewMB).toBeLessThan(100);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });

  test("a gzip bomb is refused once it inflates past what its header describes (1 GiB of zeros, 1 MB file)", async () => {
    const bomb = gzipBomb(100, 100, 2 ** 30);
    expect(bomb.length).toBeLessThan(2 ** 21);
    const { seconds, grewMB } = await cost(() =>
      formatError(
        () => decodeIdx(bomb, F),
        F,
        "decompresses to more than the 78,416 bytes that its header (100 x 28 x 28 unsigned byte) describes; stopped there",
      )
    );
    // it stops within one 64 KB piece of compressed input (at most 64 MiB inflated), not after 1 GiB
    expect(seconds).toBeLessThan(2);
    expect(grewMB).toBeLessThan(300);
  });

  test("a header claiming more values than the limit is refused before anything is inflated or allocated", async () => {
    // 1.3 million 28x28 images claimed: 1,019,200,000 values
    const bomb = gzipBomb(1, 1_300_000, 2 ** 24);
    const { seconds } = await cost(() =>
      formatError(
        () => decodeIdx(bomb, F),
        F,
        `its header claims 1,300,000 x 28 x 28 = 1,019,200,000 values, over the data reader's limit of ${LIMIT_TEXT.values}`,
      )
    );
    expect(seconds).toBeLessThan(1);
    // the same claim in a plain file: the header is read before any values are
    const plain = new Uint8Array(16);
    new DataView(plain.buffer).setUint32(0, 0x803), new DataView(plain.buffer).setUint32(4, 1_300_000);
    new DataView(plain.buffer).setUint32(8, 28), new DataView(plain.buffer).setUint32(12, 28);
    await formatError(() => decodeIdx(plain, F), F, "over the data reader's limit of 268,435,456 values");
  });

  test("a gzipped file within its header's promise still reads (the cap is exact)", () => {
    const ok = gzipBomb(3, 3, 0);
    const got = decodeIdx(ok, F);
    expect(got.kind === "images" && [got.n, got.shape]).toEqual([3, [1, 28, 28]]);
  });

  test("CIFAR-10: more records than the limit holds are refused before the values are made", async () => {
    const records = Math.floor(MAX_VALUES / 3072) + 1;
    const bytes = new Uint8Array(records * 3073);
    await formatError(
      () => decodeCifar10(bytes, "huge.bin"),
      "huge.bin",
      `87,382 records hold 268,437,504 values, over the data reader's limit of ${LIMIT_TEXT.values}`,
    );
  });
});
