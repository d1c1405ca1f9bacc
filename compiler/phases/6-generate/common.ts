// What the trainer and generator modules share: kernel names, the spec's constants, the latent prior as
// code, and the straight-line functions that create pipelines and encode a phase's kernels in order.
import { type CodeBlockWriter, type SourceFile, StructureKind, VariableDeclarationKind } from "ts-morph";
import type * as M from "../../model.ts";
import type { KernelPlan, PhasePlan, Plan } from "../5-emit/plan.ts";

/** Each distinct kernel text: its file under kernels/ and the name kernels.ts exports it by. */
export interface KernelNames {
  file(k: KernelPlan): string;
  ident(k: KernelPlan): string;
}

/** A kernel's file name as an identifier: `kernels/028-joint-pack-add.wgsl` -> `k028_joint_pack_add`. */
export const identOf = (file: string): string =>
  "k" + file.replace(/^kernels\//, "").replace(/\.wgsl$/, "").replace(/[^a-zA-Z0-9]+/g, "_");

/** The leading comment of a kernel's WGSL (what it computes and fuses), as lines without `// `. */
export function kernelComment(k: KernelPlan): string[] {
  const lines: string[] = [];
  for (const line of k.wgsl.split("\n")) {
    if (!line.startsWith("//")) break;
    lines.push(line.replace(/^\/\/ ?/, ""));
  }
  return lines.length ? lines : [k.label];
}

/** A JS literal for a number that reads back to the same double. */
export const num = (x: number): string => (Object.is(x, -0) ? "-0" : String(x));

/** The texture bind group a kernel uses, by name: `r0_r1_w3`. */
export const groupName = (k: KernelPlan): string | undefined =>
  k.textures?.length ? k.textures.map((t) => `${t.access === "read" ? "r" : "w"}${t.id}`).join("_") : undefined;

/**
 * The @group(0) a kernel bound to arena windows uses, by a name drawn from its bindings (FNV-1a):
 * `a3f09c2d1`; undefined for kernels that bind the arenas whole.
 */
export function windowGroupName(k: KernelPlan): string | undefined {
  if (!k.bindings) return undefined;
  let h = 0x811c9dc5;
  for (const c of JSON.stringify(k.bindings)) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return `a${h.toString(16).padStart(8, "0")}`;
}

/** `export const spec = {...}`: what a program needs to know of the spec without parsing it. */
export function addSpecConstant(f: SourceFile, spec: M.CheckedSpec, plan: Plan): void {
  const t = spec.train;
  const literal = (x: unknown) => JSON.stringify(x).replace(/"(\w+)":/g, "$1: ");
  const { span: _span, ...prior } = spec.latent.prior as M.Prior & { span?: unknown };
  const fields = [
    `name: ${JSON.stringify(spec.name)}`,
    `latentDim: ${plan.latentDim}`,
    `sampleShape: [${plan.dataShape.join(", ")}]`,
    `batch: ${plan.batch}`,
    `seed: ${t.seed}`,
    `range: [${spec.data.range.map(num).join(", ")}]`,
    `source: ${literal(spec.data.source)}`,
    `classes: ${spec.data.classes ?? 0}`,
    `augment: ${literal(spec.data.augment ?? [])}`,
    `prior: ${literal(prior)}`,
    `logEvery: ${t.logEvery}`,
    `sampleEvery: ${t.sampleEvery}`,
    `checkpointEvery: ${t.checkpointEvery}`,
    `generatorAverage: ${t.generatorAverage ? literal(t.generatorAverage) : "undefined"}`,
    `steps: ${t.steps ?? "undefined"}`,
    `epochs: ${t.epochs ?? "undefined"}`,
  ];
  f.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: ["The spec this module was compiled from (the fields are documented in support/api.ts)."],
    declarations: [{ name: "spec", type: "Spec", initializer: `{ ${fields.join(", ")} }` }],
  });
}

/** `export const tensors`: every tensor of the state arena, which checkpoints hold by name. */
export function addTensorTable(f: SourceFile, plan: Plan): void {
  f.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [
      "Every tensor of the state arena (weights, optimiser state, running statistics, averages): its\n" +
      "offset in floats, and whether G's or D's optimiser trains it. Checkpoints hold them by name.",
    ],
    declarations: [{
      name: "tensors",
      type: "readonly TensorInfo[]",
      initializer: (w) => {
        w.write("[\n");
        for (const p of plan.params) {
          w.writeLine(
            `{ name: ${JSON.stringify(p.name)}, shape: [${
              p.shape.join(", ")
            }], offset: ${p.offset}, role: "${p.role}", trainable: ${p.trainable} },`,
          );
        }
        w.write("]");
      },
    }],
  });
}

