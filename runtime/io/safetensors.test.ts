import { describe, expect, test } from "vitest";
import { FormatError } from "./errors.ts";
import { decodeSafetensors, encodeSafetensors, type Tensor } from "./safetensors.ts";

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const le64 = (n: number) => [...new Uint8Array(new BigUint64Array([BigInt(n)]).buffer)];
const bytesOf = (a: ArrayBufferView) => [...new Uint8Array(a.buffer, a.byteOffset, a.byteLength)];

/** A file from a header given as text (spaces pad it to a multiple of 8) and a data area. */
function file(header: string, data: number[] | number = []): Uint8Array {
  const text = header.padEnd(Math.ceil(header.length / 8) * 8);
  const body = typeof data === "number" ? new Array(data).fill(0) : data;
  return Uint8Array.from([...le64(text.length), ...new TextEncoder().encode(text), ...body]);
}

function rejects(bytes: Uint8Array, problem: RegExp, source = "w.safetensors") {
  let error: unknown;
  try {
    decodeSafetensors(bytes, source);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(FormatError);
  const f = error as FormatError;
  expect(f.source).toBe(source);
  expect(f.problem).toMatch(problem);
  expect(f.message).toBe(`${source}: ${f.problem}`);
}

describe("encodeSafetensors: byte-exact", () => {
  test("no tensors: '{}' padded to 8 bytes (the reference writer's own test vector)", () => {
    expect([...encodeSafetensors({})]).toEqual([8, 0, 0, 0, 0, 0, 0, 0, ...ascii("{}      ")]);
    // With metadata: 35 bytes of JSON padded to 40, nothing after.
    const json = `{"__metadata__":{"framework":"pt"}}`;
    expect([...encodeSafetensors({}, { framework: "pt" })]).toEqual([
      40,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      ...ascii(json.padEnd(40)),
    ]);
  });

  test("one F32 tensor: the JSON padded with 7 spaces so the data starts at 8 + 72", () => {
    const data = Float32Array.of(0, 1, 2, 3, 4, 5);
    const json = `{"attn0":{"dtype":"F32","shape":[1,1,2,3],"data_offsets":[0,24]}}`;
    expect(json.length).toBe(65);
    const expected = [
      ...[72, 0, 0, 0, 0, 0, 0, 0], // N = 72, little-endian u64
      ...ascii(json + "       "),
      ...[0, 0, 0, 0, 0, 0, 128, 63, 0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64, 0, 0, 160, 64], // 0..5 as f32 LE
    ];
    expect([...encodeSafetensors({ attn0: { dtype: "F32", shape: [1, 1, 2, 3], data } })]).toEqual(expected);
  });

  test("mixed dtypes: metadata first, then widest dtype first, names sorted within a dtype", () => {
    const tensors: Record<string, Tensor> = {
      z: { dtype: "U8", shape: [3], data: Uint8Array.of(1, 2, 255) },
      b: { dtype: "F32", shape: [2], data: Float32Array.of(1, -2) },
      a: { dtype: "F32", shape: [], data: Float32Array.of(0.5) },
      w: { dtype: "F64", shape: [1], data: Float64Array.of(-1) },
      i: { dtype: "I32", shape: [1], data: Int32Array.of(-1) },
      u: { dtype: "U32", shape: [0], data: new Uint32Array(0) },
    };
    const json = `{"__metadata__":{"step":"7"},` +
      `"w":{"dtype":"F64","shape":[1],"data_offsets":[0,8]},` +
      `"a":{"dtype":"F32","shape":[],"data_offsets":[8,12]},` +
      `"b":{"dtype":"F32","shape":[2],"data_offsets":[12,20]},` +
      `"u":{"dtype":"U32","shape":[0],"data_offsets":[20,20]},` +
      `"i":{"dtype":"I32","shape":[1],"data_offsets":[20,24]},` +
      `"z":{"dtype":"U8","shape":[3],"data_offsets":[24,27]}}`;
    const padded = json.padEnd(Math.ceil(json.length / 8) * 8);
    const expected = [
      ...le64(padded.length),
      ...ascii(padded),
      ...[0, 0, 0, 0, 0, 0, 0xf0, 0xbf], // -1 as f64
      ...[0, 0, 0, 0x3f], // 0.5 as f32
      ...[0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0], // 1, -2 as f32
      ...[0xff, 0xff, 0xff, 0xff], // -1 as i32
      ...[1, 2, 255],
    ];
    const out = encodeSafetensors(tensors, { step: "7" });
    expect([...out]).toEqual(expected);
    expect((8 + padded.length) % 8).toBe(0);
  });

  test("integer-like names keep the data order in the header", () => {
    const t = (v: number): Tensor => ({ dtype: "F32", shape: [1], data: Float32Array.of(v) });
    const out = encodeSafetensors({ b: t(1), "10": t(2), "2": t(3) });
    const text = new TextDecoder().decode(out.subarray(8, 8 + Number(new DataView(out.buffer).getBigUint64(0, true))));
    expect(text.trimEnd()).toBe(
      `{"10":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"2":{"dtype":"F32","shape":[1],"data_offsets":[4,8]},` +
        `"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}`,
    );
  });

  test("refuses tensors that do not describe themselves", () => {
    expect(() => encodeSafetensors({ a: { dtype: "F32", shape: [3], data: new Float32Array(2) } })).toThrow(/2 values/);
    expect(() => encodeSafetensors({ a: { dtype: "F64", shape: [2], data: new Float32Array(2) } })).toThrow(
      /not a valid F64/,
    );
    expect(() => encodeSafetensors({ "": { dtype: "U8", shape: [0], data: new Uint8Array(0) } })).toThrow(
      /cannot name/,
    );
    expect(() => encodeSafetensors({ a: { dtype: "U8", shape: [-1], data: new Uint8Array(0) } })).toThrow();
    expect(() => encodeSafetensors({}, { a: 1 as unknown as string })).toThrow(/not a string/);
  });
});

describe("round trips", () => {
  const all: Record<string, Tensor> = {
    f32: { dtype: "F32", shape: [2, 3], data: Float32Array.of(0, -0, 1.5, -Infinity, Infinity, 3.4028234663852886e38) },
    f64: { dtype: "F64", shape: [2], data: Float64Array.of(Math.PI, Number.MIN_VALUE) },
    u32: { dtype: "U32", shape: [3], data: Uint32Array.of(0, 1, 0xffffffff) },
    i32: { dtype: "I32", shape: [1, 2], data: Int32Array.of(-0x80000000, 0x7fffffff) },
    u8: { dtype: "U8", shape: [5], data: Uint8Array.of(0, 1, 127, 128, 255) },
    scalar: { dtype: "F32", shape: [], data: Float32Array.of(42) },
    empty: { dtype: "F32", shape: [0], data: new Float32Array(0) },
    empty2: { dtype: "F64", shape: [2, 0, 3], data: new Float64Array(0) },
    "g.layers.0.weight": { dtype: "F32", shape: [1], data: Float32Array.of(7) },
    "权重": { dtype: "U8", shape: [1], data: Uint8Array.of(9) },
  };

  test("every dtype, scalars, empty tensors, metadata", () => {
    const metadata = { format: "gan-checkpoint/1", spec: 'network G {\n  dense 10 "x"\n}', "ü": "✓", empty: "" };
    const back = decodeSafetensors(encodeSafetensors(all, metadata));
    expect({ ...back.metadata }).toEqual(metadata);
    expect(Object.keys(back.tensors).sort()).toEqual(Object.keys(all).sort());
    for (const [name, t] of Object.entries(all)) {
      const got = back.tensors[name];
      expect(got.dtype).toBe(t.dtype);
      expect(got.shape).toEqual(t.shape);
      expect(got.data.constructor).toBe(t.data.constructor);
      expect(bytesOf(got.data)).toEqual(bytesOf(t.data)); // bit-exact, -0 and all
    }
  });

  test("NaN payloads survive bit for bit", () => {
    const data = new Float32Array(new Uint32Array([0x7fc00001, 0xffbfffff]).buffer);
    const back = decodeSafetensors(encodeSafetensors({ n: { dtype: "F32", shape: [2], data } }));
    expect([...new Uint32Array(back.tensors.n.data.buffer)]).toEqual([0x7fc00001, 0xffbfffff]);
  });

  test("no metadata reads as {}; names like __proto__ are ordinary", () => {
    const t: Record<string, Tensor> = {};
    Object.defineProperty(t, "__proto__", {
      value: { dtype: "U8", shape: [1], data: Uint8Array.of(5) },
      enumerable: true,
    });
    Object.defineProperty(t, "constructor", {
      value: { dtype: "U8", shape: [1], data: Uint8Array.of(6) },
      enumerable: true,
    });
    const back = decodeSafetensors(encodeSafetensors(t));
    expect(Object.keys(back.metadata)).toEqual([]);
    expect([...back.tensors["__proto__"].data]).toEqual([5]);
    expect([...back.tensors["constructor"].data]).toEqual([6]);
  });

  test("inputs that are views into bigger buffers, and files at odd offsets", () => {
    const big = new Float32Array(10).map((_, i) => i);
    const bytes = encodeSafetensors({
      v: { dtype: "F32", shape: [3], data: big.subarray(4, 7) },
      u: { dtype: "U8", shape: [1], data: Uint8Array.of(1) },
    });
    // The same file at byte 3 of a larger buffer: the F32 data is unaligned there.
    const shifted = new Uint8Array(bytes.length + 5);
    shifted.set(bytes, 3);
    const back = decodeSafetensors(shifted.subarray(3, 3 + bytes.length));
    expect([...back.tensors.v.data]).toEqual([4, 5, 6]);
    expect(back.tensors.v.data.byteOffset).toBe(0);
    expect(back.tensors.v.data.buffer).not.toBe(shifted.buffer);
    back.tensors.u.data[0] = 99; // a copy: the file's bytes stay as they were
    expect(decodeSafetensors(shifted.subarray(3, 3 + bytes.length)).tensors.u.data[0]).toBe(1);
  });

  test("reads a file whose header lists tensors out of data order and is not padded", () => {
    const json =
      `{"b":{"dtype":"U8","shape":[1],"data_offsets":[2,3]},"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]}}`;
    const bytes = Uint8Array.from([...le64(json.length), ...ascii(json), 10, 11, 12]);
    const back = decodeSafetensors(bytes);
    expect([...back.tensors.a.data]).toEqual([10, 11]);
    expect([...back.tensors.b.data]).toEqual([12]);
  });
});

describe("decodeSafetensors rejects, naming the file", () => {
  const u8 = (offsets: string, shape = "[2]") => `{"dtype":"U8","shape":${shape},"data_offsets":${offsets}}`;

  test("a file shorter than the length field", () => {
    rejects(new Uint8Array(0), /0 bytes is too short/);
    rejects(new Uint8Array(7), /7 bytes is too short/);
  });

  test("a header length over 100 MB or past the end of the file", () => {
    rejects(Uint8Array.from([...le64(100_000_001), ...ascii("{}")]), /over the 100 MB limit/);
    rejects(
      Uint8Array.from([255, 255, 255, 255, 255, 255, 255, 255, ...ascii("{}")]),
      /18446744073709551615 bytes\) is over/,
    );
    rejects(Uint8Array.from([...le64(16), ...ascii("{}      ")]), /runs past the end.*truncated/);
  });

  test("a header that is not UTF-8, not JSON, or not an object", () => {
    rejects(Uint8Array.from([...le64(3), 0x7b, 0xff, 0x7d]), /not valid UTF-8/);
    rejects(Uint8Array.from([...le64(5), 0xef, 0xbb, 0xbf, ...ascii("{}")]), /does not start with '\{'/); // a BOM
    rejects(file(" {}"), /does not start with '\{'/);
    rejects(file("[]"), /does not start with '\{'/);
    rejects(file("{abc}"), /not valid JSON/);
    rejects(file("{} {}"), /not valid JSON/);
    rejects(Uint8Array.from([...le64(4), ...ascii("{}"), 0, 0]), /not valid JSON/); // NUL padding
  });

  test("metadata that is not an object of strings", () => {
    rejects(file(`{"__metadata__":{"step":7}}`), /metadata "step" is 7, not a string/);
    rejects(file(`{"__metadata__":["a"]}`), /__metadata__ is not an object/);
    rejects(file(`{"__metadata__":null}`), /__metadata__ is not an object/);
    rejects(file(`{"__metadata__":"x"}`), /__metadata__ is not an object/);
  });

  test("a tensor without a name, or described by something else than an object", () => {
    rejects(file(`{"":${u8("[0,2]")}}`, 2), /empty name/);
    rejects(file(`{"a":[1,2]}`), /tensor "a" is described by \[1,2\], not an object/);
    rejects(file(`{"a":null}`), /not an object/);
  });

  test("missing or extra fields", () => {
    rejects(file(`{"a":{"dtype":"U8","shape":[0]}}`), /fields dtype, shape; expected exactly/);
    rejects(file(`{"a":{"dtype":"U8","shape":[0],"data_offsets":[0,0],"offsets":[0,0]}}`), /expected exactly/);
    rejects(file(`{"a":{}}`), /fields \(none\)/);
  });

  test("an unknown or unsupported dtype", () => {
    for (const d of [`"BF16"`, `"f32"`, `"F16"`, `"I64"`, `"toString"`, `5`, `null`]) {
      rejects(
        file(`{"a":{"dtype":${d},"shape":[0],"data_offsets":[0,0]}}`),
        /has dtype .*; gan reads only F64, F32, U32, I32, U8/,
      );
    }
  });

  test("a shape that is not a list of whole numbers >= 0", () => {
    for (const s of [`2`, `"[2]"`, `null`, `[-1]`, `[1.5]`, `["2"]`, `[null]`, `[1e300]`, `{"0":2}`]) {
      rejects(
        file(`{"a":{"dtype":"U8","shape":${s},"data_offsets":[0,2]}}`, 2),
        /has shape .*, not a list of whole numbers/,
      );
    }
  });

  test("data_offsets that are not two whole numbers, run backwards or leave the data area", () => {
    for (const o of [`[0]`, `[0,2,2]`, `[-1,1]`, `[0,2.5]`, `"0,2"`, `null`, `[0,"2"]`, `[0,9007199254740993]`]) {
      rejects(file(`{"a":${u8(o)}}`, 2), /data_offsets .*, not a pair of whole numbers/);
    }
    rejects(file(`{"a":${u8("[2,0]")}}`, 2), /data_offsets \[2, 0\], which end before they begin/);
    rejects(file(`{"a":${u8("[0,2]")}}`, 1), /ends at byte 2 of a 1-byte data area/);
  });

  test("a byte range that does not match dtype and shape", () => {
    rejects(
      file(`{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}`, 4),
      /tensor "a" is 4 bytes, but F32 \[2\] needs 8/,
    );
    rejects(file(`{"a":{"dtype":"F64","shape":[],"data_offsets":[0,4]}}`, 4), /needs 8/);
    rejects(
      file(`{"a":{"dtype":"U8","shape":[4294967296,4294967296],"data_offsets":[0,4]}}`, 4),
      /needs more than 2\^53/,
    );
  });

  test("tensors that overlap, leave holes, or leave bytes at the end", () => {
    rejects(file(`{"a":${u8("[0,2]")},"b":${u8("[1,3]")}}`, 3), /tensors "a" and "b" overlap/);
    rejects(file(`{"a":${u8("[0,2]")},"b":${u8("[0,2]")}}`, 2), /overlap/); // two names for the same bytes
    rejects(file(`{"a":${u8("[0,4]", "[4]")},"e":${u8("[2,2]", "[0]")}}`, 4), /overlap/); // an empty tensor inside another
    rejects(file(`{"a":${u8("[1,3]")}}`, 3), /bytes 0 to 1 of the data area belong to no tensor/);
    rejects(file(`{"a":${u8("[0,2]")},"b":${u8("[3,5]")}}`, 5), /bytes 2 to 3 of the data area/);
    rejects(file(`{"a":${u8("[0,2]")}}`, 3), /the last 1 bytes of the file belong to no tensor/);
    rejects(file(`{}`, 1), /the last 1 bytes/);
  });

  test("the default label is 'checkpoint'", () => {
    try {
      decodeSafetensors(new Uint8Array(3));
    } catch (e) {
      expect((e as FormatError).message).toMatch(/^checkpoint: /);
    }
    expect.assertions(1);
  });
});

