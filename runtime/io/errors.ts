// A file the user gave us is not what it claims to be. The CLI prints the message as is, with no stack
// trace: the user's fix is to the file, not to our code. The class is the one generated modules throw.
export { FormatError, LimitError } from "../../compiler/shared.ts";
