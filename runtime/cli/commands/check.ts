import { checkSource } from "../../../compiler/index.ts";
import { countLine, diagnosticsJson, hasErrors, printDiagnostics, readSpecFile } from "../io.ts";

/** `gan check SPEC...`: diagnostics or nothing; exit 1 on any error. */
export function checkCommand(files: string[], opts: { json?: boolean }): number {
  let failed = false;
  const json: unknown[] = [];
  for (const file of files) {
    const text = readSpecFile(file);
    const { diagnostics } = checkSource(text);
    if (hasErrors(diagnostics)) failed = true;
    if (opts.json) json.push(...diagnosticsJson(file, text, diagnostics));
    else if (diagnostics.length) {
      printDiagnostics(file, text, diagnostics);
      console.error(`${file}: ${countLine(diagnostics)}`);
    }
  }
  if (opts.json) console.log(JSON.stringify(json, null, 2));
  return failed ? 1 : 0;
}
