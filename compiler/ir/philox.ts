// Philox4x32-10, the counter-based generator behind every random number of a spec. It lives in
// compiler/support/random.ts, which each generated folder carries, so the float64 reference and the
// generated modules draw from one implementation.
export { mulhi, normalTensor, philox4x32, type RandomSite, toUnit, uniformTensor } from "../support/random.ts";
