import { describe, expect, test } from "vitest";
import { toyDataset, toyModes } from "../../compiler/shared.ts";
import { modeCoverage } from "./points.ts";

describe("2-D toy data and mode coverage", () => {
  const ring = { kind: "ring" as const, modes: 8, radius: 2, std: 0.02 };

  test("ring modes lie evenly on the circle; grid modes on a centred square lattice", () => {
    const m = toyModes(ring);
    expect(m).toHaveLength(8);
    m.forEach(([x, y], k) => {
      expect(Math.hypot(x, y)).toBeCloseTo(2, 12);
      expect(Math.atan2(y, x)).toBeCloseTo(Math.atan2(Math.sin((k * Math.PI) / 4), Math.cos((k * Math.PI) / 4)), 12);
    });
    const g = toyModes({ kind: "grid", side: 3, spacing: 2, std: 0.05 });
    expect(g).toEqual([[-2, -2], [0, -2], [2, -2], [-2, 0], [0, 0], [2, 0], [-2, 2], [0, 2], [2, 2]]);
  });

  test("the ring's own draws cover 8 of 8 modes evenly, 98.9% within 3 std (1 - e^-4.5 in 2-D)", () => {
    const d = toyDataset(ring, 1);
    expect(d.n).toBe(10_000);
    const c = modeCoverage(d.values, toyModes(ring), ring.std);
    expect(c.covered).toBe(8);
    expect(c.near).toBeGreaterThan(0.984);
    expect(c.near).toBeLessThan(0.994);
    for (const n of c.counts) expect(Math.abs(n - 10_000 / 8)).toBeLessThan(120);
    // another seed draws other points
    expect(Array.from(toyDataset(ring, 2).values.slice(0, 4))).not.toEqual(Array.from(d.values.slice(0, 4)));
  });

  test("collapsed points cover one mode; scattered ones none; 1% is the threshold", () => {
    const modes = toyModes(ring);
    const at = (pts: [number, number][]) => Float64Array.from(pts.flat());
    const collapsed = at(Array.from({ length: 200 }, () => [2.01, 0.01]));
    expect(modeCoverage(collapsed, modes, 0.02)).toMatchObject({ covered: 1, near: 1 });
    const far = at(Array.from({ length: 200 }, (_, i) => [0.1 * Math.cos(i), 0.1 * Math.sin(i)]));
    expect(modeCoverage(far, modes, 0.02)).toMatchObject({ covered: 0, near: 0 });
    // 99 points on mode 0 and 1 point on mode 2: 1 of 100 is exactly 1%, so both count
    const split = at([...Array.from({ length: 99 }, () => [2, 0] as [number, number]), [0, 2]]);
    expect(modeCoverage(split, modes, 0.02)).toMatchObject({ covered: 2, counts: [99, 0, 1, 0, 0, 0, 0, 0] });
    expect(modeCoverage(split, modes, 0.02, 0.02).covered).toBe(1);
  });
});
