import { describe, expect, test } from "vitest";
import { FormatError } from "./errors.ts";
import { decodeNpy, encodeNpy } from "./npy.ts";

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const bytesOf = (a: ArrayBufferView) => [...new Uint8Array(a.buffer, a.byteOffset, a.byteLength)];
const MAGIC = [0x93, ...ascii("NUMPY")];

/** A .npy file from its parts: the header text is used as given (no padding added). */
function npy(header: string, data: number[] = [], version: [number, number] = [1, 0]): Uint8Array {
  const h = new TextEncoder().encode(header);
  const length = version[0] === 1
    ? [h.length & 0xff, h.length >> 8]
    : [h.length & 0xff, (h.length >> 8) & 0xff, h.length >> 16, 0];
  return Uint8Array.from([...MAGIC, ...version, ...length, ...h, ...data]);
}
const dict = (descr: string, shape: string, fortran = "False") =>
  `{'descr': '${descr}', 'fortran_order': ${fortran}, 'shape': ${shape}, }\n`;

function rejects(bytes: Uint8Array, problem: RegExp, source = "z.npy") {
  let error: unknown;
  try {
    decodeNpy(bytes, source);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(FormatError);
  expect((error as FormatError).source).toBe(source);
  expect((error as FormatError).problem).toMatch(problem);
}

describe("encodeNpy: byte-exact", () => {
  test("float32 (2, 3): magic, version 1.0, header length 118, the dict padded to byte 127, '\\n', then the data", () => {
    // This is also exactly what NumPy 2.4's np.save writes for np.arange(6, dtype='<f4').reshape(2, 3).
    const text = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
    expect(text.length).toBe(59);
    const expected = [
      ...[0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59], // \x93NUMPY
      ...[1, 0], // version 1.0
      ...[118, 0], // header length, u16 little-endian: 10 + 118 = 128, a multiple of 64
      ...ascii(text + " ".repeat(118 - 59 - 1) + "\n"),
      ...[0, 0, 0, 0, 0, 0, 0x80, 0x3f, 0, 0, 0, 0x40, 0, 0, 0x40, 0x40, 0, 0, 0x80, 0x40, 0, 0, 0xa0, 0x40], // 0..5 as f32 LE
    ];
    expect([...encodeNpy(Float32Array.of(0, 1, 2, 3, 4, 5), [2, 3])]).toEqual(expected);
  });

  test("float64 vectors and scalars use Python's tuple spelling: (2,) and ()", () => {
    const vec = encodeNpy(Float64Array.of(1.5, -2), [2]);
    const text = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }";
    expect([...vec.subarray(0, 128)]).toEqual([...MAGIC, 1, 0, 118, 0, ...ascii(text.padEnd(117) + "\n")]);
    expect([...vec.subarray(128)]).toEqual([0, 0, 0, 0, 0, 0, 0xf8, 0x3f, 0, 0, 0, 0, 0, 0, 0, 0xc0]);
    const scalar = encodeNpy(Float32Array.of(3), []);
    expect(new TextDecoder().decode(scalar.subarray(10, 128))).toBe(
      "{'descr': '<f4', 'fortran_order': False, 'shape': (), }".padEnd(117) + "\n",
    );
    expect([...scalar.subarray(128)]).toEqual([0, 0, 0x40, 0x40]);
  });

  test("the data always starts at a multiple of 64, right after a '\\n'", () => {
    for (let dims = 0; dims < 40; dims++) {
      const shape = new Array(dims).fill(1);
      const out = encodeNpy(Float32Array.of(1), shape);
      const start = 10 + out[8] + 256 * out[9];
      expect(start % 64).toBe(0);
      expect(out[start - 1]).toBe(0x0a);
      expect(out.length - start).toBe(4);
    }
  });

  test("refuses a shape the values do not fill", () => {
    expect(() => encodeNpy(new Float32Array(5), [2, 3])).toThrow(/5 values/);
    expect(() => encodeNpy(new Float32Array(0), [-1])).toThrow();
  });
});

