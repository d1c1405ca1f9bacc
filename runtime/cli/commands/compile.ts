import { dirname, join } from "node:path";
import { checkSource, compilePytorch, compileSource } from "../../../compiler/index.ts";
import { dataOfSpec, loadTrainingSet } from "../../train/data.ts";
import { writeRows } from "../../train/pytorch.ts";
import { countBar } from "../../train/progress.ts";
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
  refuseForeignFolder(dir, opts.out !== undefined ? `-o ${dir}` : dir);
  await writeFolder(dir, r.files);
  const kernels = [...r.files.keys()].filter((p) => p.endsWith(".wgsl")).length;
  for (const problem of r.limits) {
    console.error(`warning: ${problem} (WebGPU's default limits; adapters may offer more)`);
  }
  console.error(`${file} -> ${dir}/ (trainer.ts, generator.ts, ${kernels} kernels, support/, plan.json)`);
  return 0;
}

/** \`gan compile SPEC --engine pytorch [-o DIR]\`: writes generated/<name>/pytorch/ (model.py, train.py). */
export async function compilePytorchCommand(file: string, opts: { out?: string; withData?: boolean }): Promise<number> {
  const text = readSpecFile(file);
  const { name, files, diagnostics } = compilePytorch(text, file);
  if (diagnostics.length) printDiagnostics(file, text, diagnostics);
  if (!files) {
    console.error(`${file}: ${countLine(diagnostics)}; not compiled`);
    return 1;
  }
  if (!name) throw new UsageError(`${file}: give the spec a name (\`gan "name"\`) or an output folder with -o`);
  const dir = opts.out ?? join("generated", name, "pytorch");
  refuseForeignFolder(dir, opts.out !== undefined ? `-o ${dir}` : dir, "train.py");
  await writeFolder(dir, files);
  if (opts.withData) {
    const spec = checkSource(text).spec!;
    const bar = countBar("decoding images");
    const data = await loadTrainingSet(dataOfSpec(spec), { progress: bar.update }).finally(bar.end);
    try {
      await writeRows(join(dir, "data.npy"), data, spec.data.shape.reduce((a, b) => a * b, 1), spec.data.classes ?? 0);
    } finally {
      data.close();
    }
    console.error(`${file} -> ${dir}/ (model.py, train.py, data.npy: ${data.description})`);
    console.error(`train with: python3 ${join(dir, "train.py")} --out RUN   (or torchrun --nproc_per_node N ...)`);
    return 0;
  }
  console.error(
    `${file} -> ${dir}/ (model.py, train.py); train with: python3 ${join(dir, "train.py")} --data ROWS.npy --out RUN`,
  );
  return 0;
}

/**
 * A generated folder is written into a new or empty folder, or over a generated folder (it has a
 * plan.json): never over a file, nor into a folder of other files that trainer.ts or spec.gan would
 * overwrite.
 */
function refuseForeignFolder(dir: string, said: string, marker = "plan.json"): void {
  let entries: string[];
  try {
    if (!Deno.statSync(dir).isDirectory) throw new UsageError(`${said}: it is a file, not a folder`);
    entries = [...Deno.readDirSync(dir)].map((e) => e.name);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return;
    throw e;
  }
  if (entries.length && !entries.includes(marker)) {
    throw new UsageError(
      `${said} holds ${entries.length} other file(s) and no ${marker}, so it is not a generated folder; give a new or empty folder`,
    );
  }
}

/**
 * Writes a generated folder. Files it wrote before and no longer writes are removed (kernels of an
 * older compile, named `kernels/NNN-*.wgsl`); nothing else in the folder is touched.
 */
export async function writeFolder(dir: string, files: Map<string, string>): Promise<void> {
  try {
    for (const e of Deno.readDirSync(join(dir, "kernels"))) {
      const path = `kernels/${e.name}`;
      if (e.isFile && /^\d{3,}-[a-z0-9-]+\.wgsl$/.test(e.name) && !files.has(path)) await Deno.remove(join(dir, path));
    }
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  for (const [path, text] of files) {
    await Deno.mkdir(dirname(join(dir, path)), { recursive: true });
    await Deno.writeTextFile(join(dir, path), text);
  }
}
