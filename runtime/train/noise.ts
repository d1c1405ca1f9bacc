// Latent vectors from a spec's prior, from Philox streams: the same numbers in Deno and in a browser.
import type { Model as M } from "../../compiler/index.ts";
import { normalTensor, uniformTensor } from "../../compiler/shared.ts";

/** Stream of the fixed noise batch behind every sample grid of a run. */
const FIXED_NOISE_STREAM = 4; // compiler/index.ts FIXED_NOISE_STREAM: the generated modules draw it too

export function fixedNoise(spec: M.CheckedSpec, seed: number, n: number): Float32Array {
  return latentNoise(spec, seed, n, FIXED_NOISE_STREAM);
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
