// The toy distributions' training sets: n examples drawn once from the spec's seed (Philox, its own
// stream), so the GPU runtime and the reference train on the same numbers. The code lives in
// compiler/support/data.ts, which each generated folder carries.
export { TOY_EXAMPLES, toyDataset } from "../support/data.ts";
