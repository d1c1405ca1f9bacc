import { gzipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { decodeIdx, readIdx } from "./idx.ts";
import { formatError } from "./testing.ts";

const TYPE_CODES = { u8: 0x08, i8: 0x09, i16: 0x0b, i32: 0x0c, f32: 0x0d, f64: 0x0e } as const;
const SIZES = { u8: 1, i8: 1, i16: 2, i32: 4, f32: 4, f64: 8 } as const;

/** An IDX file as the format defines it: magic, type, rank, big-endian u32 dims, big-endian values. */
function idx(type: keyof typeof TYPE_CODES, dims: number[], values: number[]): Uint8Array {
  const header = 4 + 4 * dims.length;
  const out = new Uint8Array(header + values.length * SIZES[type]);
  const view = new DataView(out.buffer);
  out.set([0, 0, TYPE_CODES[type], dims.length]);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  values.forEach((x, i) => {
    const at = header + i * SIZES[type];
    ({
      u8: () => view.setUint8(at, x),
      i8: () => view.setInt8(at, x),
      i16: () => view.setInt16(at, x),
      i32: () => view.setInt32(at, x),
      f32: () => view.setFloat32(at, x),
      f64: () => view.setFloat64(at, x),
    })[type]();
  });
  return out;
}

// Two 2x3 images whose pixels are 0, 10, ..., 110; the labels 7 and 3.
const pixels = Array.from({ length: 12 }, (_, i) => 10 * i);
const images = idx("u8", [2, 2, 3], pixels);
const labels = idx("u8", [2], [7, 3]);

const F = "f.idx";

describe("IDX: decoding", () => {
  test("unsigned byte images: shape [1, rows, cols], pixels scaled by 1/255, examples in order", () => {
    const d = decodeIdx(images, F);
    expect(d.kind).toBe("images");
    if (d.kind !== "images") return;
    expect([d.n, d.shape]).toEqual([2, [1, 2, 3]]);
    expect(Array.from(d.values)).toEqual(pixels.map((p) => Math.fround(p / 255)));
  });

  test("4 dimensions are (count, channels, rows, cols)", () => {
    const d = decodeIdx(idx("u8", [1, 3, 2, 2], Array.from({ length: 12 }, (_, i) => i)), F);
    expect(d.kind === "images" && [d.n, d.shape, d.values[4]]).toEqual([1, [3, 2, 2], Math.fround(4 / 255)]);
  });

  test("label files: u8 and wider integer types", () => {
    expect(decodeIdx(labels, F)).toEqual({ kind: "labels", n: 2, labels: Uint8Array.of(7, 3) });
    expect(decodeIdx(idx("i32", [3], [0, 9, 255]), F)).toEqual({
      kind: "labels",
      n: 3,
      labels: Uint8Array.of(0, 9, 255),
    });
    expect(decodeIdx(idx("i16", [1], [4]), F)).toEqual({ kind: "labels", n: 1, labels: Uint8Array.of(4) });
  });

  test("big-endian float images in [0, 1] are taken as they are", () => {
    for (const type of ["f32", "f64"] as const) {
      const d = decodeIdx(idx(type, [1, 1, 3], [0, 0.25, 1]), F);
      expect(d.kind === "images" && Array.from(d.values)).toEqual([0, 0.25, 1]);
    }
  });

  test("gzipped files (one member, or several as `cat a.gz b.gz` makes) decode to the same", () => {
    const plain = decodeIdx(images, F);
    expect(decodeIdx(gzipSync(images), F)).toEqual(plain);
    const twoMembers = new Uint8Array([...gzipSync(images.subarray(0, 9)), ...gzipSync(images.subarray(9))]);
    expect(decodeIdx(twoMembers, F)).toEqual(plain);
    expect(decodeIdx(gzipSync(labels), F)).toEqual(decodeIdx(labels, F));
  });
});

describe("IDX: every bad file is one FormatError that names the problem", () => {
  test("empty, too short, wrong magic, unknown type", async () => {
    await formatError(() => decodeIdx(new Uint8Array(0), F), F, "is empty");
    await formatError(() => decodeIdx(Uint8Array.of(0, 0, 8), F), F, "too short for an IDX file: 3 bytes");
    await formatError(
      () => decodeIdx(new TextEncoder().encode("PK\x03\x04 a zip file"), F),
      F,
      "not an IDX file (magic 0x50 0x4b 0x03 0x04;",
    );
    await formatError(
      () => decodeIdx(Uint8Array.of(0, 1, 8, 1, 0, 0, 0, 1, 5), F),
      F,
      "not an IDX file (magic 0x00 0x01 0x08 0x01;",
    );
    await formatError(() => decodeIdx(Uint8Array.of(0, 0, 0x0a, 1, 0, 0, 0, 1, 5), F), F, "unknown IDX type code 0x0a");
  });

  test("dimension counts: 0, 2 and 5 are refused, as is a zero size", async () => {
    await formatError(() => decodeIdx(Uint8Array.of(0, 0, 8, 0), F), F, "has 0 dimensions");
    await formatError(
      () => decodeIdx(idx("u8", [2, 784], Array(1568).fill(0)), F),
      F,
      "has 2 dimensions (2 x 784); expected 1 (labels), 3",
    );
    await formatError(() => decodeIdx(idx("u8", [1, 1, 1, 1, 2], [0, 0]), F), F, "has 5 dimensions");
    await formatError(() => decodeIdx(idx("u8", [0, 28, 28], []), F), F, "holds no values (dimensions 0 x 28 x 28)");
    await formatError(() => decodeIdx(idx("u8", [5, 0, 28], []), F), F, "holds no values");
  });

  test("truncation anywhere: in the header, in the dims, in the values", async () => {
    await formatError(
      () => decodeIdx(images.subarray(0, 9), F),
      F,
      "truncated: a header of 3 dimensions needs 16 bytes, found 9",
    );
    await formatError(
      () => decodeIdx(images.subarray(0, 15), F),
      F,
      "truncated: a header of 3 dimensions needs 16 bytes, found 15",
    );
    await formatError(
      () => decodeIdx(images.subarray(0, 16), F),
      F,
      "truncated: 2 x 2 x 3 values of type unsigned byte need 28 bytes, found 16",
    );
    await formatError(() => decodeIdx(images.subarray(0, 27), F), F, "need 28 bytes, found 27");
    const big = idx("u8", [60_000, 28, 28], []);
    await formatError(
      () => decodeIdx(big, F),
      F,
      "truncated: 60,000 x 28 x 28 values of type unsigned byte need 47,040,016 bytes, found 16",
    );
    await formatError(
      () => decodeIdx(idx("f64", [2], [1, 2]).subarray(0, 20), F),
      F,
      "2 values of type f64 need 24 bytes, found 20",
    );
  });

  test("trailing bytes", async () => {
    await formatError(
      () => decodeIdx(new Uint8Array([...images, 1, 2, 3]), F),
      F,
      "3 trailing bytes after the 28 that its header (2 x 2 x 3 unsigned byte) describes",
    );
  });

  test("values the format allows but a dataset cannot use", async () => {
    await formatError(() => decodeIdx(idx("i16", [2], [3, 300]), F), F, "label 1 is 300, not an integer in 0..255");
    await formatError(() => decodeIdx(idx("i8", [1], [-1]), F), F, "label 0 is -1");
    await formatError(() => decodeIdx(idx("f32", [1], [1.5]), F), F, "label 0 is 1.5");
    await formatError(
      () => decodeIdx(idx("f32", [2, 1, 2], [0, 1, 0.5, 2]), F),
      F,
      "example 1 holds 2; float images must lie in [0, 1]",
    );
    await formatError(() => decodeIdx(idx("f64", [1, 1, 1], [NaN]), F), F, "example 0 holds NaN");
    await formatError(
      () => decodeIdx(idx("i16", [1, 1, 2], [0, 1]), F),
      F,
      "holds i16 images, which have no defined pixel scale",
    );
  });

  test("gzip: truncated at several points, damaged, or with junk after it", async () => {
    const gz = gzipSync(idx("u8", [50, 28, 28], Array.from({ length: 50 * 784 }, (_, i) => (i * 31) % 256)));
    for (const cut of [2, 9, 10, 30, gz.length >> 1, gz.length - 8, gz.length - 5, gz.length - 1]) {
      await formatError(() => decodeIdx(gz.subarray(0, cut), F), F, /^corrupt gzip data: /);
    }
    const crc = gz.slice();
    crc[gz.length - 7] ^= 0x01;
    await formatError(() => decodeIdx(crc, F), F, "corrupt gzip data: the data does not match its CRC-32 checksum");
    const size = gz.slice();
    size[gz.length - 3] ^= 0x01; // the length field: fflate alone returns too few bytes here
    await formatError(() => decodeIdx(size, F), F, /^corrupt gzip data: /);
    const body = gz.slice();
    body[gz.length >> 1] ^= 0x10;
    await formatError(() => decodeIdx(body, F), F, /^corrupt gzip data: /);
    await formatError(() => decodeIdx(new Uint8Array([...gz, 1, 2, 3]), F), F, /^corrupt gzip data: /);
    await formatError(() => decodeIdx(new Uint8Array([...gz, ...new Uint8Array(40)]), F), F, /^corrupt gzip data: /);
  });

  test("a sound gzip around a bad IDX file says the sizes are after gunzip", async () => {
    await formatError(() => decodeIdx(gzipSync(images.subarray(0, 20)), F), F, "need 28 bytes, found 20 after gunzip");
  });
});

describe("IDX: readIdx", () => {
  test("reads images, with or without their labels; refuses swapped or mismatched files", async () => {
    const dir = await Deno.makeTempDir();
    try {
      const [img, lab, lab3] = [`${dir}/images.idx3-ubyte.gz`, `${dir}/labels.idx1-ubyte`, `${dir}/three-labels`];
      await Deno.writeFile(img, gzipSync(images));
      await Deno.writeFile(lab, labels);
      await Deno.writeFile(lab3, idx("u8", [3], [1, 2, 3]));
      const d = await readIdx(img);
      expect([d.n, d.shape, d.labels]).toEqual([2, [1, 2, 3], undefined]);
      expect((await readIdx(img, lab)).labels).toEqual(Uint8Array.of(7, 3));
      await formatError(() => readIdx(lab), lab, "is an IDX label file (1 dimension, 2 labels), not images");
      await formatError(() => readIdx(img, img), img, "holds images (1x2x3), not labels");
      await formatError(() => readIdx(img, lab3), lab3, `holds 3 labels for 2 images in ${img}`);
      await formatError(() => readIdx(`${dir}/missing.idx`), `${dir}/missing.idx`, "no such file");
      await formatError(() => readIdx(dir), dir, "is a folder, not a data file");
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });
});

// Debian's dataset-fashion-mnist (`apt-get install dataset-fashion-mnist`) puts the four gzipped IDX
// files here. Without it the test is skipped, and says why.
const FASHION = "/usr/share/datasets/fashion-mnist";
const haveFashion = await Deno.stat(`${FASHION}/train-images-idx3-ubyte.gz`).then(() => true, () => false);
if (!haveFashion) {
  console.warn(
    `skipping the Fashion-MNIST test: ${FASHION} is missing (Debian package dataset-fashion-mnist is not installed)`,
  );
}

describe("IDX: real files", () => {
  test.skipIf(!haveFashion)("Debian's Fashion-MNIST: 60,000 28x28 training images, 6,000 of each class", async () => {
    const train = await readIdx(`${FASHION}/train-images-idx3-ubyte.gz`, `${FASHION}/train-labels-idx1-ubyte.gz`);
    expect([train.n, train.shape, train.values.length]).toEqual([60_000, [1, 28, 28], 60_000 * 784]);
    expect(train.labels!.reduce((c, l) => (c[l]++, c), Array(10).fill(0))).toEqual(Array(10).fill(6000));
    let [lo, hi] = [Infinity, -Infinity];
    for (const x of train.values) {
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    expect([lo, hi]).toEqual([0, 1]);
    const test = await readIdx(`${FASHION}/t10k-images-idx3-ubyte.gz`, `${FASHION}/t10k-labels-idx1-ubyte.gz`);
    expect([test.n, test.shape]).toEqual([10_000, [1, 28, 28]]);
  });
});
