// NumPy's .npy format (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html): the
// magic "\x93NUMPY", a version, a little-endian header length, a header that is a Python dict literal
// (dtype, memory order, shape), then the raw values. Users hand us these (latent vectors for `gan
// sample --z`), so the reader checks every field and names what is wrong.
import { FormatError } from "./errors.ts";

export interface NpyArray {
  data: Float32Array | Float64Array;
  shape: number[];
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"

/** NumPy's own reader refuses longer headers by default (max_header_size): no real array needs one. */
const MAX_HEADER_BYTES = 10_000;

/** The dtypes we read: item size and the array the values land in. Bytes become float32 values. */
const DTYPES: Record<string, { size: number; array: typeof Float32Array | typeof Float64Array }> = {
  "<f4": { size: 4, array: Float32Array },
  "<f8": { size: 8, array: Float64Array },
  "|u1": { size: 1, array: Float32Array },
};

// Typed arrays use the host's byte order; every host Deno and WebGPU run on is little-endian, as the
// dtypes above are, so bytes are copied straight through.
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** Version 1.0, C order, little-endian; the header is padded so the data starts at a multiple of 64. */
export function encodeNpy(data: Float32Array | Float64Array, shape: number[]): Uint8Array {
  if (!LITTLE_ENDIAN) throw new Error("npy: big-endian hosts are not supported");
  if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0) || shape.reduce((a, b) => a * b, 1) !== data.length) {
    throw new Error(`npy: ${data.length} values do not fill shape [${shape.join(", ")}]`);
  }
  const descr = data instanceof Float64Array ? "<f8" : "<f4";
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${pythonTuple(shape)}, }`;
  // 10 bytes come before the header (magic, version, length); the header ends in "\n".
  const header = dict.padEnd(Math.ceil((10 + dict.length + 1) / 64) * 64 - 10 - 1) + "\n";
  if (header.length > 0xffff) {
    throw new Error(`npy: a ${shape.length}-dimensional shape does not fit a version 1.0 header`);
  }
  const out = new Uint8Array(10 + header.length + data.byteLength);
  out.set(MAGIC);
  out.set([1, 0], 6);
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 10 + header.length);
  return out;
}

export function decodeNpy(bytes: Uint8Array, source: string): NpyArray {
  function fail(problem: string): never {
    throw new FormatError(source, problem);
  }
  if (!LITTLE_ENDIAN) throw new Error("npy: big-endian hosts are not supported");
  if (bytes.length < MAGIC.length || MAGIC.some((b, i) => bytes[i] !== b)) {
    fail("not a NumPy .npy file (it does not start with \\x93NUMPY)");
  }
  if (bytes.length < 8) fail("the file ends inside its header: truncated?");
  const [major, minor] = [bytes[6], bytes[7]];
  if (major < 1 || major > 3 || minor !== 0) {
    fail(`.npy version ${major}.${minor} is not supported (gan reads 1.0, 2.0 and 3.0)`);
  }
  // Version 1.0 has a 2-byte header length; 2.0 and 3.0 a 4-byte one. 3.0 allows UTF-8 in the header.
  const lengthBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthBytes) fail("the file ends inside its header: truncated?");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  if (headerLength > MAX_HEADER_BYTES) {
    fail(`the header length (${headerLength} bytes) is over NumPy's limit of ${MAX_HEADER_BYTES}: corrupt?`);
  }
  const dataStart = 8 + lengthBytes + headerLength;
  if (dataStart > bytes.length) {
    fail(`the header (${headerLength} bytes) runs past the end of the ${bytes.length}-byte file: truncated?`);
  }
  const raw = bytes.subarray(8 + lengthBytes, dataStart);
  let text = "";
  if (major === 3) {
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(raw);
    } catch {
      fail("the header is not valid UTF-8");
    }
  } else {
    for (const b of raw) text += String.fromCharCode(b); // latin-1, byte for byte
  }

  const { descr, fortran_order, shape } = parseHeader(text, fail);
  if (fortran_order) fail("the array is in Fortran order; save it in C order (numpy.ascontiguousarray) to use it here");
  const dtype = DTYPES[descr];
  if (!Object.hasOwn(DTYPES, descr)) {
    const hint = /^>/.test(descr) ? "; big-endian data must be saved little-endian (arr.astype('<f4'))" : "";
    fail(`dtype '${descr}' is not supported: gan reads float32 ('<f4'), float64 ('<f8') and uint8 ('|u1')${hint}`);
  }
  const count = shape.includes(0) ? 0 : shape.reduce((a, b) => a * b, 1);
  const needed = count * dtype.size;
  const have = bytes.length - dataStart;
  if (have < needed) {
    fail(`shape ${pythonTuple(shape)} of '${descr}' needs ${needed} bytes of data, the file holds ${have}: truncated?`);
  }
  if (have > needed) {
    fail(`${have - needed} bytes follow the ${needed} bytes that shape ${pythonTuple(shape)} of '${descr}' needs`);
  }

  const body = bytes.subarray(dataStart);
  if (dtype.size === 1) return { data: Float32Array.from(body), shape };
  // A fresh array: the data need not be aligned in the file's buffer.
  const data = new dtype.array(count);
  new Uint8Array(data.buffer).set(body);
  return { data, shape };
}

