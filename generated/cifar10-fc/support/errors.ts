// Errors a user can cause through a generated module: bytes that are not what they claim (a checkpoint,
// training data), or a device too small for the spec. Messages read as one line, with no stack trace.
// Copied into each generated folder as support/errors.ts; it imports nothing.

export class FormatError extends Error {
  override name = "FormatError";

  /**
   * @param source the file name, or a label such as "checkpoint" when the bytes came from elsewhere
   * @param problem what is wrong, in a phrase that reads after "source: "
   */
  constructor(readonly source: string, readonly problem: string) {
    super(`${source}: ${problem}`);
  }
}

/** The device cannot hold or run the spec's kernels: what does not fit, with the numbers. */
export class LimitError extends Error {
  override name = "LimitError";
}

/** A kernel the device's WebGPU compiler rejects (a corrupt or hand-edited generated folder): which one, and why. */
export class KernelError extends Error {
  override name = "KernelError";
}