describe("round trips and the header variants NumPy may write", () => {
  test("float32 and float64, scalars, empty arrays, many dimensions", () => {
    const cases: [Float32Array | Float64Array, number[]][] = [
      [Float32Array.of(1, -0, NaN, Infinity, 3.5, -1e-30), [2, 3]],
      [Float64Array.of(Math.E), []],
      [new Float32Array(0), [0]],
      [new Float64Array(0), [3, 0, 2]],
      [new Float32Array(7).map((_, i) => i), [7]],
      [new Float32Array(1), new Array(20).fill(1)],
    ];
    for (const [data, shape] of cases) {
      const back = decodeNpy(encodeNpy(data, shape), "t.npy");
      expect(back.shape).toEqual(shape);
      expect(back.data.constructor).toBe(data.constructor);
      expect(bytesOf(back.data)).toEqual(bytesOf(data));
    }
  });

  test("versions 2.0 and 3.0 have a 4-byte header length", () => {
    for (const v of [2, 3]) {
      const back = decodeNpy(npy(dict("<f4", "(2,)"), [0, 0, 0x80, 0x3f, 0, 0, 0, 0x40], [v, 0]), "v.npy");
      expect([...back.data]).toEqual([1, 2]);
      expect(back.shape).toEqual([2]);
    }
  });

  test("uint8 ('|u1') becomes float32 values 0..255", () => {
    const back = decodeNpy(npy(dict("|u1", "(2, 2)"), [0, 7, 128, 255]), "u.npy");
    expect(back.data).toBeInstanceOf(Float32Array);
    expect([...back.data]).toEqual([0, 7, 128, 255]);
    expect(back.shape).toEqual([2, 2]);
  });

  test("key order, quotes, spacing, trailing commas, Python 2 longs", () => {
    const one = [0, 0, 0x80, 0x3f];
    for (
      const header of [
        `{'shape': (1,), 'fortran_order': False, 'descr': '<f4'}\n`,
        `{"descr":"<f4","fortran_order":False,"shape":(1,)}     \n`,
        `{ 'descr' : '<f4' , 'fortran_order' : False , 'shape' : ( 1 , ) , }\n`,
        `{'descr': '<f4', 'fortran_order': False, 'shape': (1L,), }\n`,
        `{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 1), }   \t\n`,
      ]
    ) {
      expect([...decodeNpy(npy(header, one), "h.npy").data], header).toEqual([1]);
    }
  });

  test("data at an unaligned offset is copied into an aligned array", () => {
    const header = dict("<f8", "(2,)"); // 10 + 57 bytes: the data starts at an odd offset
    const back = decodeNpy(npy(header, bytesOf(Float64Array.of(0.25, 8))), "a.npy");
    expect([...back.data]).toEqual([0.25, 8]);
  });
});

