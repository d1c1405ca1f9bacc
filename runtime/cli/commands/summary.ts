import { checkSource, renderSummary } from "../../../compiler/index.ts";
import { countLine, hasErrors, printDiagnostics, readSpecFile } from "../io.ts";

/**
 * `gan summary SPEC`: layers, shapes, parameters and FLOPs per network, then the setup. With `textconv`
 * (git's diff driver) a spec that does not check is shown as its text, so `git diff` never fails on it.
 */
export function summaryCommand(file: string, o: { textconv?: boolean } = {}): number {
  const text = readSpecFile(file);
  const { spec, diagnostics } = checkSource(text);
  if (o.textconv && (!spec || hasErrors(diagnostics))) {
    console.log(`# ${file} does not check (${countLine(diagnostics)}); its text:\n${text.trimEnd()}`);
    return 0;
  }
  if (diagnostics.length) printDiagnostics(file, text, diagnostics);
  if (!spec || hasErrors(diagnostics)) {
    console.error(`${file}: ${countLine(diagnostics)}; no summary`);
    return 1;
  }
  console.log(renderSummary(spec).trimEnd());
  return 0;
}
