// The compiler reads as its pipeline. It is pure: text in, results and diagnostics out; no file
// system, clock or GPU (those live in runtime/). The passes, in order:
//   1-parse     text -> AST: Chevrotain with error recovery, so one run reports every syntax error
//   2-check     AST -> checked spec: names, values and shapes, every semantic error at once
//   3-lower     checked spec -> training-step program (IR): needs the shapes; autodiff runs inside it
//   4-fuse      IR -> kernels: which values get a buffer or a texture, which are computed where read;
//               depends on the target (5-emit/targets.ts, the tuning table): textures or buffers
//   5-emit      kernels -> WGSL and the plan: needs fusion's choices to lay out the two arenas
//   6-generate  plan -> the files of generated/<name>/ (ts-morph, prettier)
import type { SpecFile } from "./ast.ts";
import { diag, type Diagnostic, hasErrors, sortDiagnostics } from "./diagnostics/diagnostic.ts";
export { hasErrors };
import type { CheckedSpec } from "./model.ts";
import { parse } from "./phases/1-parse/parse.ts";
import { check } from "./phases/2-check/check.ts";
import { lower, lowerSampler } from "./phases/3-lower/lower.ts";
import { type Plan, planProgram } from "./phases/5-emit/plan.ts";
import type { Target } from "./phases/5-emit/targets.ts";
import type { ArenaLimits } from "./phases/5-emit/windows.ts";
import { generateFiles } from "./phases/6-generate/generate.ts";
import { checkLimits, WEBGPU_DEFAULTS } from "./phases/5-emit/limits.ts";
import { type StepProgram, Streams } from "./ir/program.ts";
import { LineMap } from "./diagnostics/frame.ts";
import { formatSpec } from "./format/format.ts";
import { pytorchModel } from "./phases/6-generate/pytorch/model.ts";
import { pytorchTrain } from "./phases/6-generate/pytorch/train.ts";

export interface Checked {
  ast: SpecFile;
  /** Present when there is no error. */
  spec?: CheckedSpec;
  diagnostics: Diagnostic[];
}

/** Phases 1 and 2: parse, then check. Reports every problem in the file, in source order. */
export function checkSource(text: string): Checked {
  const parsed = parse(text);
  const syntaxErrors = hasErrors(parsed.diagnostics);
  const checked = check(parsed.ast, { partial: syntaxErrors });
  const diagnostics = sortDiagnostics([...parsed.diagnostics, ...checked.diagnostics]);
  return { ast: parsed.ast, diagnostics, ...(checked.spec && !syntaxErrors ? { spec: checked.spec } : {}) };
}

export { parse };
export { MAX_DEPTH, MAX_SPEC_CHARS } from "./phases/1-parse/limits.ts";
export { MAX_LAYERS } from "./phases/2-check/check.ts";
export type { CheckedSpec, Diagnostic, SpecFile };
export { renderSummary } from "./summary/summary.ts";

/** `gan fmt`: the canonical text, or the diagnostics that stopped formatting (syntax errors only). */
export function formatSource(text: string): { text?: string; diagnostics: Diagnostic[] } {
  const parsed = parse(text);
  if (hasErrors(parsed.diagnostics)) return { diagnostics: sortDiagnostics(parsed.diagnostics) };
  // A second header would be lost in the canonical text: refuse rather than drop it.
  const extra = (parsed.ast.extraHeaders ?? []).map((span) => diag("E115", span));
  if (extra.length) return { diagnostics: extra };
  return { text: formatSpec(parsed.ast, text), diagnostics: [] };
}

/** Phases 1 to 3: the training-step program of a spec, or the diagnostics that stopped it. */
export function lowerSource(text: string): { program?: StepProgram; spec?: CheckedSpec; diagnostics: Diagnostic[] } {
  const checked = checkSource(text);
  if (!checked.spec || hasErrors(checked.diagnostics)) return { diagnostics: checked.diagnostics };
  const lines = new LineMap(text);
  const program = lower(checked.spec, { lineOf: (offset) => lines.position(offset).line });
  return { program, spec: checked.spec, diagnostics: checked.diagnostics };
}

export { printProgram } from "./ir/print.ts";
export type { StepProgram };

/** Samples in every run's sample grid (a fixed noise batch). */
export const SAMPLE_GRID = 64;

/** The Philox stream of the fixed noise batch behind every sample grid of a run. */
export const FIXED_NOISE_STREAM = 4;

/** The plan `gan compile` writes and `gan train` runs: the step program plus a sampler for the grid. */
export function planForTraining(
  program: StepProgram,
  spec: CheckedSpec,
  target?: Target | string,
  lineOf?: (offset: number) => number,
  limits?: ArenaLimits,
): Plan {
  const { n } = samplerBatch(program, spec, SAMPLE_GRID, false, target, lineOf, limits);
  return planProgram(program, {
    sampler: lowerSampler(spec, n, { lineOf }),
    persistWeights: true,
    ...(target ? { target } : {}),
    ...(limits ? { limits } : {}),
  });
}

/**
 * How many latent vectors one chain of sampler kernels takes: `want`, or fewer where G's intermediate
 * values for `want` would not fit one storage binding at WebGPU's default limit (a 32x32 ResNet G holds
 * megabytes per sample). Callers sample any number in chunks of this size. With the sampler-only plan
 * at that size.
 */