describe("decodeNpy rejects, naming the file", () => {
  const f4 = (shape: string, data: number[]) => npy(dict("<f4", shape), data);

  test("a wrong magic string, or a file too short to have one", () => {
    rejects(new Uint8Array(0), /not a NumPy .npy file/);
    rejects(Uint8Array.from(MAGIC.slice(0, 5)), /not a NumPy .npy file/);
    rejects(Uint8Array.from([...MAGIC, 1]), /ends inside its header: truncated/);
    rejects(Uint8Array.from([0x93, ...ascii("NUMPX"), 1, 0, 0, 0]), /not a NumPy .npy file/);
    rejects(Uint8Array.from([...ascii("PK"), 3, 4, 0, 0, 0, 0, 0, 0]), /not a NumPy .npy file/); // an .npz
  });

  test("versions other than 1.0, 2.0, 3.0", () => {
    for (const v of [[0, 0], [4, 0], [1, 1], [2, 5], [255, 255]] as [number, number][]) {
      rejects(npy(dict("<f4", "()"), [0, 0, 0, 0], v), new RegExp(`version ${v[0]}\\.${v[1]} is not supported`));
    }
  });

  test("a header length past the end of the file, or over NumPy's limit", () => {
    rejects(Uint8Array.from([...MAGIC, 1, 0, 5]), /ends inside its header/);
    rejects(Uint8Array.from([...MAGIC, 2, 0, 0, 0, 0]), /ends inside its header/);
    rejects(Uint8Array.from([...MAGIC, 1, 0, 200, 0, ...ascii("{}")]), /runs past the end/);
    rejects(Uint8Array.from([...MAGIC, 2, 0, 0xff, 0xff, 0xff, 0x7f, ...ascii("{}")]), /over NumPy's limit/);
  });

  test("a header that is not the dict NumPy writes", () => {
    const bad = (header: string, why: RegExp) => rejects(npy(header, [0, 0, 0x80, 0x3f]), why);
    bad("", /malformed header "": expected '\{'/);
    bad("[]\n", /expected '\{'/);
    bad("{'descr': '<f4', 'fortran_order': False, 'shape': (1,)\n", /expected '\}'/);
    bad("{'descr': '<f4', 'fortran_order': False, 'shape': (1,)} x\n", /unexpected text after the dict/);
    bad("{'descr': '<f4', 'fortran_order': False, 'shape': (1,)}", /does not end in a line break/);
    bad("{'descr': '<f4', 'shape': (1,)}\n", /its keys are descr, shape; expected/);
    bad("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'extra': 1}\n", /unexpected "1\}/);
    bad(
      "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 'y'}\n",
      /its keys are descr, fortran_order, shape, x/,
    );
    bad("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (1,)}\n", /'descr' appears twice/);
    bad("{descr: '<f4', 'fortran_order': False, 'shape': (1,)}\n", /expected a quoted string/);
    bad("{'descr': '<f4, 'fortran_order': False, 'shape': (1,)}\n", /expected '\}' at offset 17/); // the string ends at 'f
    bad("{'descr': '<f4', 'fortran_order': False, 'shape': (1,)}'\n", /unexpected text/);
    bad("{'descr: '<f4'}\n", /expected ':'/);
    bad("{'descr': '<f\\x34', 'fortran_order': False, 'shape': (1,)}\n", /escape/);
    bad("{'descr': '<f4', 'fortran_order': 0, 'shape': (1,)}\n", /unexpected "0/);
    bad("{'descr': '<f4', 'fortran_order': 'False', 'shape': (1,)}\n", /fortran_order is not True or False/);
    bad("{'descr': True, 'fortran_order': False, 'shape': (1,)}\n", /descr is not a string/);
    bad("{'descr': '<f4', 'fortran_order': False, 'shape': '(1,)'}\n", /shape is not a tuple/);
    bad("{'descr': '<f4', 'fortran_order': False, 'shape': [1]}\n", /unexpected "\[1\]/);
    bad("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,)}\n", /unexpected/); // structured dtype
  });

  test("shapes that are not tuples of whole numbers >= 0", () => {
    for (
      const shape of ["(1)", "(-1,)", "(1.0,)", "(,)", "(1,,)", "(1 1)", "(a,)", "(99999999999999999999,)", "((1,),)"]
    ) {
      rejects(f4(shape, [0, 0, 0x80, 0x3f]), /malformed header/);
    }
    rejects(f4("(1)", [0, 0, 0x80, 0x3f]), /\(1\) is not a tuple; a 1-D shape is written \(1,\)/);
  });

  test("Fortran order, big-endian and other dtypes", () => {
    rejects(npy(dict("<f4", "(1,)", "True"), [0, 0, 0x80, 0x3f]), /Fortran order/);
    rejects(npy(dict(">f4", "(1,)"), [0x3f, 0x80, 0, 0]), /dtype '>f4' is not supported.*big-endian/);
    for (const d of ["<f2", "<i4", "<u1", "|b1", "<c8", "=f4", "O", "__proto__", ""]) {
      rejects(npy(dict(d, "(1,)"), [0, 0, 0, 0]), /is not supported: gan reads float32/);
    }
  });

  test("too little or too much data", () => {
    rejects(f4("(2,)", [0, 0, 0x80, 0x3f]), /shape \(2,\) of '<f4' needs 8 bytes of data, the file holds 4: truncated/);
    rejects(f4("()", []), /needs 4 bytes.*holds 0/);
    rejects(f4("(1,)", [0, 0, 0x80, 0x3f, 0]), /1 bytes follow the 4 bytes/);
    rejects(f4("(0,)", [1]), /1 bytes follow the 0 bytes/);
  });

  test("a version 3.0 header that is not UTF-8", () => {
    const h = dict("<f4", "(1,)");
    const bytes = npy(h, [0, 0, 0x80, 0x3f], [3, 0]);
    bytes[10 + h.length - 2] = 0xff; // a space of the padding becomes an invalid UTF-8 byte
    rejects(bytes, /not valid UTF-8/);
  });
});

describe("damaged files", () => {
  const good = encodeNpy(Float32Array.of(1, 2, 3, 4, 5, 6), [3, 2]);

  test("every truncation, and every one-byte deletion, is a FormatError", () => {
    for (let n = 0; n < good.length; n++) {
      expect(() => decodeNpy(good.subarray(0, n), "t.npy"), `first ${n} bytes`).toThrow(FormatError);
      const cut = Uint8Array.from([...good.subarray(0, n), ...good.subarray(n + 1)]);
      expect(() => decodeNpy(cut, "t.npy"), `byte ${n} deleted`).toThrow(FormatError);
    }
  });

  test("any single changed byte either still decodes or is a FormatError", () => {
    let rejected = 0;
    for (let i = 0; i < good.length; i++) {
      for (const v of [0x00, 0x0a, 0x20, 0x27, 0x28, 0x29, 0x2c, 0x31, 0x3e, 0x7d, 0xff, good[i] ^ 1]) {
        const bad = good.slice();
        bad[i] = v;
        try {
          decodeNpy(bad, "t.npy");
        } catch (e) {
          expect(e).toBeInstanceOf(FormatError);
          rejected++;
        }
      }
    }
    expect(rejected).toBeGreaterThan(good.length);
  });
});
