// safetensors (https://github.com/huggingface/safetensors#format): an 8-byte little-endian length N, N
// bytes of UTF-8 JSON naming each tensor's dtype, shape and byte range, then the tensors' bytes. The
// reader trusts nothing in the header: a checkpoint can come from anywhere, and a wrong offset must
// never turn silently into a wrong weight. Copied into each generated folder
// as support/safetensors.ts.
import { FormatError } from "./errors.ts";

export type Dtype = "F32" | "F64" | "U32" | "I32" | "U8";
export type TensorData = Float32Array | Float64Array | Uint32Array | Int32Array | Uint8Array;

export interface Tensor {
  dtype: Dtype;
  /** Row-major; [] is a scalar (one value), a 0 anywhere makes an empty tensor. */
  shape: number[];
  data: TensorData;
}

export interface Safetensors {
  tensors: Record<string, Tensor>;
  metadata: Record<string, string>;
}

const ARRAYS = { F64: Float64Array, F32: Float32Array, U32: Uint32Array, I32: Int32Array, U8: Uint8Array } as const;

// The reference writer orders tensors by dtype, widest first, then by name. Every tensor then starts at
// a multiple of its element size (the data area starts at a multiple of 8), so a reader that maps the
// file can view each tensor in place. Within one dtype this is plain sorted-name order.
const WRITE_ORDER: Dtype[] = ["F64", "F32", "U32", "I32", "U8"];

/** The reference reader's limit: a bigger header is a corrupt length, not a real file. */
const MAX_HEADER_BYTES = 100_000_000;

const KEYS = ["data_offsets", "dtype", "shape"];

// Typed arrays use the host's byte order and the format is little-endian; every host Deno and WebGPU
// run on is too, so bytes are copied straight through.
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

export function encodeSafetensors(tensors: Record<string, Tensor>, metadata?: Record<string, string>): Uint8Array {
  if (!LITTLE_ENDIAN) throw new Error("safetensors: big-endian hosts are not supported");
  const rank = (n: string) => WRITE_ORDER.indexOf(tensors[n].dtype);
  const names = Object.keys(tensors).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  // Built by hand rather than with one JSON.stringify: JS objects put integer-like keys first, and
  // the header's entries should follow the data's order.
  const entries: string[] = [];
  if (metadata !== undefined) {
    for (const [k, v] of Object.entries(metadata)) {
      if (typeof v !== "string") throw new Error(`safetensors: metadata ${JSON.stringify(k)} is not a string`);
    }
    entries.push(`"__metadata__":${JSON.stringify(metadata)}`);
  }
  let offset = 0;
  for (const name of names) {
    const { dtype, shape, data } = tensors[name];
    if (name === "" || name === "__metadata__") {
      throw new Error(`safetensors: ${JSON.stringify(name)} cannot name a tensor`);
    }
    if (!Object.hasOwn(ARRAYS, dtype) || !(data instanceof ARRAYS[dtype])) {
      throw new Error(`safetensors: tensor ${name} is not a valid ${dtype}`);
    }
    if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0) || elements(shape) !== data.length) {
      throw new Error(`safetensors: tensor ${name} has ${data.length} values, its shape is [${shape.join(", ")}]`);
    }
    entries.push(
      `${JSON.stringify(name)}:${JSON.stringify({ dtype, shape, data_offsets: [offset, offset + data.byteLength] })}`,
    );
    offset += data.byteLength;
  }
  let header = new TextEncoder().encode(`{${entries.join(",")}}`);
  // Spaces pad the header so the data area starts at a multiple of 8.
  const padded = Math.ceil(header.length / 8) * 8;
  if (padded !== header.length) {
    const h = new Uint8Array(padded).fill(0x20);
    h.set(header);
    header = h;
  }
  const out = new Uint8Array(8 + header.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(header.length), true);
  out.set(header, 8);
  let at = 8 + header.length;
  for (const name of names) {
    const { data } = tensors[name];
    out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), at);
    at += data.byteLength;
  }
  return out;
}

