// Which real examples each phase reads: every epoch visits the training set in a fresh order, a
// Philox-keyed permutation, so the GPU runtime and the reference pick identical batches. The code lives
// in compiler/support/random.ts, which each generated folder carries.
export { batchPlan, epochPermutation } from "../support/random.ts";
