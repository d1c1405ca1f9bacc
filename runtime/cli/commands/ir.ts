import { lowerSource, printProgram } from "../../../compiler/index.ts";
import { countLine, printDiagnostics, readSpecFile } from "../io.ts";

/** `gan ir SPEC [--backward]`: the training-step program as stable text. */
export function irCommand(file: string, opts: { backward?: boolean }): number {
  const text = readSpecFile(file);
  const { program, diagnostics } = lowerSource(text);
  if (diagnostics.length) printDiagnostics(file, text, diagnostics);
  if (!program) {
    console.error(`${file}: ${countLine(diagnostics)}; no IR`);
    return 1;
  }
  console.log(printProgram(program, { backward: opts.backward }).trimEnd());
  return 0;
}
