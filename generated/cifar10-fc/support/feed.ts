// The training set on its way to the gather kernels (compiler/phases/5-emit/plan.ts, gatherKernel). The
// data buffer holds a format word, the 256 values a byte stands for, then rows: float32 values, or bytes
// four to a word, each row an example and, in a spec with classes, its label.
//
// Where the rows fit one storage binding they are uploaded once and the kernels pick them through the
// epoch's permutation. Otherwise they are streamed: before each step the host copies that step's rows,
// in the permutation's order, into one half of a two-step window while the GPU may still read the other
// half, and the kernels read the window through an identity permutation. Either way a step reads the same
// examples in the same order with the same values, so results and `--resume` are bit-identical.
// Copied into each generated folder as support/feed.ts; it uses WebGPU alone.
import type { ExampleReader, FeedInfo, TrainingData } from "./api.ts";
import { checkLabels, featureMeans } from "./data.ts";
import { FormatError } from "./errors.ts";
import { batchPlan, epochPermutation } from "./random.ts";

/** Words before the rows: the format (0 float32, 1 bytes), the 256 levels, padding to 16 bytes. */
export const DATA_HEADER_WORDS = 260;

/** What a feed needs to know of the spec. */
export interface FeedSpec {
  sampleShape: readonly number[];
  range: readonly [number, number];
  batch: number;
  classes: number;
}

/** What each byte 0..255 stands for by default: byte / 255 mapped onto the spec's range (as float32). */
export function defaultLevels([lo, hi]: readonly [number, number]): Float32Array {
  return Float32Array.from({ length: 256 }, (_, k) => Math.fround(lo + (hi - lo) * Math.fround(k / 255)));
}

const isReader = (x: unknown): x is ExampleReader =>
  typeof x === "object" && x !== null && typeof (x as ExampleReader).read === "function" &&
  Number.isInteger((x as ExampleReader).examples);

/** The rows of a training set in one of its three forms, checked against the spec. */
export class Examples {
  readonly n: number;
  readonly features: number;
  readonly format: "float32" | "bytes";
  readonly floats?: Float32Array;
  readonly bytes?: Uint8Array;
  readonly reader?: ExampleReader;
  readonly levels: Float32Array;
  readonly labels?: ArrayLike<number>;

  constructor(data: TrainingData, readonly spec: FeedSpec) {
    const what = "training data";
    const f = spec.sampleShape.reduce((a, b) => a * b, 1);
    const shape = `[${spec.sampleShape.join(", ")}]`;
    this.features = f;
    const images = data?.images as unknown;
    let n: number;
    if (images instanceof Float32Array || images instanceof Uint8Array) {
      if (images.length % f !== 0) {
        throw new FormatError(
          what,
          `${images.length} values is not a whole number of examples of shape ${shape} (${f} values each)`,
        );
      }
      n = images.length / f;
      if (images instanceof Float32Array) this.floats = images;
      else this.bytes = images;
    } else if (isReader(images)) {
      n = images.examples;
      this.reader = images;
    } else {
      throw new FormatError(what, "images must be a Float32Array, a Uint8Array or a reader ({ examples, read })");
    }
    if (n < spec.batch) throw new FormatError(what, `${n} examples, fewer than one batch (${spec.batch})`);
    this.n = n;
    this.format = this.floats ? "float32" : "bytes";
    const levels = data.levels ?? defaultLevels(spec.range);
    if (!(levels instanceof Float32Array) || levels.length !== 256) {
      throw new FormatError(what, "levels must be a Float32Array of 256 values, what each byte stands for");
    }
    this.levels = levels;
    if (spec.classes) this.labels = checkLabels(data.labels, n, spec.classes, what);
  }

  /** Values or bytes per row on the device: an example, then its label in a spec with classes. */
  get width(): number {
    return this.features + (this.spec.classes ? 1 : 0);
  }

  /** Bytes one row takes in the data buffer. */
  get rowBytes(): number {
    return this.format === "float32" ? 4 * this.width : this.width;
  }

