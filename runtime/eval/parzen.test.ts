// The Parzen estimator on the GPU against a float64 computation and against closed forms.
import { describe, expect, test } from "vitest";
import { normalTensor, uniformTensor } from "../../compiler/index.ts";
import { gpu } from "../gpu/testing.ts";
import { parzenCpu, ParzenGpu, parzenProtocol, SIGMA_GRID } from "./parzen.ts";

const uniform = (n: number, stream: number) =>
  Float32Array.from(uniformTensor({ seed: 3, stream, step: 0, draw: 0 }, n));
const normal = (n: number, stream: number) => Float32Array.from(normalTensor({ seed: 3, stream, step: 0, draw: 0 }, n));

describe.skipIf(!gpu)("Parzen window log-likelihood on WebGPU", () => {
  test("every sigma of the grid matches a float64 computation on random data (texture and buffer kernels)", async () => {
    const [n, m, d] = [300, 45, 37]; // a partial last batch, and sizes no kernel block divides
    const samples = uniform(n * d, 1);
    const points = uniform(m * d, 2);
    for (const target of ["software", "gpu"]) {
      const p = await ParzenGpu.create(gpu!.device, samples, n, { batch: 20, target });
      const got = await p.logLikelihoods(points, m);
      p.destroy();
      SIGMA_GRID.forEach((sigma, i) => {
        const want = parzenCpu(samples, n, points, m, sigma);
        for (let j = 0; j < m; j++) {
          expect(Math.abs(got[i][j] - want[j]), `${target} sigma ${sigma} point ${j}`).toBeLessThan(
            2e-3 * Math.max(1, Math.abs(want[j])),
          );
        }
      });
    }
  });

  test("one sample: the estimate is the Gaussian log-density around it, in closed form", async () => {
    const d = 784;
    const mu = uniform(d, 3);
    const points = uniform(10 * d, 4);
    const p = await ParzenGpu.create(gpu!.device, mu, 1, { batch: 10 });
    const got = await p.logLikelihoods(points, 10);
    p.destroy();
    SIGMA_GRID.forEach((sigma, i) => {
      for (let j = 0; j < 10; j++) {
        let s = 0;
        for (let k = 0; k < d; k++) s += (points[j * d + k] - mu[k]) ** 2;
        const want = -s / (2 * sigma * sigma) - d * Math.log(sigma * Math.sqrt(2 * Math.PI));
        expect(Math.abs(got[i][j] - want) / Math.abs(want)).toBeLessThan(1e-4);
      }
    });
  });

  test("many samples of a standard normal: the estimate approaches log N(x; 0, 1 + sigma^2); the protocol picks sigma on validation", async () => {
    const n = 10000; // two chunks of samples
    const samples = normal(n, 5);
    const points = normal(1000, 6);
    const p = await ParzenGpu.create(gpu!.device, samples, n, { batch: 500 });
    const ll = await p.logLikelihoods(points, 1000);
    p.destroy();
    SIGMA_GRID.forEach((sigma, i) => {
      const v = 1 + sigma * sigma;
      let want = 0;
      for (const x of points) want += -0.5 * x * x / v - 0.5 * Math.log(2 * Math.PI * v);
      want /= points.length;
      const mean = ll[i].reduce((a, b) => a + b, 0) / ll[i].length;
      // 10,000 samples leave a small downward bias at the narrowest widths (the log of a noisy estimate)
      expect(Math.abs(mean - want), `sigma ${sigma}`).toBeLessThan(sigma < 0.2 ? 0.03 : 0.01);
    });
    // validation on the first half, test on the second: sigma is the validation argmax, then mean +- std/sqrt(N)
    const half = (i: number, second: boolean) => ll[i].slice(second ? 500 : 0, second ? 1000 : 500);
    const r = parzenProtocol(
      SIGMA_GRID,
      SIGMA_GRID.map((_, i) => half(i, false)),
      SIGMA_GRID.map((_, i) => half(i, true)),
    );
    const means = SIGMA_GRID.map((_, i) => half(i, false).reduce((a, b) => a + b, 0) / 500);
    expect(r.sigma).toBe(SIGMA_GRID[means.indexOf(Math.max(...means))]);
    const t = half(SIGMA_GRID.indexOf(r.sigma), true);
    const mu = t.reduce((a, b) => a + b, 0) / 500;
    expect(r.mean).toBeCloseTo(mu, 10);
    expect(r.stderr).toBeCloseTo(Math.sqrt(t.reduce((a, b) => a + (b - mu) ** 2, 0) / 500 / 500), 10);
    expect(r.testPoints).toBe(500);
  });
});
