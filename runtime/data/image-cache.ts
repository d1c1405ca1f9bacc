// The decoded images of a folder, as one file (all integers u32 little-endian):
//
//   "GANIMG01"  n  train  c  h  w  classes  L  <L bytes of UTF-8 JSON>  <n rows of c*h*w bytes>  [n labels]
//
// The JSON is {classes, skipped: [{path, why}], files}: class names, the files that could not be read
// (reported again each time the cache is used) and how many files the folder offered. Rows 0..train-1
// are the training examples, the rest the held-out ones, each row channel-first bytes; the label bytes
// are present when `classes` > 0. A cache is trusted only when every field agrees with what the folder
// listing expects and the file's size is exactly what the header implies; otherwise it is rebuilt.
import { isAbandoned } from "../io/atomic.ts";
import { naming } from "../io/errors.ts";

/** Part of the cache name's hash: bump it when decoding or resampling changes the bytes a file gives. */
export const CACHE_VERSION = 1;

const MAGIC = "GANIMG01";
const FIXED = 36; // magic, 7 u32 fields and the JSON length
/** More JSON than a million skipped files' reasons is a damaged header, not a cache. */
const MAX_JSON_BYTES = 2 ** 28;

/** What the folder's listing says a cache must hold. */
export interface CacheExpect {
  shape: [number, number, number];
  /** [] when unlabelled. */
  classes: string[];
  /** How many image files the folder offers. */
  files: number;
}

export interface CacheHeader extends CacheExpect {
  n: number;
  train: number;
  /** Paths relative to the folder. */
  skipped: { path: string; why: string }[];
}

/** One decoded example, or why its file was skipped; in file order, held-out ones marked. */
export type Decoded =
  | { row: Uint8Array; label: number; heldOut: boolean }
  | { skipped: string; why: string };

export interface OpenCache {
  header: CacheHeader;
  file: Deno.FsFile;
  dataStart: number;
  labels?: Uint8Array;
}

/**
 * The cache at `path` when it is whole and matches `expect` (shape, classes, number of files), with its
 * file left open for reading rows. Undefined when there is none; a damaged one is removed.
 */
export async function openCache(path: string, expect: CacheExpect): Promise<OpenCache | undefined> {
  let file: Deno.FsFile;
  try {
    file = await Deno.open(path, { read: true });
  } catch {
    return undefined; // missing, or unreadable: building it again replaces it or says why it cannot
  }
  try {
    const opened = await readHeader(file, expect);
    if (opened) return opened;
  } catch {
    // a read error is a damaged cache like any other
  }
  file.close();
  await Deno.remove(path).catch(() => {});
  return undefined;
}

async function readHeader(file: Deno.FsFile, expect: CacheExpect): Promise<OpenCache | undefined> {
  const fixed = await readExact(file, FIXED);
  if (!fixed || new TextDecoder().decode(fixed.subarray(0, 8)) !== MAGIC) return undefined;
  const view = new DataView(fixed.buffer);
  const [n, train, c, h, w, classCount, jsonBytes] = [0, 1, 2, 3, 4, 5, 6].map((i) => view.getUint32(8 + 4 * i, true));
  const size = (await file.stat()).size;
  if (jsonBytes > MAX_JSON_BYTES || FIXED + jsonBytes > size) return undefined;
  if ([c, h, w].join() !== expect.shape.join() || classCount !== expect.classes.length) return undefined;
  if (n < 1 || train > n) return undefined;
  const rowBytes = c * h * w;
  const dataStart = FIXED + jsonBytes;
  if (size !== dataStart + n * rowBytes + (classCount > 0 ? n : 0)) return undefined;
  const json = await readExact(file, jsonBytes);
  if (!json) return undefined;
  let meta: { classes?: unknown; skipped?: unknown; files?: unknown };
  try {
    meta = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(json));
  } catch {
    return undefined;
  }
  const { classes, skipped, files } = meta ?? {};
  if (JSON.stringify(classes) !== JSON.stringify(expect.classes) || files !== expect.files) return undefined;
  if (!Array.isArray(skipped) || n + skipped.length !== files) return undefined;
  if (!skipped.every((s) => typeof s?.path === "string" && typeof s?.why === "string")) return undefined;
  const header: CacheHeader = { n, train, shape: [c, h, w], classes: expect.classes, skipped, files };
  if (classCount === 0) return { header, file, dataStart };
  await file.seek(dataStart + n * rowBytes, Deno.SeekMode.Start);
  const labels = await readExact(file, n);
  if (!labels || labels.some((l) => l >= classCount)) return undefined;
  return { header, file, dataStart, labels };
}

/** Exactly `length` bytes from the file's position, or undefined if it ends first. */
async function readExact(file: Deno.FsFile, length: number): Promise<Uint8Array | undefined> {
  const out = new Uint8Array(length);
  for (let at = 0; at < length;) {
    const got = await file.read(out.subarray(at));
    if (got === null) return undefined;
    at += got;
  }
  return out;
}

