// Which real examples each phase reads: every epoch visits the training set in a fresh order, a
// Philox-keyed permutation, so the GPU runtime and the reference pick identical batches.
import { philox4x32 } from "./philox.ts";

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
