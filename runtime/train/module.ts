// The generated modules are the program: every command that trains or samples runs a folder's
// trainer.ts and generator.ts. A generated folder is imported as it is, without parsing its spec; a
// `.gan` (or a checkpoint's spec) is compiled in memory into the same files, written to a private
// temporary folder, imported from there, and the folder removed.
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  compileSource,
  type Generator,
  type Spec,
  type TensorInfo,
  type Trainer,
  type TrainingData,
} from "../../compiler/index.ts";
import type { Weights } from "../../compiler/shared.ts";
import { countLine, printDiagnostics, UsageError } from "../cli/io.ts";

/** What generated/<name>/trainer.ts exports, whatever the spec. */
export interface TrainerModule {
  spec: Spec;
  specText: string;
  tensors: readonly TensorInfo[];
  createTrainer(device: GPUDevice, data: TrainingData, options?: { seed?: number; stream?: boolean }): Promise<Trainer>;
  noise(n: number, seed?: number, stream?: number): Float32Array;
  schedules(step: number, epoch: number): { lr: number; lr_g: number; momentum: number; momentum_g: number };
  plannedSteps(examples: number): number | undefined;
  /** The tuning-table entry the kernels were shaped for. */
  target: string;
}

/** What generated/<name>/generator.ts exports, whatever the spec. */
export interface GeneratorModule {
  spec: Spec;
  createGenerator(
    device: GPUDevice,
    checkpoint: Uint8Array,
    options?: { weights?: Weights; source?: string },
  ): Promise<Generator>;
  noise(n: number, seed?: number, stream?: number): Float32Array;
}

export interface Modules {
  trainer: TrainerModule;
  generator: GeneratorModule;
}

/** A generated folder's modules, imported as they are. */
export async function importFolder(folder: string): Promise<Modules> {
  const url = pathToFileURL(resolve(folder) + "/");
  for (const f of ["trainer.ts", "generator.ts"]) {
    try {
      Deno.statSync(new URL(f, url));
    } catch {
      throw new UsageError(`${folder}: no ${f}; compile a spec into it with \`gan compile SPEC -o ${folder}\``);
    }
  }
  const load = async (f: string) => {
    try {
      return await import(new URL(f, url).href);
    } catch (e) {
      // a file missing from the folder, or TypeScript that does not parse: not a generated folder as written
      const why = String((e as Error)?.message ?? e).split("\n")[0];
      throw new UsageError(
        `${folder}: its ${f} does not load (${why}); recompile it with \`gan compile SPEC -o ${folder}\``,
        1,
      );
    }
  };
  return {
    trainer: await load("trainer.ts") as TrainerModule,
    generator: await load("generator.ts") as GeneratorModule,
  };
}

/**
 * A spec's modules, compiled in memory for a tuning-table entry. Diagnostics are printed against `path`;
 * a spec that does not compile ends in one UsageError (exit 1) whose message says so.
 */
export async function compileModules(
  text: string,
  path: string,
  target?: string,
  what = "not trained",
): Promise<Modules> {
  const { files, diagnostics } = await compileSource(text, path, target);
  if (diagnostics.length) printDiagnostics(path, text, diagnostics);
  if (!files) throw new UsageError(`${path}: ${countLine(diagnostics)}; ${what}`, 1);
  return await importFiles(files);
}

/** A generated folder's files (compileSource's or compileChecked's), written to a private folder and imported. */
export async function importFiles(files: Map<string, string>): Promise<Modules> {
  const dir = await Deno.makeTempDir({ prefix: "gan-module-" });
  try {
    for (const [file, body] of files) {
      await Deno.mkdir(dirname(join(dir, file)), { recursive: true });
      await Deno.writeTextFile(join(dir, file), body);
    }
    return await importFolder(dir);
  } finally {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
}
