import { describe, expect, test } from "vitest";
import { mulhi, normalTensor, philox4x32, toUnit, uniformTensor } from "./philox.ts";

const hex = (ws: number[]) => ws.map((w) => w.toString(16).padStart(8, "0"));

describe("Philox4x32-10", () => {
  // Known-answer vectors of the Random123 distribution (kat_vectors, philox4x32 10 rounds).
  test("known-answer vectors", () => {
    expect(hex(philox4x32([0, 0, 0, 0], [0, 0]))).toEqual(["6627e8d5", "e169c58d", "bc57ac4c", "9b00dbd8"]);
    expect(hex(philox4x32([0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff]))).toEqual([
      "408f276d",
      "41c83b0e",
      "a20bc7c6",
      "6d5451fd",
    ]);
    expect(hex(philox4x32([0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0]))).toEqual([
      "d16cfe09",
      "94fdcceb",
      "5001e420",
      "24126ea1",
    ]);
  });

  test("mulhi agrees with BigInt on random operands", () => {
    let x = 12345;
    for (let i = 0; i < 10000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const a = x;
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const b = i % 7 === 0 ? 0xffffffff : x;
      expect(mulhi(a, b)).toBe(Number((BigInt(a) * BigInt(b)) >> 32n));
    }
  });

  test("unit floats are in [0, 1) and exact in float32", () => {
    for (const w of [0, 1, 255, 256, 0x7fffffff, 0xffffffff]) {
      const u = toUnit(w);
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      expect(Math.fround(u)).toBe(u);
    }
  });

  test("uniform and normal tensors have the right moments and differ by stream, step and draw", () => {
    const site = { seed: 7, stream: 1, step: 0, draw: 0 };
    const u = uniformTensor(site, 100_000);
    const mean = u.reduce((s, x) => s + x, 0) / u.length;
    const v = u.reduce((s, x) => s + (x - mean) ** 2, 0) / u.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(v - 1 / 12)).toBeLessThan(0.002);
    const n = normalTensor(site, 100_000);
    const nm = n.reduce((s, x) => s + x, 0) / n.length;
    const nv = n.reduce((s, x) => s + (x - nm) ** 2, 0) / n.length;
    expect(Math.abs(nm)).toBeLessThan(0.02);
    expect(Math.abs(nv - 1)).toBeLessThan(0.02);
    for (const other of [{ ...site, stream: 2 }, { ...site, step: 1 }, { ...site, draw: 1 }, { ...site, seed: 8 }]) {
      expect(uniformTensor(other, 8)).not.toEqual(uniformTensor(site, 8));
    }
    expect(uniformTensor(site, 8)).toEqual(uniformTensor(site, 8));
    expect(uniformTensor(site, 5)).toEqual(uniformTensor(site, 8).slice(0, 5));
  });
});
