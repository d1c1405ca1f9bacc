// A spec's `images("folder/", shape = [c, h, w])`: every PNG and JPEG under a folder, decoded, resized to
// cover h x w and centre-cropped, as grey (c = 1) or RGB (c = 3) bytes. Decoding a large folder takes
// minutes, so it happens once, into a cache file (image-cache.ts) named by a hash of the folder's listing:
// any file added, removed or modified makes a new name, so a stale cache is never read. Training then
// reads batches of rows from the cache by file offset and never holds the whole set in memory.
import { join, resolve } from "node:path";
import { FormatError, naming, osErrorText } from "../io/errors.ts";
import { count, readDataFile } from "./dataset.ts";
import {
  buildCache,
  CACHE_VERSION,
  type CacheExpect,
  type CacheHeader,
  type Decoded,
  openCache,
  removeAbandoned,
} from "./image-cache.ts";
import { decodeImage } from "./image-decode.ts";
import { resizeCover } from "./resize.ts";

/** Every 10th file in path order (index % 10 === 9) is held out; the rest train. */
export const HELD_OUT_EVERY = 10;

/** The largest image file read: anything bigger is skipped (or refused under `strict`). */
const MAX_IMAGE_BYTES = 64 * 2 ** 20;

/** Labels are one byte. */
const MAX_CLASSES = 256;

const EXTENSIONS = /\.(png|jpe?g)$/i;

export interface ImageFolderOptions {
  cacheDir: string;
  strict?: boolean;
  progress?: (done: number, total: number) => void;
  onSkip?: (path: string, why: string) => void;
}

export interface ImageFolder {
  /** Examples in the cache: the training ones (rows 0..train-1) then the held-out ones. */
  n: number;
  train: number;
  shape: [number, number, number];
  classes?: string[];
  /** n labels, row order, when classes. */
  labels?: Uint8Array;
  cachePath: string;
  /** True when an existing cache was reused (no decoding). */
  reused: boolean;
  /** Copies rows[i] (row indices in the cache) into out, one after another (rows.length * c*h*w bytes). */
  readRows(rows: ArrayLike<number>, out: Uint8Array): Promise<void>;
  /** Rows begin..end-1 as one array (for held-out splits and for small caches). */
  readRange(begin: number, end: number): Promise<Uint8Array>;
  close(): void;
}

/** A file the folder offers: its path below the folder ("/"-separated), and what stat says of it. */
interface Candidate {
  rel: string;
  size: number;
  mtime: number;
}

export async function openImageFolder(
  folder: string,
  shape: readonly number[],
  options: ImageFolderOptions,
): Promise<ImageFolder> {
  const [c, h, w] = checkShape(folder, shape);
  const files = await listImages(folder);
  if (files.length === 0) {
    throw new FormatError(folder, "has no PNG or JPEG images (.png, .jpg or .jpeg, in any subfolder)");
  }
  const classes = classesOf(folder, files);
  const key = JSON.stringify([CACHE_VERSION, resolve(folder), [c, h, w], files.map((f) => [f.rel, f.size, f.mtime])]);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key)));
  const hash = Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, "0")).join("");
  try {
    await Deno.mkdir(options.cacheDir, { recursive: true });
  } catch (e) {
    throw naming(e, "mkdir", options.cacheDir);
  }
  const cachePath = join(options.cacheDir, `${hash}.ganimg`);
  const expect: CacheExpect = { shape: [c, h, w], classes: classes ?? [], files: files.length };

  let cache = await openCache(cachePath, expect);
  const reused = cache !== undefined;
  if (cache) {
    for (const s of cache.header.skipped) {
      if (options.strict) {
        cache.file.close();
        throw new FormatError(join(folder, s.path), s.why);
      }
      options.onSkip?.(join(folder, s.path), s.why);
    }
  } else {
    await removeAbandoned(options.cacheDir);
    await buildCache(cachePath, expect, decodeAll(folder, files, [c, h, w], classes, options));
    cache = await openCache(cachePath, expect);
    if (!cache) throw new Error(`the image cache ${cachePath} just written does not read back`);
  }
  const { header, file, dataStart, labels } = cache;
  return rowReader(file, dataStart, header, labels, cachePath, reused);
}

