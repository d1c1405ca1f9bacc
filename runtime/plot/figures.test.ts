import { describe, expect, test } from "vitest";
import { interpolations, kde, nearest, spreadSteps, toyDensity } from "./figures.ts";
import { normalTensor } from "../../compiler/index.ts";

const integrate = (f: (x: number) => number, lo: number, hi: number, n = 4000) => {
  let s = 0;
  for (let i = 0; i < n; i++) s += f(lo + ((i + 0.5) * (hi - lo)) / n);
  return (s * (hi - lo)) / n;
};

describe("figure helpers", () => {
  test("steps are spread evenly, keeping the first and the last", () => {
    expect(spreadSteps([0, 1000, 2000, 3000, 4000], 5)).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(spreadSteps([0, 1, 2, 3, 4, 5, 6, 7, 8], 3)).toEqual([0, 4, 8]);
    expect(spreadSteps([0, 5000, 10000, 15000, 20000, 25000], 4)).toEqual([0, 10000, 15000, 25000]);
  });

  test("the toy densities are normalised, and a mixture's weights are relative", () => {
    expect(integrate(toyDensity({ kind: "gaussian", mean: 4, std: 0.5 }), -2, 10)).toBeCloseTo(1, 6);
    const mix = toyDensity({ kind: "mixture", means: [-2, 3], stds: [0.5, 1], weights: [1, 3] });
    expect(integrate(mix, -10, 12)).toBeCloseTo(1, 6);
    expect(integrate(mix, -10, 0.5)).toBeCloseTo(0.25 + 0.75 * 0.0062, 3);
  });

  test("the kernel density estimate of normal draws is close to the normal density", () => {
    const x = normalTensor({ seed: 1, stream: 9, step: 0, draw: 0 }, 20000).map((v) => 1 + 2 * v);
    const grid = [-3, -1, 0, 1, 2, 3, 5];
    const est = kde(x, grid, 1e-3);
    const exact = toyDensity({ kind: "gaussian", mean: 1, std: 2 });
    grid.forEach((g, i) => expect(Math.abs(est[i] - exact(g))).toBeLessThan(0.01));
    expect(integrate((v) => kde(x, [v], 1e-3)[0], -10, 12, 400)).toBeCloseTo(1, 2);
    // all draws at one point: the floor keeps the bandwidth, and the mass, finite
    const spike = kde(new Float64Array(100).fill(2), [2, 2.5], 0.1);
    expect(spike[0]).toBeCloseTo(1 / (0.1 * Math.sqrt(2 * Math.PI)), 6);
  });

  test("nearest finds the closest row by Euclidean distance", () => {
    const data = Float32Array.of(0, 0, 5, 5, 1, 1, -3, 2);
    expect(nearest(data, 4, Float32Array.of(0.8, 1.3))).toBe(2);
    expect(nearest(data, 4, Float32Array.of(-2, 2))).toBe(3);
    expect(nearest(data, 4, Float32Array.of(9, 9))).toBe(1);
  });

  test("interpolations run from each row's first draw to its second in even steps", () => {
    const ends = Float32Array.of(0, 10, 4, 6, /* row 2 */ 1, 1, 1, 1);
    const z = interpolations(ends, 2, 2, 3);
    expect(Array.from(z)).toEqual([0, 10, 2, 8, 4, 6, 1, 1, 1, 1, 1, 1]);
  });
});