  /**
   * Rows `rows` (example numbers) with their labels into `out` (float32 words or bytes), one after another.
   * Reads through the reader where the set is one; else copies from memory.
   */
  async copyRows(rows: Uint32Array, out: Float32Array | Uint8Array): Promise<void> {
    const f = this.features;
    const w = this.width;
    if (this.reader) {
      const got = new Uint8Array(rows.length * f);
      await this.reader.read(rows, got);
      for (let i = 0; i < rows.length; i++) out.set(got.subarray(i * f, (i + 1) * f), i * w);
    } else {
      const src = (this.floats ?? this.bytes)!;
      for (let i = 0; i < rows.length; i++) out.set(src.subarray(rows[i] * f, (rows[i] + 1) * f), i * w);
    }
    if (this.labels) { for (let i = 0; i < rows.length; i++) out[i * w + f] = this.labels[rows[i]]; }
  }

  /** Every row as the device holds them (resident data): the values themselves where no labels are added. */
  async allRows(): Promise<Float32Array | Uint8Array> {
    const src = this.floats ?? this.bytes;
    if (src && !this.labels) return src;
    const out = this.floats ? new Float32Array(this.n * this.width) : new Uint8Array(this.n * this.width);
    const chunk = 4096;
    for (let s = 0; s < this.n; s += chunk) {
      const rows = Uint32Array.from({ length: Math.min(chunk, this.n - s) }, (_, i) => s + i);
      const part = out.subarray(s * this.width, (s + rows.length) * this.width);
      await this.copyRows(rows, part);
    }
    return out;
  }

  /** The mean of each feature over the set (what data-mean initialisers read), summed in float64 in order:
   * for bytes, the same sums as over the floats they stand for. */
  async means(): Promise<Float32Array> {
    if (this.floats) return featureMeans(this.floats, this.n);
    const f = this.features;
    const acc = new Float64Array(f);
    const levels = this.levels;
    const chunk = 1024;
    const buf = new Uint8Array(chunk * f);
    for (let s = 0; s < this.n; s += chunk) {
      const m = Math.min(chunk, this.n - s);
      let b = this.bytes?.subarray(s * f, (s + m) * f);
      if (!b) {
        await this.reader!.read(Uint32Array.from({ length: m }, (_, i) => s + i), buf.subarray(0, m * f));
        b = buf;
      }
      for (let i = 0; i < m; i++) for (let j = 0; j < f; j++) acc[j] += levels[b[i * f + j]];
    }
    return Float32Array.from(acc, (x) => x / this.n);
  }
}

const round4 = (x: number) => Math.ceil(x / 4) * 4;

/** Feeds a trainer's gather kernels: the data buffer's layout, and what to upload before each step. */
export class Feed {
  readonly streamed: boolean;
  /** Bytes of the data buffer and words of the permutation buffer to allocate. */
  readonly dataBytes: number;
  readonly permWords: number;
  private readonly batches: ReturnType<typeof batchPlan>;
  /** Streamed: rows of the window where each step's first batch starts (two slots). */
  private readonly slotRows: number;
  private perms = new Map<number, Uint32Array>();
  private permEpochs = [-1, -1];
  private pending = new Map<number, Promise<Float32Array | Uint8Array>>();

  constructor(
    readonly ex: Examples,
    readonly realBatches: number,
    limits: { maxStorageBufferBindingSize: number; maxBufferSize: number },
    stream?: boolean,
  ) {
    const b = ex.spec.batch;
    this.batches = batchPlan(ex.n, b, realBatches);
    const head = 4 * DATA_HEADER_WORDS;
    const resident = head + round4(ex.n * ex.rowBytes);
    const fits = resident <= Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
    this.streamed = stream ?? (!fits || ex.reader !== undefined);
    // a slot starts at a multiple of 4 rows, so that byte rows start on a word for writeBuffer
    this.slotRows = round4(realBatches * b);
    this.dataBytes = this.streamed ? head + round4(2 * this.slotRows * ex.rowBytes) + 4 : resident;
    this.permWords = this.streamed ? 2 * this.slotRows : 2 * ex.n;
  }

  get info(): FeedInfo {
    return { format: this.ex.format, streamed: this.streamed, deviceBytes: this.dataBytes, examples: this.ex.n };
  }

  /** The epoch a step starts in. */
  epochOf(step: number): number {
    return this.batches.epochOf(step);
  }