function checkShape(folder: string, shape: readonly number[]): [number, number, number] {
  const text = `[${shape.join(", ")}]`;
  if (shape.length !== 3 || !shape.every((d) => Number.isSafeInteger(d) && d >= 1)) {
    throw new FormatError(folder, `the shape ${text} is not [channels, height, width] of whole numbers >= 1`);
  }
  const [c, h, w] = shape;
  if (c !== 1 && c !== 3) {
    throw new FormatError(folder, `the shape ${text} has ${c} channels; images are read as 1 (grey) or 3 (RGB)`);
  }
  if (h > 10_000 || w > 10_000) throw new FormatError(folder, `the shape ${text} is over 10,000 pixels a side`);
  return [c, h, w];
}

/**
 * Every .png, .jpg and .jpeg below `folder`, sorted by relative path in code-unit order (the same on
 * every platform and locale). Names starting with "." are skipped (.git, .DS_Store, macOS's "._x.png"
 * resource forks). A link to a file counts as that file; links to folders are not followed, so a link
 * cycle cannot loop. A broken link with an image's name is kept and fails to read, so the user hears of it.
 */
async function listImages(folder: string): Promise<Candidate[]> {
  let info: Deno.FileInfo;
  try {
    info = await Deno.stat(folder);
  } catch (e) {
    throw folderError(folder, e);
  }
  if (!info.isDirectory) throw new FormatError(folder, "is a file, not a folder of images");
  const found: Candidate[] = [];
  const pending = [""];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    const dir = rel ? join(folder, rel) : folder;
    const images: string[] = [];
    try {
      for await (const entry of Deno.readDir(dir)) {
        if (entry.name.startsWith(".")) continue;
        const path = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory) pending.push(path);
        else if ((entry.isFile || entry.isSymlink) && EXTENSIONS.test(entry.name)) images.push(path);
      }
    } catch (e) {
      throw folderError(dir, e);
    }
    // stat follows links: a link's size and time are its target's, and a link to a folder is left out
    for (let i = 0; i < images.length; i += 256) {
      const stats = await Promise.all(
        images.slice(i, i + 256).map((p) => Deno.stat(join(folder, p)).catch(() => null)),
      );
      stats.forEach((s, j) => {
        if (s === null) found.push({ rel: images[i + j], size: -1, mtime: 0 });
        else if (!s.isDirectory) found.push({ rel: images[i + j], size: s.size, mtime: s.mtime?.getTime() ?? 0 });
      });
    }
  }
  return found.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

function folderError(path: string, e: unknown): unknown {
  if (e instanceof Deno.errors.NotFound) return new FormatError(path, "no such folder");
  if (e instanceof Deno.errors.PermissionDenied) return new FormatError(path, "cannot be read (permission denied)");
  if (e instanceof Deno.errors.NotADirectory) return new FormatError(path, "is a file, not a folder of images");
  const text = osErrorText(e);
  return text ? new FormatError(path, `cannot be read (${text})`) : e;
}

/**
 * The classes when every image lies in a subfolder (torchvision's ImageFolder layout): the sorted names
 * of the top-level subfolders, an image's label being its subfolder's index. Undefined when any image
 * lies directly in the folder: then the folder is one unlabelled set.
 */
function classesOf(folder: string, files: readonly Candidate[]): string[] | undefined {
  if (!files.every((f) => f.rel.includes("/"))) return undefined;
  const names = [...new Set(files.map((f) => f.rel.slice(0, f.rel.indexOf("/"))))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0
  );
  if (names.length > MAX_CLASSES) {
    throw new FormatError(
      folder,
      `has ${count(names.length)} subfolders, each a class; labels are one byte, so at most ${MAX_CLASSES} classes`,
    );
  }
  return names;
}

/**
 * Decodes the files one at a time, so only one image is ever held. Under `strict` the first bad file
 * throws; otherwise it is reported and skipped. A skipped file keeps its index, so one bad file does not
 * move every later file between the training and held-out splits.
 */