/** `export function noise(n, seed, stream)`: latent vectors from the spec's prior, as `gan` draws them. */
export function addNoise(f: SourceFile, prior: M.Prior, gridStream: number): void {
  const draw = prior.kind === "uniform" ? "uniformTensor" : "normalTensor";
  // the same float64 expression as the runtime always used, so the fixed noise batch is bit-identical
  const map = prior.kind === "uniform"
    ? `(u) => ${num(prior.low)} + ${num(prior.high - prior.low)} * u`
    : `(x) => ${num(prior.mean)} + ${num(prior.std)} * x`;
  f.addFunction({
    isExported: true,
    name: "noise",
    docs: [
      `n latent vectors [n, latentDim] from the spec's prior (${prior.kind}), drawn from Philox stream \`stream\`\n` +
      `(${gridStream}: the fixed batch behind every sample grid of a run).`,
    ],
    parameters: [
      { name: "n", type: "number" },
      { name: "seed", type: "number", initializer: "spec.seed" },
      { name: "stream", type: "number", initializer: String(gridStream) },
    ],
    returnType: "Float32Array",
    statements: [
      `const site = { seed, stream, step: 0, draw: 0 };`,
      `return Float32Array.from(${draw}(site, n * spec.latentDim), ${map});`,
    ],
  });
}

/** Every kernel's pipeline, created once and shared by identical texts, as one object of named fields. */
export function addPipelines(f: SourceFile, fn: string, kernels: KernelPlan[], names: KernelNames): void {
  const seen = new Set<string>();
  f.addFunction({
    name: fn,
    isAsync: true,
    docs: ["Compiles every kernel once (identical texts share a pipeline)."],
    parameters: [{ name: "gpu", type: "Arenas" }],
    statements: (w) => {
      w.write("return {").newLine();
      for (const k of kernels) {
        const id = names.ident(k);
        if (seen.has(id)) continue;
        seen.add(id);
        const tex = k.textures?.length ? `, [${k.textures.map((t) => `"${t.access}"`).join(", ")}]` : "";
        w.writeLine(`${id}: await gpu.pipeline(${id}${tex}),`);
      }
      w.write("};");
    },
  });
}

/** The bind groups of the kernels that read or write textures, by binding list, and of those bound to arena windows. */
export function addTextureGroups(f: SourceFile, fn: string, kernels: KernelPlan[]): void {
  const groups = new Map<string, KernelPlan>();
  const windows = new Map<string, string>();
  for (const k of kernels) {
    const g = groupName(k);
    if (g && !groups.has(g)) groups.set(g, k);
    const a = windowGroupName(k);
    const list = JSON.stringify(k.bindings);
    if (a && windows.has(a) && windows.get(a) !== list) throw new Error(`two window groups named ${a}`);
    if (a) windows.set(a, list);
  }
  const docs = ["The @group(1) of each texture binding the kernels use: r<i> reads texture i, w<i> writes it."];
  if (windows.size) {
    docs[0] += "\nThe @group(0) of each kernel, a<hash>: [arena, offset, floats] per window, then clock, data, perm.";
  }
  f.addFunction({
    name: fn,
    docs,
    parameters: [{ name: "gpu", type: "Arenas" }],
    statements: (w) => {
      w.write("return {").newLine();
      for (const [g, k] of groups) {
        const list = k.textures!.map((t) => `["${t.access}", ${t.id}]`).join(", ");
        w.writeLine(`${g}: gpu.textureGroup([${list}]),`);
      }
      for (const [a, list] of windows) w.writeLine(`${a}: gpu.windowGroup(${list.replace(/,/g, ", ")}),`);
      w.write("};");
    },
  });
}

/** One dispatch per kernel, in order, each under the comment that names what it computes and fuses. */
export function writeKernels(w: CodeBlockWriter, kernels: KernelPlan[], names: KernelNames): void {
  w.writeLine("const pass = enc.beginComputePass();");
  if (!kernels.some((k) => k.bindings)) w.writeLine("pass.setBindGroup(0, gpu.group);");
  let bound: string | undefined;
  for (const k of kernels) {
    for (const line of kernelComment(k)) w.writeLine(`// ${line}`);
    const a = windowGroupName(k);
    if (a && a !== bound) w.writeLine(`pass.setBindGroup(0, t.${a});`);
    bound = a;
    const g = groupName(k);
    w.writeLine(`dispatch(pass, k.${names.ident(k)}, ${k.workgroups.join(", ")}${g ? `, t.${g}` : ""});`);
  }
  w.writeLine("pass.end();");
}

