// Hostile bytes for every reader of user files: random bytes, every truncation of a valid file, a valid
// file with random bytes flipped. Each read either succeeds or ends in one FormatError that names the
// file; nothing else (a RangeError, a TypeError, a hang) ever escapes.
import { describe, expect, test } from "vitest";
import { gzipSync } from "fflate";
import { uniformTensor } from "../../compiler/index.ts";
import { decodeCheckpoint } from "../train/checkpoint.ts";
import { FormatError } from "../io/errors.ts";
import { encodeSafetensors } from "../io/safetensors.ts";
import { decodeCifar10 } from "./cifar10.ts";
import { decodeIdx } from "./idx.ts";

const SOURCE = "user/file.bin";

function idx(n: number): Uint8Array {
  const b = new Uint8Array(16 + n * 4);
  const v = new DataView(b.buffer);
  [0x803, n, 2, 2].forEach((x, i) => v.setUint32(4 * i, x));
  return b;
}

function checkpoint(): Uint8Array {
  return encodeSafetensors(
    {
      "G.0.weight": { dtype: "F32", shape: [2, 3], data: new Float32Array(6) },
      "G.0.bias": { dtype: "F32", shape: [3], data: new Float32Array(3) },
    },
    { format: "gan-checkpoint/1", name: "x", step: "5", seed: "1", spec: 'gan "x"' },
  );
}

const READERS: [string, (b: Uint8Array) => unknown, () => Uint8Array][] = [
  ["IDX", (b) => decodeIdx(b, SOURCE), () => idx(3)],
  ["gzipped IDX", (b) => decodeIdx(b, SOURCE), () => gzipSync(idx(3))],
  [
    "CIFAR-10",
    (b) => decodeCifar10(b, SOURCE),
    () => new Uint8Array(3073 * 2).map((_, i) => (i % 3073 === 0 ? 1 : i % 256)),
  ],
  ["checkpoint (safetensors)", (b) => decodeCheckpoint(b, SOURCE), checkpoint],
];

let seed = 0;
const randomBytes = (n: number) =>
  Uint8Array.from(uniformTensor({ seed: 7, stream: 40, step: seed++, draw: 0 }, n), (u) => Math.floor(u * 256));

function survives(read: (b: Uint8Array) => unknown, bytes: Uint8Array, what: string) {
  try {
    read(bytes);
  } catch (e) {
    expect(e, `${what}: ${(e as Error)?.stack}`).toBeInstanceOf(FormatError);
    expect((e as Error).message, what).toMatch(new RegExp(`^${SOURCE.replace(/[./]/g, "\\$&")}: \\S`));
    expect((e as Error).message.includes("\n"), what).toBe(false);
  }
}

describe("hostile bytes in every reader", () => {
  for (const [name, read, valid] of READERS) {
    test(`${name}: random bytes, every truncation, flipped bytes`, () => {
      const good = valid();
      expect(() => read(good)).not.toThrow();
      for (let n = 0; n < 300; n++) survives(read, randomBytes(n % 64 === 0 ? 0 : 1 + (n * 37) % 4000), `random ${n}`);
      for (let len = 0; len < good.length; len += Math.max(1, Math.floor(good.length / 400))) {
        survives(read, good.subarray(0, len), `first ${len} bytes`);
      }
      for (let n = 0; n < 300; n++) {
        const b = good.slice();
        const flips = randomBytes(8);
        for (let k = 0; k < 4; k++) b[(flips[2 * k] * 256 + flips[2 * k + 1]) % b.length] = flips[k + 4];
        survives(read, b, `flipped ${n}`);
      }
    });
  }
});