/**
 * Writes the cache from `examples`, streamed: rows gather in chunks of up to 256 (at most 16 MiB) and go
 * to two temporary files, training and held-out, since how many of each there are is known only at the
 * end. Then header, the two row files and the labels are joined into a third temporary file, which is
 * renamed to `path` only when complete: a build that is interrupted leaves no file under the cache's
 * name. Each temporary file is locked while it is written, so a later build can tell a killed build's
 * leftovers (removeAbandoned) from a live one's.
 */
export async function buildCache(path: string, expect: CacheExpect, examples: AsyncIterable<Decoded>): Promise<void> {
  const [c, h, w] = expect.shape;
  const rowBytes = c * h * w;
  const chunkRows = Math.max(1, Math.min(256, Math.floor(2 ** 24 / rowBytes)));
  const base = `${path}.tmp-${Deno.pid}-${Math.random().toString(36).slice(2, 10)}`;
  const parts: Part[] = [];
  let whole: Deno.FsFile | undefined;
  let renamed = false;
  try {
    const train = await Part.create(`${base}.train`, chunkRows * rowBytes);
    parts.push(train);
    const held = await Part.create(`${base}.held`, chunkRows * rowBytes);
    parts.push(held);
    const skipped: CacheHeader["skipped"] = [];
    for await (const e of examples) {
      if ("skipped" in e) skipped.push({ path: e.skipped, why: e.why });
      else await (e.heldOut ? held : train).append(e.row, e.label);
    }
    for (const part of parts) await part.flush();

    const n = train.rows + held.rows;
    const json = new TextEncoder().encode(
      JSON.stringify({ classes: expect.classes, skipped, files: expect.files }),
    );
    const head = new Uint8Array(FIXED + json.length);
    head.set(new TextEncoder().encode(MAGIC));
    const view = new DataView(head.buffer);
    [n, train.rows, c, h, w, expect.classes.length, json.length].forEach((v, i) => view.setUint32(8 + 4 * i, v, true));
    head.set(json, FIXED);

    whole = await Deno.open(base, { write: true, createNew: true });
    await whole.lock(true);
    await writeAll(whole, head);
    for (const part of parts) await part.copyTo(whole);
    if (expect.classes.length > 0) await writeAll(whole, Uint8Array.from([...train.labels, ...held.labels]));
    await whole.sync();
    // Renamed while still locked where the platform allows it (Windows cannot rename an open file).
    if (Deno.build.os !== "windows") await Deno.rename(base, path), renamed = true;
    whole.close(), whole = undefined;
    if (!renamed) await Deno.rename(base, path), renamed = true;
  } catch (e) {
    throw naming(e, "write", path, { instead: true });
  } finally {
    whole?.close();
    for (const part of parts) await part.remove();
    if (!renamed) await Deno.remove(base).catch(() => {});
  }
}

/** Rows of one split, written to a temporary file a chunk at a time. */
class Part {
  rows = 0;
  labels: number[] = [];
  private used = 0;

  private constructor(readonly path: string, private readonly file: Deno.FsFile, private readonly buf: Uint8Array) {}

  static async create(path: string, bytes: number): Promise<Part> {
    const file = await Deno.open(path, { read: true, write: true, createNew: true });
    await file.lock(true);
    return new Part(path, file, new Uint8Array(bytes));
  }

  async append(row: Uint8Array, label: number): Promise<void> {
    this.buf.set(row, this.used);
    this.used += row.length;
    this.rows++;
    this.labels.push(label);
    if (this.used === this.buf.length) await this.flush();
  }

  async flush(): Promise<void> {
    await writeAll(this.file, this.buf.subarray(0, this.used));
    this.used = 0;
  }

  /** Appends this part's rows to `out`, a chunk at a time. */
  async copyTo(out: Deno.FsFile): Promise<void> {
    await this.file.seek(0, Deno.SeekMode.Start);
    for (;;) {
      const got = await this.file.read(this.buf);
      if (got === null) return;
      await writeAll(out, this.buf.subarray(0, got));
    }
  }

  async remove(): Promise<void> {
    try {
      this.file.close();
    } catch {
      // closed already
    }
    await Deno.remove(this.path).catch(() => {});
  }
}

async function writeAll(file: Deno.FsFile, bytes: Uint8Array): Promise<void> {
  for (let done = 0; done < bytes.length;) done += await file.write(bytes.subarray(done));
}

/** Removes temporary files of cache builds that were killed (no process holds their lock). */
export async function removeAbandoned(dir: string): Promise<void> {
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (!/^[0-9a-f]{16}\.ganimg\.tmp-/.test(entry.name)) continue;
      const path = `${dir}/${entry.name}`;
      try {
        if (isAbandoned(path)) await Deno.remove(path);
      } catch {
        // gone already, or another build's: either way not ours to clean
      }
    }
  } catch {
    // an unreadable cache folder fails later, when the cache is written, with a clearer message
  }
}
