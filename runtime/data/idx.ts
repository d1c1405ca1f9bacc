// The IDX format of MNIST and Fashion-MNIST (http://yann.lecun.com/exdb/mnist/, "file formats"):
// bytes 0x00 0x00, a type code, the number of dimensions d, then d big-endian u32 sizes, then the
// values in row-major order, big-endian. The distributed files are gzipped; we read either form.
import { FormatError } from "../io/errors.ts";
import { byteDataset, count, type Dataset, LIMIT_TEXT, MAX_VALUES, readDataFile } from "./dataset.ts";
import { gunzip, isGzip } from "./gzip.ts";

interface ValueType {
  name: string;
  size: number;
  read(view: DataView, at: number): number;
}

const TYPES: Record<number, ValueType> = {
  0x08: { name: "unsigned byte", size: 1, read: (v, at) => v.getUint8(at) },
  0x09: { name: "signed byte", size: 1, read: (v, at) => v.getInt8(at) },
  0x0b: { name: "i16", size: 2, read: (v, at) => v.getInt16(at) },
  0x0c: { name: "i32", size: 4, read: (v, at) => v.getInt32(at) },
  0x0d: { name: "f32", size: 4, read: (v, at) => v.getFloat32(at) },
  0x0e: { name: "f64", size: 8, read: (v, at) => v.getFloat64(at) },
};

/** What an IDX file holds: images (3 dims: count, rows, cols; or 4: count, channels, rows, cols) or labels (1 dim). */
export type IdxContents = ({ kind: "images" } & Dataset) | { kind: "labels"; n: number; labels: Uint8Array };

const hex = (b: number) => `0x${b.toString(16).padStart(2, "0")}`;

/** The most bytes an IDX header takes: 4, then 4 per dimension (a dimension count is one byte). */
const HEADER_MAX = 4 + 4 * 255;

export function decodeIdx(raw: Uint8Array, source: string): IdxContents {
  if (!isGzip(raw)) return decodeBytes(raw, source, "");
  // Inflate the header first, then no more than the bytes it promises: a gzip bomb stops there.
  const head = gunzip(raw, source, HEADER_MAX);
  if (!head.over) return decodeBytes(head.bytes, source, " after gunzip");
  const { expected, described } = readHeader(head.bytes, source, " after gunzip");
  const all = gunzip(raw, source, expected);
  if (all.over) {
    throw new FormatError(
      source,
      `decompresses to more than the ${count(expected)} bytes that its header (${described}) describes; stopped there`,
    );
  }
  return decodeBytes(all.bytes, source, " after gunzip");
}

interface Header {
  type: ValueType;
  rank: number;
  headerSize: number;
  dims: number[];
  /** Values the header promises, and the bytes of the whole file: header and values. */
  total: number;
  expected: number;
  /** "50 x 28 x 28", for messages. */
  dimText: string;
  /** "50 x 28 x 28 unsigned byte", for messages. */
  described: string;
}

/** The header, checked alone: magic, type, dimensions, and the values it claims against MAX_VALUES. */
function readHeader(bytes: Uint8Array, source: string, after: string): Header {
  function fail(problem: string): never {
    throw new FormatError(source, problem);
  }
  if (bytes.length === 0) fail(`is empty${after}`);
  if (bytes.length < 4) {
    fail(`too short for an IDX file: ${bytes.length} bytes${after}, the header alone needs at least 8`);
  }
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    const magic = [...bytes.subarray(0, 4)].map(hex).join(" ");
    fail(`not an IDX file (magic ${magic}; an IDX file starts with 0x00 0x00, a type code and a dimension count)`);
  }
  const type = TYPES[bytes[2]] ?? fail(`unknown IDX type code ${hex(bytes[2])} (known: 0x08 0x09 0x0b 0x0c 0x0d 0x0e)`);
  const rank = bytes[3];
  if (rank === 0) fail("has 0 dimensions");
  const headerSize = 4 + 4 * rank;
  if (bytes.length < headerSize) {
    fail(`truncated: a header of ${rank} dimensions needs ${headerSize} bytes, found ${bytes.length}${after}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  const dimText = dims.map(count).join(" x ");
  if (rank === 2 || rank > 4) {
    fail(
      `has ${rank} dimensions (${dimText}); expected 1 (labels), 3 (count, rows, cols) or 4 (count, channels, rows, cols)`,
    );
  }
  if (dims.includes(0)) fail(`holds no values (dimensions ${dimText})`);
  const total = dims.reduce((a, b) => a * b, 1);
  if (total > MAX_VALUES) {
    fail(`its header claims ${dimText} = ${count(total)} values, over the data reader's limit of ${LIMIT_TEXT.values}`);
  }
  return {
    type,
    rank,
    headerSize,
    dims,
    total,
    expected: headerSize + total * type.size,
    dimText,
    described: `${dimText} ${type.name}`,
  };
}