/** Reads every tensor into its own aligned array; throws FormatError naming `source` on any defect. */
export function decodeSafetensors(bytes: Uint8Array, source = "checkpoint"): Safetensors {
  function fail(problem: string): never {
    throw new FormatError(source, problem);
  }
  if (!LITTLE_ENDIAN) throw new Error("safetensors: big-endian hosts are not supported");
  if (bytes.length < 8) {
    fail(`${bytes.length} bytes is too short for a safetensors file, whose first 8 bytes give the header length`);
  }
  const n = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(0, true);
  if (n > BigInt(MAX_HEADER_BYTES)) {
    fail(`the header length (${n} bytes) is over the 100 MB limit: not a safetensors file, or corrupt`);
  }
  const dataStart = 8 + Number(n);
  if (dataStart > bytes.length) {
    fail(`the header length (${n} bytes) runs past the end of the ${bytes.length}-byte file: truncated?`);
  }
  const dataLength = bytes.length - dataStart;

  let text: string;
  try {
    // ignoreBOM keeps a byte-order mark in the text, so the "{" check below rejects it as the spec asks.
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(8, dataStart));
  } catch {
    fail("the header is not valid UTF-8");
  }
  if (!text.startsWith("{")) fail("the header does not start with '{': not a safetensors file");
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch (e) {
    fail(`the header is not valid JSON (${(e as Error).message})`);
  }
  if (!isObject(header)) fail("the header is not a JSON object");

  // Null prototypes: a tensor may be called "__proto__" or "constructor" without harm.
  const metadata: Record<string, string> = Object.create(null);
  const found: { name: string; dtype: Dtype; shape: number[]; begin: number; end: number }[] = [];
  for (const [name, info] of Object.entries(header)) {
    if (name === "__metadata__") {
      if (!isObject(info)) fail("__metadata__ is not an object of strings");
      for (const [k, v] of Object.entries(info)) {
        if (typeof v !== "string") fail(`metadata ${JSON.stringify(k)} is ${JSON.stringify(v)}, not a string`);
        metadata[k] = v;
      }
      continue;
    }
    if (name === "") fail("a tensor has an empty name");
    const what = `tensor ${JSON.stringify(name)}`;
    if (!isObject(info)) fail(`${what} is described by ${JSON.stringify(info)}, not an object`);
    const keys = Object.keys(info).sort();
    if (keys.join() !== KEYS.join()) {
      fail(`${what} has fields ${keys.join(", ") || "(none)"}; expected exactly dtype, shape, data_offsets`);
    }
    const { dtype, shape, data_offsets: offsets } = info;
    if (typeof dtype !== "string" || !Object.hasOwn(ARRAYS, dtype)) {
      fail(`${what} has dtype ${JSON.stringify(dtype)}; gan reads only ${WRITE_ORDER.join(", ")}`);
    }
    if (!Array.isArray(shape) || !shape.every(isCount)) {
      fail(`${what} has shape ${JSON.stringify(shape)}, not a list of whole numbers >= 0`);
    }
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount)) {
      fail(`${what} has data_offsets ${JSON.stringify(offsets)}, not a pair of whole numbers >= 0`);
    }
    const [begin, end] = offsets as number[];
    if (begin > end) fail(`${what} has data_offsets [${begin}, ${end}], which end before they begin`);
    if (end > dataLength) fail(`${what} ends at byte ${end} of a ${dataLength}-byte data area: truncated?`);
    const size = ARRAYS[dtype as Dtype].BYTES_PER_ELEMENT;
    const needed = elements(shape) * size;
    if (needed !== end - begin) {
      fail(
        `${what} is ${end - begin} bytes, but ${dtype} [${shape.join(", ")}] needs ${
          Number.isFinite(needed) ? needed : "more than 2^53"
        }`,
      );
    }
    found.push({ name, dtype: dtype as Dtype, shape, begin, end });
  }

  // The tensors must tile the data area exactly: no overlap (two names for the same bytes) and no
  // holes (bytes no tensor owns, where a polyglot file could hide a payload).
  found.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let covered = 0;
  let previous = "";
  for (const t of found) {
    if (t.begin < covered) {
      fail(`tensors ${JSON.stringify(previous)} and ${JSON.stringify(t.name)} overlap in the data area`);
    }
    if (t.begin > covered) fail(`bytes ${covered} to ${t.begin} of the data area belong to no tensor`);
    covered = t.end;
    previous = t.name;
  }
  if (covered !== dataLength) fail(`the last ${dataLength - covered} bytes of the file belong to no tensor`);

  const tensors: Record<string, Tensor> = Object.create(null);
  for (const t of found) {
    // A fresh array: the data area need not be aligned for the element type, and the caller should
    // not keep the whole file alive through a view.
    const data = new ARRAYS[t.dtype](elements(t.shape));
    new Uint8Array(data.buffer).set(bytes.subarray(dataStart + t.begin, dataStart + t.end));
    tensors[t.name] = { dtype: t.dtype, shape: t.shape, data };
  }
  return { tensors, metadata };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isCount(v: unknown): v is number {
  return Number.isSafeInteger(v) && (v as number) >= 0;
}

/** Values in a tensor of this shape; Infinity where that is too many to count exactly. */
function elements(shape: number[]): number {
  if (shape.includes(0)) return 0;
  const n = shape.reduce((a, b) => a * b, 1);
  return n <= Number.MAX_SAFE_INTEGER ? n : Infinity;
}
