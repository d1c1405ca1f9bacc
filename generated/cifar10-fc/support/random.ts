// Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC 2011): a counter-based
// generator. Every draw is a pure function of (key, counter), so the float64 reference, the WGSL kernels
// and a generated module in Deno or a browser produce bit-identical words for the same seed, step and
// element. Copied into each generated folder as support/random.ts; it imports nothing.

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

/** High 32 bits of a 32x32-bit product, from 16-bit halves (the same steps a u32-only GPU takes). */
export function mulhi(a: number, b: number): number {
  const al = a & 0xffff;
  const ah = a >>> 16;
  const bl = b & 0xffff;
  const bh = b >>> 16;
  const t = Math.imul(al, bl) >>> 0;
  const m1 = (Math.imul(ah, bl) + (t >>> 16)) >>> 0;
  const m2 = (Math.imul(al, bh) + (m1 & 0xffff)) >>> 0;
  return (Math.imul(ah, bh) + (m1 >>> 16) + (m2 >>> 16)) >>> 0;
}

/** Ten rounds on a 4-word counter with a 2-word key; returns four uniformly distributed u32 words. */
export function philox4x32(
  c: readonly [number, number, number, number],
  k: readonly [number, number],
): [number, number, number, number] {
  let [c0, c1, c2, c3] = c.map((x) => x >>> 0);
  let [k0, k1] = k.map((x) => x >>> 0);
  for (let round = 0; round < 10; round++) {
    if (round > 0) {
      k0 = (k0 + W0) >>> 0;
      k1 = (k1 + W1) >>> 0;
    }
    const hi0 = mulhi(M0, c0);
    const lo0 = Math.imul(M0, c0) >>> 0;
    const hi1 = mulhi(M1, c2);
    const lo1 = Math.imul(M1, c2) >>> 0;
    [c0, c1, c2, c3] = [(hi1 ^ c1 ^ k0) >>> 0, lo1, (hi0 ^ c3 ^ k1) >>> 0, lo0];
  }
  return [c0, c1, c2, c3];
}

/** A u32 word to a float in [0, 1) with 24 random bits: exact in float32, so CPU and GPU agree bit for bit. */
export const toUnit = (word: number): number => (word >>> 8) * 5.9604644775390625e-8; // 2^-24

/**
 * Where a random tensor's numbers come from. The key is (seed, stream): each random op of a spec has its
 * own stream. The counter is (block, step, draw, 0): `step` is the training step and `draw` tells apart
 * several draws of one op within a step (the k D-updates of Algorithm 1). Element e of a uniform tensor is
 * word e % 4 of block e / 4; a normal element takes two words (Box-Muller) from block e / 2.
 */
export interface RandomSite {
  seed: number;
  stream: number;
  step: number;
  draw: number;
}

export function uniformTensor(site: RandomSite, size: number): Float64Array {
  const out = new Float64Array(size);
  for (let block = 0; block * 4 < size; block++) {
    const w = philox4x32([block, site.step, site.draw, 0], [site.seed, site.stream]);
    for (let j = 0; j < 4 && block * 4 + j < size; j++) out[block * 4 + j] = toUnit(w[j]);
  }
  return out;
}

export function normalTensor(site: RandomSite, size: number): Float64Array {
  const out = new Float64Array(size);
  for (let block = 0; block * 2 < size; block++) {
    const w = philox4x32([block, site.step, site.draw, 0], [site.seed, site.stream]);
    for (let j = 0; j < 2 && block * 2 + j < size; j++) {
      const u1 = 1 - toUnit(w[2 * j]); // (0, 1]: log never sees 0
      const u2 = toUnit(w[2 * j + 1]);
      out[block * 2 + j] = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
  }
  return out;
}

/** The order in which an epoch visits n examples: a Philox-keyed permutation, identical everywhere. */
export function epochPermutation(seed: number, stream: number, epoch: number, n: number): Uint32Array {
  const keys = new Float64Array(n);
  for (let block = 0; block * 4 < n; block++) {
    const w = philox4x32([block, epoch, 0, 0], [seed, stream]);
    for (let j = 0; j < 4 && block * 4 + j < n; j++) keys[block * 4 + j] = w[j];
  }
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => keys[a] - keys[b] || a - b);
  return order;
}

/** Batches a step consumes: `perStep` of them, each `batch` examples; a partial last batch of an epoch is skipped. */
export function batchPlan(n: number, batch: number, perStep: number) {
  const perEpoch = Math.floor(n / batch);
  if (perEpoch < 1) throw new RangeError(`the batch (${batch}) is larger than the training set (${n} examples)`);
  return {
    perEpoch,
    /** The epoch a step starts in (what schedules over epochs read). */
    epochOf: (step: number) => Math.floor((step * perStep) / perEpoch),
    /** Epoch and offset of the j-th batch of a step. */
    locate: (step: number, j: number) => {
      const c = step * perStep + j;
      return { epoch: Math.floor(c / perEpoch), offset: (c % perEpoch) * batch };
    },
  };
}