function decodeBytes(bytes: Uint8Array, source: string, after: string): IdxContents {
  function fail(problem: string): never {
    throw new FormatError(source, problem);
  }
  const { type, rank, headerSize, dims, total, expected, dimText, described } = readHeader(bytes, source, after);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < expected) {
    fail(
      `truncated: ${dimText} values of type ${type.name} need ${count(expected)} bytes, found ${
        count(bytes.length)
      }${after}`,
    );
  }
  if (bytes.length > expected) {
    fail(
      `${count(bytes.length - expected)} trailing bytes after the ${
        count(expected)
      } that its header (${described}) describes`,
    );
  }
  const n = dims[0];
  const read = (i: number) => type.read(view, headerSize + i * type.size);

  if (rank === 1) {
    const labels = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const label = read(i);
      if (!Number.isInteger(label) || label < 0 || label > 255) {
        fail(`label ${i} is ${label}, not an integer in 0..255`);
      }
      labels[i] = label;
    }
    return { kind: "labels", n, labels };
  }

  const shape: [number, number, number] = rank === 3 ? [1, dims[1], dims[2]] : [dims[1], dims[2], dims[3]];
  if (bytes[2] === 0x08) {
    // (assigned, not spread: spreading would read `values`, making the floats this form avoids)
    return Object.assign(byteDataset(bytes.subarray(headerSize), n, shape), { kind: "images" as const });
  }
  const values = new Float32Array(total);
  if (bytes[2] === 0x0d || bytes[2] === 0x0e) {
    // Floats carry no scale of their own, so they must already be pixels in [0, 1].
    const perExample = total / n;
    for (let i = 0; i < total; i++) {
      const x = read(i);
      if (!(x >= 0 && x <= 1)) {
        fail(`example ${Math.floor(i / perExample)} holds ${x}; float images must lie in [0, 1]`);
      }
      values[i] = x;
    }
  } else {
    fail(
      `holds ${type.name} images, which have no defined pixel scale; store pixels as unsigned bytes (0x08) or floats in [0, 1] (0x0d, 0x0e)`,
    );
  }
  return { kind: "images", values, n, shape };
}

/**
 * Images from an IDX file, raw or gzipped, with their labels when a label file is given too (the two
 * must hold the same number of examples).
 */
export async function readIdx(path: string, labelsPath?: string): Promise<Dataset> {
  const images = decodeIdx(await readDataFile(path), path);
  if (images.kind !== "images") {
    throw new FormatError(path, `is an IDX label file (1 dimension, ${count(images.n)} labels), not images`);
  }
  const ds: Dataset = images;
  const n = ds.n;
  if (labelsPath === undefined) return ds;
  const labels = decodeIdx(await readDataFile(labelsPath), labelsPath);
  if (labels.kind !== "labels") {
    throw new FormatError(labelsPath, `holds images (${labels.shape.join("x")}), not labels (1 dimension)`);
  }
  if (labels.n !== n) {
    throw new FormatError(labelsPath, `holds ${count(labels.n)} labels for ${count(n)} images in ${path}`);
  }
  ds.labels = labels.labels;
  return ds;
}