/** Python's repr of a tuple of ints: (), (5,), (3, 4). */
function pythonTuple(shape: number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

interface Header {
  descr: string;
  fortran_order: boolean;
  shape: number[];
}

/**
 * The header is the repr of a dict, e.g. `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }`,
 * then spaces and "\n". NumPy reads it with ast.literal_eval; this accepts the literals NumPy writes
 * (strings, True/False, tuples of ints) and refuses anything else rather than guessing.
 */
function parseHeader(text: string, fail: (problem: string) => never): Header {
  let i = 0;
  const shown = JSON.stringify(text.trimEnd().slice(0, 120));
  function bad(why: string): never {
    return fail(`malformed header ${shown}: ${why}`);
  }
  const peek = () => {
    while (i < text.length && " \t\r\n".includes(text[i])) i++;
    return text[i] ?? "";
  };
  const eat = (c: string) => {
    if (peek() !== c) bad(`expected '${c}' at offset ${i}`);
    i++;
  };
  const string = (): string => {
    const quote = peek();
    if (quote !== "'" && quote !== '"') bad(`expected a quoted string at offset ${i}`);
    const end = text.indexOf(quote, i + 1);
    if (end < 0) bad("a string is not closed");
    const s = text.slice(i + 1, end);
    if (/[\\\n]/.test(s)) bad(`unexpected escape or line break in the string '${s}'`);
    i = end + 1;
    return s;
  };
  const tuple = (): number[] => {
    eat("(");
    const dims: number[] = [];
    let comma = false;
    while (peek() !== ")") {
      const m = /[0-9]+L?/y;
      m.lastIndex = i;
      const digits = m.exec(text)?.[0];
      if (!digits) bad(`expected a whole number >= 0 in the shape at offset ${i}`);
      const d = Number(digits.replace("L", "")); // Python 2 wrote longs as 3L
      if (!Number.isSafeInteger(d)) bad(`the dimension ${digits} is too large`);
      dims.push(d);
      i += digits.length;
      comma = peek() === ",";
      if (!comma) break;
      i++;
    }
    eat(")");
    // (5) is just 5 in Python: a 1-D shape is (5,).
    if (dims.length === 1 && !comma) bad(`(${dims[0]}) is not a tuple; a 1-D shape is written (${dims[0]},)`);
    return dims;
  };
  const value = (): string | boolean | number[] => {
    const c = peek();
    if (c === "'" || c === '"') return string();
    if (c === "(") return tuple();
    for (const [word, v] of [["True", true], ["False", false]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    return bad(`unexpected ${JSON.stringify(text.slice(i, i + 10))} at offset ${i}`);
  };

  const fields = new Map<string, string | boolean | number[]>();
  eat("{");
  while (peek() !== "}") {
    const key = string();
    if (fields.has(key)) bad(`'${key}' appears twice`);
    eat(":");
    fields.set(key, value());
    if (peek() !== ",") break;
    i++;
  }
  eat("}");
  if (peek() !== "") bad(`unexpected text after the dict at offset ${i}`);
  if (!text.endsWith("\n")) bad("it does not end in a line break");
  const keys = [...fields.keys()].sort().join(", ");
  if (keys !== "descr, fortran_order, shape") {
    bad(`its keys are ${keys || "none"}; expected descr, fortran_order, shape`);
  }
  const descr = fields.get("descr");
  const fortran_order = fields.get("fortran_order");
  const shape = fields.get("shape");
  if (typeof descr !== "string") bad("descr is not a string");
  if (typeof fortran_order !== "boolean") bad("fortran_order is not True or False");
  if (!Array.isArray(shape)) bad("shape is not a tuple");
  return { descr, fortran_order, shape };
}