async function* decodeAll(
  folder: string,
  files: readonly Candidate[],
  [c, h, w]: [number, number, number],
  classes: string[] | undefined,
  options: ImageFolderOptions,
): AsyncGenerator<Decoded> {
  let read = 0;
  let first = "";
  for (let i = 0; i < files.length; i++) {
    const { rel } = files[i];
    const path = join(folder, rel);
    try {
      const image = decodeImage(await readImage(path), c as 1 | 3);
      const pixels = resizeCover(image.data, image.width, image.height, c, w, h);
      const row = new Uint8Array(c * h * w);
      for (let ch = 0; ch < c; ch++) {
        for (let p = 0; p < h * w; p++) row[ch * h * w + p] = pixels[p * c + ch];
      }
      const label = classes ? classes.indexOf(rel.slice(0, rel.indexOf("/"))) : 0;
      read++;
      yield { row, label, heldOut: i % HELD_OUT_EVERY === HELD_OUT_EVERY - 1 };
    } catch (e) {
      if (!(e instanceof Error) || e.name === "TypeError" || e.name === "RangeError") throw e; // our bugs
      const why = e instanceof FormatError ? e.problem : e.message;
      if (options.strict) throw new FormatError(path, why);
      first ||= `${rel} ${why}`;
      options.onSkip?.(path, why);
      yield { skipped: rel, why };
    }
    options.progress?.(i + 1, files.length);
  }
  if (read === 0) {
    throw new FormatError(folder, `none of its ${count(files.length)} images could be read (the first: ${first})`);
  }
}

/** An image file's bytes; over MAX_IMAGE_BYTES is refused before reading. */
async function readImage(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    size = (await Deno.stat(path)).size;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) throw new Error("cannot be read (no such file: a broken link, or removed?)");
    throw new Error(osErrorText(e) ?? String(e));
  }
  if (size > MAX_IMAGE_BYTES) {
    throw new Error(`is ${count(size)} bytes, over the limit of 64 MiB for one image`);
  }
  try {
    return await readDataFile(path);
  } catch (e) {
    const text = osErrorText(e);
    if (text) throw new Error(`cannot be read (${text})`);
    throw e;
  }
}

/** `f`'s result as a promise, and its error as a rejection (the reads are synchronous; see below). */
function settle<T>(f: () => T): Promise<T> {
  try {
    return Promise.resolve(f());
  } catch (e) {
    return Promise.reject(e);
  }
}

/** The ImageFolder over an open, checked cache file. */
function rowReader(
  file: Deno.FsFile,
  dataStart: number,
  header: CacheHeader,
  labels: Uint8Array | undefined,
  cachePath: string,
  reused: boolean,
): ImageFolder {
  const [c, h, w] = header.shape;
  const rowBytes = c * h * w;
  let closed = false;
  // Synchronous reads: a batch is a few dozen small reads, mostly from the page cache, and each async
  // file call costs about 80 us against 6 us (a batch of 64 rows: 5 ms against 0.4 ms). They also keep
  // each seek and its read together, since the one file position is shared by every call.
  const readAt = (row: number, into: Uint8Array) => {
    if (closed) throw new Error(`the image cache ${cachePath} is closed`);
    file.seekSync(dataStart + row * rowBytes, Deno.SeekMode.Start);
    for (let at = 0; at < into.length;) {
      const got = file.readSync(into.subarray(at));
      if (got === null) throw new FormatError(cachePath, "ends early: was it changed while training?");
      at += got;
    }
  };
  const checkRow = (r: number) => {
    if (!Number.isInteger(r) || r < 0 || r >= header.n) {
      throw new RangeError(`row ${r} is not in the image cache's ${header.n} rows`);
    }
  };
  const folder: ImageFolder = {
    n: header.n,
    train: header.train,
    shape: [c, h, w],
    cachePath,
    reused,
    readRows: (rows, out) =>
      settle(() => {
        if (out.length < rows.length * rowBytes) {
          throw new RangeError(
            `readRows: ${rows.length} rows need ${rows.length * rowBytes} bytes, out has ${out.length}`,
          );
        }
        for (let i = 0; i < rows.length; i++) checkRow(rows[i]);
        // Runs of consecutive rows (a contiguous range, or neighbours in a batch) are one read.
        for (let i = 0; i < rows.length;) {
          let j = i + 1;
          while (j < rows.length && rows[j] === rows[j - 1] + 1) j++;
          readAt(rows[i], out.subarray(i * rowBytes, j * rowBytes));
          i = j;
        }
      }),
    readRange: (begin, end) =>
      settle(() => {
        if (!Number.isInteger(begin) || !Number.isInteger(end) || begin < 0 || end < begin || end > header.n) {
          throw new RangeError(`rows [${begin}, ${end}) are not inside the image cache's ${header.n} rows`);
        }
        const out = new Uint8Array((end - begin) * rowBytes);
        if (end > begin) readAt(begin, out);
        return out;
      }),
    close() {
      if (!closed) closed = true, file.close();
    },
  };
  if (header.classes.length > 0) folder.classes = header.classes, folder.labels = labels;
  return folder;
}
