import { checkSource, renderSummary } from "../../../compiler/index.ts";
import { countLine, hasErrors, printDiagnostics, readSpecFile } from "../io.ts";

/** `gan summary SPEC`: layers, shapes, parameters and FLOPs per network, then the setup. */
export function summaryCommand(file: string): number {
  const text = readSpecFile(file);
  const { spec, diagnostics } = checkSource(text);
  if (diagnostics.length) printDiagnostics(file, text, diagnostics);
  if (!spec || hasErrors(diagnostics)) {
    console.error(`${file}: ${countLine(diagnostics)}; no summary`);
    return 1;
  }
  console.log(renderSummary(spec).trimEnd());
  return 0;
}
