// Latent vectors from a spec's prior, from Philox streams: the same numbers in Deno and in a browser.
import type { Model as M } from "../../compiler/index.ts";
import { normalTensor, uniformTensor } from "../../compiler/shared.ts";

/** Stream of the fixed noise batch behind every sample grid of a run. */
const FIXED_NOISE_STREAM = 4; // compiler/index.ts FIXED_NOISE_STREAM: the generated modules draw it too

export function fixedNoise(spec: M.CheckedSpec, seed: number, n: number): Float32Array {
  return latentNoise(spec, seed, n, FIXED_NOISE_STREAM);
}

/** Samples per row of a class-conditional grid: one row per class. */
export const CLASS_COLUMNS = 8;

/** Labels for a grid with one row per class: row r shows class r, `cols` samples of it. */
export function classRows(classes: number, cols = CLASS_COLUMNS): number[] {
  return Array.from({ length: classes * cols }, (_, i) => Math.floor(i / cols));
}

/** `z` repeated `times` times: the same noise for every class's row of a grid. */
export function repeatRows(z: Float32Array, times: number): Float32Array {
  const out = new Float32Array(z.length * times);
  for (let t = 0; t < times; t++) out.set(z, t * z.length);
  return out;
}

/** n latent vectors from the spec's prior, drawn from one random stream. */
export function latentNoise(spec: M.CheckedSpec, seed: number, n: number, stream: number): Float32Array {
  const site = { seed, stream, step: 0, draw: 0 };
  const p = spec.latent.prior;
  const count = n * spec.latent.dim;
  return p.kind === "uniform"
    ? Float32Array.from(uniformTensor(site, count), (u) => p.low + (p.high - p.low) * u)
    : Float32Array.from(normalTensor(site, count), (x) => p.mean + p.std * x);
}
