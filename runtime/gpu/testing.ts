// Shared by the GPU tests: a device if this machine has an adapter (CI installs lavapipe), and a
// spec made small enough to check quickly.
import { checkSource } from "../../compiler/index.ts";
import type { Model as M } from "../../compiler/index.ts";
import { batchPlan, epochPermutation } from "../../compiler/index.ts";
import { uniformTensor } from "../../compiler/index.ts";
import { Streams } from "../../compiler/index.ts";
import { shrinkSpec } from "../../compiler/index.ts";
import type { BatchSource } from "./executor.ts";
import { type Target, TARGETS } from "../../compiler/shared.ts";

export const gpu = await (async () => {
  try {
    const adapter = await navigator.gpu?.requestAdapter();
    if (!adapter) return undefined;
    return { adapter, device: await adapter.requestDevice() };
  } catch {
    return undefined;
  }
})();
if (!gpu) console.warn("GPU tests skipped: no WebGPU adapter (install mesa-vulkan-drivers for a software one)");

/**
 * The software target with every product on textures: the specs the tests shrink are small enough that
 * the real table would keep all their products in buffers, and the texture kernels must be checked too.
 */
export const TEXTURE_TEST_TARGET: Target = { ...TARGETS.software, textureMinMacs: 0, minInvocations: 0 };

/**
 * TEXTURE_TEST_TARGET with 4 x 4 register blocks, for tests about something other than the kernels
 * (arena windows, ONNX export): with an empty shader cache (a new machine, CI) llvmpipe compiles them
 * 20-35 times faster than the table's blocks (a trainer compiled twice: 9.5 s against 344 s). The same
 * operations in the same order per output, so the same values; kernels.test.ts checks the table's blocks.
 */
const SMALL_BLOCK = { rows: 4, cols: 4, workgroup: 8 };
export const FAST_COMPILE_TARGET: Target = {
  ...TEXTURE_TEST_TARGET,
  blocks: { nn: SMALL_BLOCK, tn: SMALL_BLOCK, nt: SMALL_BLOCK },
  convBlocks: { forward: SMALL_BLOCK, wgrad: SMALL_BLOCK },
};

/** The kernel families the GPU tests cover (register blocks whatever the shrunk shapes' sizes). */
export const TEST_TARGETS: Record<string, Target> = {
  software: TEXTURE_TEST_TARGET,
  gpu: { ...TARGETS.gpu, minInvocations: 0 },
};

export const specsDir = new URL("../../specs/", import.meta.url);

export function smallSpec(name: string, o = { width: 12, batch: 6, latent: 8 }): M.CheckedSpec {
  const r = checkSource(Deno.readTextFileSync(new URL(name, specsDir)));
  if (!r.spec) throw new Error(`${name} does not check`);
  return shrinkSpec(r.spec, o);
}

/** n random examples in the spec's range, exact in float32. */
export function randomData(
  spec: M.CheckedSpec,
  n: number,
  seed = 9,
): { values: Float64Array; f32: Float32Array; n: number; labels?: Uint8Array } {
  const f = spec.data.shape.reduce((a, b) => a * b, 1);
  const [lo, hi] = spec.data.range;
  const f32 = Float32Array.from(
    uniformTensor({ seed, stream: 99, step: 0, draw: 0 }, n * f),
    (x) => lo + (hi - lo) * x,
  );
  const classes = spec.data.classes;
  if (!classes) return { values: Float64Array.from(f32), f32, n };
  // a conditional spec: random classes too, and the reference's rows hold each example's label after it
  const labels = Uint8Array.from(
    uniformTensor({ seed, stream: 98, step: 0, draw: 0 }, n),
    (u) => Math.floor(u * classes),
  );
  const values = new Float64Array(n * (f + 1));
  for (let i = 0; i < n; i++) {
    values.set(f32.subarray(i * f, (i + 1) * f), i * (f + 1));
    values[i * (f + 1) + f] = labels[i];
  }
  return { values, f32, n, labels };
}

export function batchesFor(n: number, batch: number, perStep: number, seed: number): BatchSource {
  return { ...batchPlan(n, batch, perStep), permutation: (e) => epochPermutation(seed, Streams.shuffle, e, n) };
}

export function dataMean(values: Float32Array, n: number): Float32Array {
  const f = values.length / n;
  const m = new Float32Array(f);
  const acc = new Float64Array(f);
  for (let i = 0; i < n; i++) for (let j = 0; j < f; j++) acc[j] += values[i * f + j];
  for (let j = 0; j < f; j++) m[j] = acc[j] / n;
  return m;
}