  /** Writes what stays: the header, and the rows (resident) or the window's identity order (streamed). */
  async start(device: GPUDevice, data: GPUBuffer, perm: GPUBuffer): Promise<void> {
    const head = new Uint32Array(DATA_HEADER_WORDS);
    head[0] = this.ex.format === "float32" ? 0 : 1;
    new Float32Array(head.buffer, 4, 256).set(this.ex.levels);
    write(device, data, 0, head);
    if (this.streamed) {
      write(device, perm, 0, Uint32Array.from({ length: this.permWords }, (_, i) => i));
    } else {
      let rows = await this.ex.allRows();
      if (rows.byteLength % 4) {
        const padded = new Uint8Array(round4(rows.length));
        padded.set(rows);
        rows = padded;
      }
      write(device, data, 4 * DATA_HEADER_WORDS, rows);
    }
  }

  /** Forgets permutations and rows read ahead: after a checkpoint is loaded (its seed may differ). */
  reset(): void {
    this.perms.clear();
    this.permEpochs = [-1, -1];
    this.pending.clear();
  }

  private permutation(seed: number, stream: number, epoch: number): Uint32Array {
    let p = this.perms.get(epoch);
    if (!p) {
      p = epochPermutation(seed, stream, epoch, this.ex.n);
      this.perms.set(epoch, p);
      for (const e of this.perms.keys()) if (e < epoch - 1) this.perms.delete(e);
    }
    return p;
  }

  /** The rows of a step's real batches, one after another, in the permutation's order. */
  private stepRows(step: number, seed: number, stream: number): Uint32Array {
    const b = this.ex.spec.batch;
    const rows = new Uint32Array(this.realBatches * b);
    for (let j = 0; j < this.realBatches; j++) {
      const { epoch, offset } = this.batches.locate(step, j);
      rows.set(this.permutation(seed, stream, epoch).subarray(offset, offset + b), j * b);
    }
    return rows;
  }

  private read(step: number, seed: number, stream: number): Promise<Float32Array | Uint8Array> {
    let p = this.pending.get(step);
    if (!p) {
      const rows = this.stepRows(step, seed, stream);
      const w = this.ex.width;
      // bytes are uploaded in whole words: the staging array is padded to 4 bytes
      const out = this.ex.format === "float32"
        ? new Float32Array(rows.length * w)
        : new Uint8Array(round4(rows.length * w));
      p = this.ex.copyRows(rows, out).then(() => out);
      p.catch(() => {}); // a read ahead that fails is reported when its step awaits it, not as unhandled
      this.pending.set(step, p);
    }
    return p;
  }

  /**
   * Uploads what step `step` reads (a new epoch's permutation; streamed, the step's rows, the next step's
   * being read meanwhile) and returns each real batch's offset into the permutation, and the bytes written.
   */
  async prepare(
    device: GPUDevice,
    data: GPUBuffer,
    perm: GPUBuffer,
    step: number,
    seed: number,
    stream: number,
  ): Promise<{ offsets: number[]; bytes: number }> {
    const b = this.ex.spec.batch;
    if (this.streamed) {
      const slot = step % 2;
      const rows = await this.read(step, seed, stream);
      this.pending.delete(step);
      void this.read(step + 1, seed, stream); // read ahead while this step runs
      write(device, data, 4 * DATA_HEADER_WORDS + slot * this.slotRows * this.ex.rowBytes, rows);
      const offsets = Array.from({ length: this.realBatches }, (_, j) => slot * this.slotRows + j * b);
      return { offsets, bytes: rows.byteLength };
    }
    let bytes = 0;
    const offsets: number[] = [];
    for (let j = 0; j < this.realBatches; j++) {
      const { epoch, offset } = this.batches.locate(step, j);
      const half = epoch % 2;
      if (this.permEpochs[half] !== epoch) {
        const p = this.permutation(seed, stream, epoch);
        write(device, perm, 4 * half * this.ex.n, p);
        this.permEpochs[half] = epoch;
        bytes += p.byteLength;
      }
      offsets.push(half * this.ex.n + offset);
    }
    return { offsets, bytes };
  }
}

/** writeBuffer over any typed array (TypeScript's WebGPU types ask for arrays over an ArrayBuffer). */
function write(device: GPUDevice, buffer: GPUBuffer, at: number, values: Float32Array | Uint32Array | Uint8Array) {
  device.queue.writeBuffer(buffer, at, values as unknown as BufferSource);
}