export function samplerBatch(
  program: StepProgram,
  spec: CheckedSpec,
  want: number,
  raw: boolean,
  target?: Target | string,
  lineOf?: (offset: number) => number,
  limits?: ArenaLimits,
): { n: number; plan: Plan } {
  const binding = WEBGPU_DEFAULTS.maxStorageBufferBindingSize;
  let n = want;
  for (let tries = 0; tries < 8; tries++) {
    const p = planProgram(program, {
      sampler: lowerSampler(spec, n, { raw, lineOf }),
      samplerOnly: true,
      ...(target ? { target } : {}),
      ...(limits ? { limits } : {}),
    });
    const bytes = 4 * p.tempSize;
    if (bytes <= binding || n === 1 || tries === 7) return { n, plan: p };
    n = Math.max(1, Math.min(n - 1, Math.floor((n * binding * 0.95) / bytes)));
  }
  throw new Error("unreachable");
}

/** Latent vectors per dispatch chain of a generator module: enough to keep a GPU busy, within any adapter's limits. */
export const GENERATOR_BATCH = 500;

/** Phases 1 to 6: the files of generated/<name>/, or the diagnostics that stopped compilation. */
export async function compileSource(
  text: string,
  specPath: string,
  target?: string,
): Promise<{ name?: string; files?: Map<string, string>; diagnostics: Diagnostic[]; limits?: string[] }> {
  const { program, spec, diagnostics } = lowerSource(text);
  if (!program || !spec) return { diagnostics };
  const lines = new LineMap(text);
  const lineOf = (offset: number) => lines.position(offset).line;
  return { name: spec.name, diagnostics, ...(await compileChecked(spec, program, text, specPath, target, lineOf)) };
}

/**
 * Phases 4 to 6 for a checked spec and its step program: the files of its generated folder, and what in
 * them exceeds WebGPU's default limits. (compileSource's second half; tests compile shrunken specs so.)
 */
export async function compileChecked(
  spec: CheckedSpec,
  program: StepProgram,
  text: string,
  specPath: string,
  target?: Target | string,
  lineOf?: (offset: number) => number,
  limits?: ArenaLimits,
): Promise<{ files: Map<string, string>; limits: string[] }> {
  const plan = planForTraining(program, spec, target, lineOf, limits);
  const sampler = (raw: boolean) => samplerBatch(program, spec, GENERATOR_BATCH, raw, target, lineOf, limits).plan;
  const generators = { trained: sampler(true), ...(spec.train.generatorAverage ? { average: sampler(false) } : {}) };
  const streams = { shuffle: Streams.shuffle, grid: FIXED_NOISE_STREAM };
  const files = await generateFiles({ plan, generators, spec, specText: text, specPath, streams });
  return { files, limits: checkLimits(plan) };
}

/**
 * The PyTorch engine: the files of generated/<name>/pytorch/ (model.py and train.py), or the diagnostics
 * that stopped them.
 */
export function compilePytorch(
  text: string,
  specPath: string,
): { name?: string; files?: Map<string, string>; diagnostics: Diagnostic[] } {
  const checked = checkSource(text);
  if (!checked.spec || hasErrors(checked.diagnostics)) return { diagnostics: checked.diagnostics };
  const files = new Map([
    ["model.py", pytorchModel(checked.spec, specPath)],
    ["train.py", pytorchTrain(checked.spec, specPath, text)],
  ]);
  return { name: checked.spec.name, files, diagnostics: checked.diagnostics };
}

export * from "./shared.ts";

// What runtime/ uses besides the pipeline above (runtime reaches the compiler only through this file and
// ./shared.ts): types of the spec and the plan, the float64 reference for the figures and the tests, the
// planner for the runtime's own GPU programs (Parzen, the benchmarks), diagnostics rendering, diff.
export type * as Model from "./model.ts";
export type { Colours } from "./diagnostics/frame.ts";
export { LineMap, locate, renderDiagnostic } from "./diagnostics/frame.ts";
export { describeAverage } from "./phases/2-check/schema.ts";
export { diffSpecs, type PlanOutline, planOutline, renderDiff } from "./diff/diff.ts";
export { Graph, type Node, size } from "./ir/node.ts";
export { Op } from "./ir/ops.ts";
export { evaluate, type Tensor as IrTensor } from "./ir/interpret.ts";
export { ReferenceTrainer } from "./ir/reference.ts";
export { lower, lowerDiscriminator, lowerSampler } from "./phases/3-lower/lower.ts";
export { shrinkSpec } from "./phases/3-lower/shrink.ts";
export { averageName, Streams } from "./ir/program.ts";
export {
  type KernelPlan,
  type PhaseDetail,
  type PhasePlan,
  planProgram,
  planProgramDetailed,
} from "./phases/5-emit/plan.ts";
export { CLOCK_WORDS, matmulLayout } from "./phases/5-emit/wgsl.ts";
export { checkLimits, type Limits, WEBGPU_DEFAULTS } from "./phases/5-emit/limits.ts";
export type { ArenaLimits, Plan, Target };