describe("damaged files", () => {
  const good = encodeSafetensors(
    {
      w: { dtype: "F32", shape: [2, 2], data: Float32Array.of(1, 2, 3, 4) },
      s: { dtype: "F64", shape: [], data: Float64Array.of(5) },
      b: { dtype: "U8", shape: [3], data: Uint8Array.of(6, 7, 8) },
      e: { dtype: "I32", shape: [0], data: new Int32Array(0) },
    },
    { step: "3" },
  );

  test("every truncation, and every one-byte deletion, is a FormatError", () => {
    for (let n = 0; n < good.length; n++) {
      expect(() => decodeSafetensors(good.subarray(0, n)), `first ${n} bytes`).toThrow(FormatError);
      const cut = Uint8Array.from([...good.subarray(0, n), ...good.subarray(n + 1)]);
      expect(() => decodeSafetensors(cut), `byte ${n} deleted`).toThrow(FormatError);
    }
  });

  test("any single changed byte either still decodes or is a FormatError", () => {
    let rejected = 0;
    for (let i = 0; i < good.length; i++) {
      for (const v of [0x00, 0x20, 0x22, 0x2c, 0x30, 0x39, 0x5b, 0x7b, 0x7d, 0x80, 0xff, good[i] ^ 1]) {
        const bad = good.slice();
        bad[i] = v;
        try {
          decodeSafetensors(bad);
        } catch (e) {
          expect(e).toBeInstanceOf(FormatError);
          rejected++;
        }
      }
    }
    expect(rejected).toBeGreaterThan(good.length);
  });
});
