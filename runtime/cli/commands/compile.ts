import { dirname, join } from "node:path";
import { compileSource } from "../../../compiler/index.ts";
import { countLine, printDiagnostics, readSpecFile, UsageError } from "../io.ts";

/** The files `gan compile` writes for a spec, by path inside its folder. */
export async function compileToFiles(
  file: string,
  target?: string,
): Promise<{ name: string; files: Map<string, string>; limits: string[] } | undefined> {
  const text = readSpecFile(file);
  const { name, files, diagnostics, limits = [] } = await compileSource(text, file, target);
  if (diagnostics.length) printDiagnostics(file, text, diagnostics);
  if (!files) {
    console.error(`${file}: ${countLine(diagnostics)}; not compiled`);
    return undefined;
  }
  return { name: name ?? "", files, limits };
}

/** `gan compile SPEC [-o DIR]`: writes generated/<name>/ (kernels, plan.json, spec.gan, trainer.ts). */
export async function compileCommand(file: string, opts: { out?: string; target?: string }): Promise<number> {
  const r = await compileToFiles(file, opts.target);
  if (!r) return 1;
  if (!r.name) throw new UsageError(`${file}: give the spec a name (\`gan "name"\`) or an output folder with -o`);
  const dir = opts.out ?? join("generated", r.name);
  await writeFolder(dir, r.files);
  const kernels = [...r.files.keys()].filter((p) => p.endsWith(".wgsl")).length;
  for (const problem of r.limits) {
    console.error(`warning: ${problem} (WebGPU's default limits; adapters may offer more)`);
  }
  console.error(`${file} -> ${dir}/ (trainer.ts, generator.ts, ${kernels} kernels, support/, plan.json)`);
  return 0;
}

/** Writes a generated folder: its kernels/ and support/ are replaced whole, so no stale kernel is left. */
export async function writeFolder(dir: string, files: Map<string, string>): Promise<void> {
  for (const sub of ["kernels", "support"]) await Deno.remove(join(dir, sub), { recursive: true }).catch(() => {});
  for (const [path, text] of files) {
    await Deno.mkdir(dirname(join(dir, path)), { recursive: true });
    await Deno.writeTextFile(join(dir, path), text);
  }
}
