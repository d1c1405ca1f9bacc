// A file the user gave us is not what it claims to be. The CLI prints the message as is, with no stack
// trace: the user's fix is to the file, not to our code.
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
