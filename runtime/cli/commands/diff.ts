// `gan diff A.gan B.gan` and `gan diff X.gan --rev REV`: two specs compared by meaning (compiler/diff).
// Exit 0 when they are the same, 1 when they differ, 2 on an error.
import { basename, dirname } from "node:path";
import { lowerSource } from "../../../compiler/index.ts";
import { diffSpecs, type PlanOutline, planOutline, renderDiff } from "../../../compiler/index.ts";
import { planProgram } from "../../../compiler/index.ts";
import { DEFAULT_TARGET } from "../../../compiler/shared.ts";
import type { CheckedSpec } from "../../../compiler/index.ts";
import { countLine, outPalette, printDiagnostics, readSpecFile, UsageError } from "../io.ts";

export interface DiffOptions {
  a: string;
  b?: string;
  rev?: string;
  json?: boolean;
}

/** A spec as it was at a git revision: `git show REV:./FILE`, run beside the file. */
function atRevision(path: string, rev: string): string {
  // git would read a leading `-` as one of its options (`--output=FILE` writes a file)
  if (rev.startsWith("-") || rev.length === 0) {
    throw new UsageError(`--rev ${rev}: give a git revision such as HEAD~1 or a commit (not an option)`);
  }
  const out = new Deno.Command("git", { args: ["-C", dirname(path) || ".", "show", `${rev}:./${basename(path)}`] })
    .outputSync();
  if (out.code !== 0) {
    const why = new TextDecoder().decode(out.stderr).trim().split("\n")[0] || `git exited with ${out.code}`;
    throw new UsageError(`--rev ${rev}: cannot read ${path} at that revision: ${why.replace(/^fatal: /, "")}`);
  }
  return new TextDecoder().decode(out.stdout);
}

function compile(label: string, text: string): { spec: CheckedSpec; plan?: PlanOutline } {
  const { spec, program, diagnostics } = lowerSource(text);
  if (!spec || diagnostics.some((d) => d.severity === "error")) {
    printDiagnostics(label, text, diagnostics);
    throw new UsageError(`${label}: ${countLine(diagnostics)}; nothing compared`);
  }
  if (!program) return { spec };
  return { spec, plan: planOutline(planProgram(program, { target: DEFAULT_TARGET })) };
}

export function diffCommand(o: DiffOptions): number {
  let before: { label: string; text: string };
  let after: { label: string; text: string };
  if (o.rev !== undefined) {
    if (o.b !== undefined) {
      throw new UsageError(
        "give one spec with --rev (it is compared with itself at that revision), or two specs without it",
      );
    }
    before = { label: `${o.a}@${o.rev}`, text: atRevision(o.a, o.rev) };
    after = { label: o.a, text: readSpecFile(o.a) };
  } else {
    if (o.b === undefined) throw new UsageError("give two specs to compare, or one with --rev REV");
    before = { label: o.a, text: readSpecFile(o.a) };
    after = { label: o.b, text: readSpecFile(o.b) };
  }
  const a = compile(before.label, before.text);
  const b = compile(after.label, after.text);
  const d = diffSpecs(a.spec, b.spec, a.plan && b.plan ? [a.plan, b.plan] : undefined);
  if (o.json) {
    console.log(JSON.stringify({ before: before.label, after: after.label, ...d }, null, 1));
  } else {
    const c = outPalette();
    const text = renderDiff(d, before.label, after.label, {
      added: c.green,
      removed: c.red,
      changed: c.yellow,
      dim: c.dim,
      bold: c.bold,
    });
    Deno.stdout.writeSync(new TextEncoder().encode(text));
  }
  return d.same ? 0 : 1;
}