/** What every phase function takes: the encoder, the arenas, the pipelines and the texture groups. */
export const PHASE_PARAMETERS = [
  { name: "enc", type: "GPUCommandEncoder" },
  { name: "gpu", type: "Arenas" },
  { name: "k", type: "Pipelines" },
  { name: "t", type: "TextureGroups" },
];

/** A phase as a function: its kernels, then its updates copied into place and its metrics copied out. */
export function addPhase(
  f: SourceFile,
  fn: string,
  doc: string,
  ph: PhasePlan,
  names: KernelNames,
  metricIndex: (name: string) => number,
): void {
  f.addFunction({
    kind: StructureKind.Function,
    name: fn,
    docs: [doc],
    parameters: PHASE_PARAMETERS,
    returnType: "void",
    statements: (w) => {
      writeKernels(w, ph.kernels, names);
      if (ph.copies.length) w.writeLine("// the phase's updates, computed in temp, copied into place after it");
      // arenas held as several buffers: copies through gpu.copy, which splits them at the buffers' ends
      const chunked = ph.kernels.some((k) => k.bindings);
      for (const c of ph.copies) {
        w.writeLine(
          chunked
            ? `gpu.copy(enc, "temp", ${c.from}, "state", ${c.to}, ${c.count}); // ${c.param}`
            : `enc.copyBufferToBuffer(gpu.temp, 4 * ${c.from}, gpu.state, 4 * ${c.to}, 4 * ${c.count}); // ${c.param}`,
        );
      }
      for (const m of ph.metrics) {
        w.writeLine(
          chunked
            ? `gpu.copy(enc, "temp", ${m.offset}, gpu.metrics, ${metricIndex(m.name)}, 1); // ${m.name}`
            : `enc.copyBufferToBuffer(gpu.temp, 4 * ${m.offset}, gpu.metrics, 4 * ${
              metricIndex(m.name)
            }, 4); // ${m.name}`,
        );
      }
    },
  });
}

/** The GPU's needs of a set of kernels and textures, for `requireFits`. */
export function needsOf(kernels: KernelPlan[], textures: { width: number; height: number }[]): string {
  const workgroups = Math.max(1, ...kernels.flatMap((k) => k.workgroups));
  const textureSide = Math.max(0, ...textures.flatMap((t) => [t.width, t.height]));
  const storageTextures = Math.max(0, ...kernels.map((k) => k.textures?.length ?? 0));
  const base = `workgroups: ${workgroups}, textureSide: ${textureSide}, storageTextures: ${storageTextures}`;
  if (!kernels.some((k) => k.bindings)) return `{ ${base} }`;
  // arena windows: the largest binding and the most buffers one kernel binds
  const binding = Math.max(...kernels.flatMap((k) => k.bindings!.map((b) => (b.length === 3 ? 4 * b[2] : 0))));
  const storageBuffers = Math.max(...kernels.map((k) => k.bindings!.length));
  return `{ ${base}, binding: ${binding}, storageBuffers: ${storageBuffers} }`;
}

/** The Layout literal of a plan (or of a sampler-only plan). */
export function layoutOf(plan: Plan, metrics: number): string {
  const tex = plan.textures.map((t) => `[${t.width}, ${t.height}]`).join(", ");
  const chunk = plan.chunk ? `, chunkFloats: ${plan.chunk}` : "";
  return `{ stateFloats: ${plan.stateSize}, tempFloats: ${plan.tempSize}, clockWords: ${plan.clockWords}, textures: [${tex}], metrics: ${metrics}${chunk} }`;
}

/** A string as a template literal, so a multi-line text (the spec) reads as itself in the module. */
export const templateLiteral = (text: string): string =>
  "`" + text.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${") + "`";

/**
 * A blank line before each top-level declaration (ts-morph writes them back to back), never inside a
 * template literal (the spec's text) and never between a doc comment and what it documents.
 */
export function spaced(text: string): string {
  const out: string[] = [];
  let inTemplate = false;
  const starts = /^(\/\*\*|export |function |async function |const |type |interface )/;
  for (const line of text.split("\n")) {
    const previous = out[out.length - 1];
    if (!inTemplate && starts.test(line) && previous !== undefined && previous !== "" && !previous.endsWith("*/")) {
      out.push("");
    }
    out.push(line);
    // an unescaped backtick opens or closes a template literal
    for (const m of line.matchAll(/\\*`/g)) if ((m[0].length - 1) % 2 === 0) inTemplate = !inTemplate;
  }
  return out.join("\n");
}
