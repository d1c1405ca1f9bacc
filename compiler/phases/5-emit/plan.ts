// From the training-step program to a plan the runtime executes: arena offsets for every buffer, the
// fused kernels of each phase in order, and the copies that apply a phase's updates. Pure data (JSON),
// so it can be written into generated/ and diffed.
import type { Graph, Node } from "../../ir/node.ts";
import { size } from "../../ir/node.ts";
import { Op } from "../../ir/ops.ts";
import type { Kernel } from "../4-fuse/fuse.ts";
import { inPlaceUpdates, persistentWeights, scheduleOf } from "./updates.ts";
import { type Phase, type StepProgram, Streams } from "../../ir/program.ts";
import { DATA_HEADER_WORDS } from "../../support/feed.ts";
import { PHILOX_WGSL } from "./philox.wgsl.ts";
import {
  CLOCK_WORDS,
  emitKernel,
  HEADER,
  type Location,
  NotPersistable,
  type TextureBinding,
  textureDims,
} from "./wgsl.ts";
import { OffsetNames } from "./offsets.ts";
import { DEFAULT_TARGET, getTarget, type Target } from "./targets.ts";
import {
  arenaChunks,
  type ArenaLimits,
  bindWindows,
  DEFAULT_ARENA_LIMITS,
  type GroupBinding,
  WINDOW_ALIGN,
} from "./windows.ts";

export interface KernelPlan {
  label: string;
  wgsl: string;
  workgroups: [number, number, number];
  /** Textures bound at @group(1), in binding order. */
  textures?: TextureBinding[];
  /** In a plan with arena buffers (`Plan.chunk`): what the kernel binds at @group(0), in binding order. */
  bindings?: GroupBinding[];
}

export interface PhasePlan {
  name: string;
  kernels: KernelPlan[];
  /** Applied after the phase's kernels: temp[from..] -> state[to..]. */
  copies: { from: number; to: number; count: number; param: string }[];
  metrics: { name: string; offset: number }[];
  /** Where the init phase expects the data's per-feature mean (`data_mean`), if it reads it. */
  dataMean?: number;
}

export interface Plan {
  name: string;
  /** The tuning-table entry the kernels were shaped for (compiler/phases/5-emit/targets.ts). */
  target: string;
  /** That entry in full: where matmul operands live, and the register blocks, as the kernels used them. */
  tuning: Target;
  /** rgba32float textures holding matmul operands (width in texels, height in rows), shared by all phases. */
  textures: { width: number; height: number }[];
  /** Floats in each arena. */
  stateSize: number;
  tempSize: number;
  /**
   * Where an arena exceeds one storage binding: floats per arena buffer (each arena is held as buffers
   * of this size, the last shorter), and every kernel binds windows of them (KernelPlan.bindings).
   */
  chunk?: number;
  params: { name: string; shape: number[]; offset: number; role: string; trainable: boolean }[];
  batch: number;
  dataShape: number[];
  latentDim: number;
  /** Real batches each step reads (clock words 4.. hold their offsets into the permutation). */
  realBatches: number;
  clockWords: number;
  init: PhasePlan;
  phases: PhasePlan[];
  /** Samples from G for n latent vectors written at temp[z..]; the samples land at temp[out..]. */
  sampler?: { n: number; kernels: KernelPlan[]; z: number; out: number };
  /**
   * Weights whose textures persist across steps: each update kernel writes the new value to the texture
   * besides the state arena, so no step packs them. These kernels pack them from the state arena: run
   * them after the init phase and after anything else writes the state arena (a checkpoint's load).
   */
  repack?: KernelPlan[];
}

/** What each kernel of a phase computes, for tests that check kernels one by one. */
export interface PhaseDetail {
  phase: Phase;
  kernels: { kernel: Kernel; plan: KernelPlan }[];
  where: (n: Node) => Location | undefined;
}

export interface PlanOptions {
  /** G in inference mode (lowerSampler), planned over the same state arena so it reads the live weights. */
  sampler?: { input: Node; output: Node; graph?: Graph };
  /** The tuning-table entry to shape kernels for (default: DEFAULT_TARGET). */
  target?: Target | string;
  /** Plan the sampler alone (no init, no phases): its temp space and textures are then all the plan's. */
  samplerOnly?: boolean;
  /**
   * Keep the textures of weights that allow it across steps (Plan.repack), as training plans do
   * (planForTraining). Off by default: a program whose parameters the caller rewrites between runs of
   * its kernels (Parzen's points) would have to repack after each write.
   */
  persistWeights?: boolean;
  /** The binding and buffer limits arenas are laid out for (default: WebGPU's defaults, 128 and 256 MiB). */
  limits?: ArenaLimits;
}

export function planProgram(p: StepProgram, opts: PlanOptions = {}): Plan {
  return planProgramDetailed(p, opts).plan;
}

export function planProgramDetailed(p: StepProgram, opts: PlanOptions = {}): PlanDetailed {
  const target = typeof opts.target === "object" ? opts.target : getTarget(opts.target ?? DEFAULT_TARGET);
  const persisting = !opts.persistWeights || opts.samplerOnly || target.matmulOperands !== "texture"
    ? new Set<string>()
    : persistentWeights(p, target);
  // a weight whose update kernel cannot write its texture (found while emitting) is packed each step
  for (;;) {
    try {
      return planOnce(p, opts, target, persisting);
    } catch (e) {
      if (e instanceof NotPersistable && persisting.delete(e.param)) continue;
      throw e;
    }
  }
}

export interface PlanDetailed {
  plan: Plan;
  details: PhaseDetail[];
  /** The kernels of Plan.repack, for tests that check kernels one by one. */
  repack: { kernel: Kernel; plan: KernelPlan }[];
}

function planOnce(p: StepProgram, opts: PlanOptions, target: Target, persisting: Set<string>): PlanDetailed {
  const details: PhaseDetail[] = [];
  const textures: { width: number; height: number }[] = [];
  let stateSize = 0;
  const params = p.params.map((d) => {
    // every tensor starts on a 16-byte boundary, so kernels can read whole texels of it as vec4s
    const offset = (stateSize = Math.ceil(stateSize / 4) * 4);
    stateSize += size(d.shape);
    return { name: d.name, shape: [...d.shape], offset, role: d.role, trainable: d.trainable };
  });
  const stateAt = new Map(params.map((x) => [x.name, x.offset]));
  const stateCount = new Map(params.map((x) => [x.name, size(x.shape)]));
  // a persisting weight's texture is its own for the whole run (no other operand reuses it)
  const pinned = new Map<string, number>();
  for (const name of persisting) {
    pinned.set(name, textures.push(textureDims(params.find((x) => x.name === name)!.shape)) - 1);
  }
  const pinnedIds = new Set(pinned.values());
  const packOf = new Map<string, Kernel>(); // a persisting weight -> a packing kernel of it, for Plan.repack
  // the locations each kernel's text uses, for the windows it binds where an arena exceeds a binding
  const uses = new Map<KernelPlan, Location[]>();
  let tempSize = 0;
  let realIndex = 0;
  // temp regions are whole texels too (offsets stay multiples of 4), for the same vec4 reads and writes
  const texels = (n: Node) => Math.ceil(Math.max(1, size(n.shape)) / 4) * 4;

  const planPhase = (
    ph: Phase,
    extraRoots: Node[] = [],
    graph: Graph | null = p.graph,
  ): PhasePlan & { temp: Map<Node, number> } => {
    const roots = [...Object.values(ph.metrics), ...ph.updates.map((u) => u.value), ...extraRoots];
    const schedule = scheduleOf(ph, target, extraRoots, graph, p.phases.includes(ph));
    // Temp space is reused: a value's region is freed after the last kernel that reads it (first fit),
    // except for the phase's results, which the copies after the phase read.
    const temp = new Map<Node, number>();
    const free: { offset: number; count: number }[] = [];
    let top = 0;
    // Updates written straight into the state arena (no copy after the phase) where that is safe.
    const direct = inPlaceUpdates(ph, schedule.kernels);
    const alloc = (n: Node) => {
      if (direct.has(n)) return stateAt.get(direct.get(n)!)!;
      if (temp.has(n)) return temp.get(n)!;
      const count = texels(n);
      const i = free.findIndex((f) => f.count >= count);
      let offset: number;
      if (i >= 0) {
        offset = free[i].offset;
        free[i] = { offset: offset + count, count: free[i].count - count };
        if (free[i].count === 0) free.splice(i, 1);
      } else {
        offset = top;
        top += count;
      }
      temp.set(n, offset);
      return offset;
    };
    const release = (n: Node) => {
      const offset = temp.get(n)!;
      free.push({ offset, count: texels(n) });
      free.sort((a, b) => a.offset - b.offset);
      for (let j = free.length - 2; j >= 0; j--) {
        if (free[j].offset + free[j].count === free[j + 1].offset) {
          free[j] = { offset: free[j].offset, count: free[j].count + free[j + 1].count };
          free.splice(j + 1, 1);
        }
      }
    };
    const lastRead = new Map<Node, number>();
    schedule.kernels.forEach((k, i) => k.reads.forEach((r) => lastRead.set(r, i)));
    // Textures: one per packed operand while it is live, reused by later operands of the same size.
    const texOf = new Map<Node, number>();
    const texBusy = new Set<number>();
    const lastTexRead = new Map<Node, number>();
    schedule.kernels.forEach((k, i) => k.texReads?.forEach((r) => lastTexRead.set(r, i)));
    const texAlloc = (n: Node) => {
      const { width, height } = textureDims(n.shape);
      let id = textures.findIndex((t, j) =>
        !texBusy.has(j) && !pinnedIds.has(j) && t.width === width && t.height === height
      );
      if (id < 0) id = textures.push({ width, height }) - 1;
      texBusy.add(id);
      texOf.set(n, id);
    };
    const keep = new Set(roots);
    const where = (n: Node): Location | undefined => {
      const param = n.op === Op.PARAM ? n.arg as string : direct.get(n);
      if (param) return { arena: "state", offset: stateAt.get(param)!, name: param, count: stateCount.get(param)! };
      if (temp.has(n)) return { arena: "temp", offset: temp.get(n)!, name: tempName(n), count: texels(n) };
      return undefined;
    };
    const kernels: KernelPlan[] = [];
    let dataMean: number | undefined;
    for (const n of schedule.materialized) {
      if (n.op !== Op.INPUT) continue;
      const name = n.arg as string;
      if (name === "data_mean") dataMean = alloc(n);
      else if (name.startsWith("real.")) {
        const at: Location = { arena: "temp", offset: alloc(n), name, count: texels(n) };
        // a row: an example's values and, in a spec with classes, its label after them
        const width = p.flip ? p.dataShape.at(-1)! : 0;
        const { uses: used, ...gather } = gatherKernel(
          at,
          p.batch,
          size(p.dataShape),
          size(n.shape.slice(1)),
          realIndex++,
          width,
        );
        kernels.push(gather);
        uses.set(gather, used);
      } else if (name !== "step" && name !== "epoch") alloc(n); // written by the runtime (the sampler's z)
    }
    const detail: PhaseDetail = { phase: ph, kernels: [], where };
    // the kernel that computes each persisting weight's new value writes its texture (a training
    // phase's update; init's first values are packed by Plan.repack after it)
    const persistAt = new Map<Kernel, { param: string; value: Node; texture: number }>();
    for (const u of p.phases.includes(ph) ? ph.updates : []) {
      const id = pinned.get(u.param);
      if (id === undefined) continue;
      const k = schedule.kernels.find((x) => x.root === u.value || (!x.group && x.extras?.includes(u.value)));
      if (!k || persistAt.has(k)) throw new NotPersistable(u.param);
      persistAt.set(k, { param: u.param, value: u.value, texture: id });
    }
    for (const [i, k] of schedule.kernels.entries()) {
      if (k.output === "texture" && k.root.op === Op.PARAM && pinned.has(k.root.arg as string)) {
        // a persisting weight: its texture already holds its current value
        texOf.set(k.root, pinned.get(k.root.arg as string)!);
        if (!packOf.has(k.root.arg as string)) packOf.set(k.root.arg as string, k);
        continue;
      }
      if (k.output === "texture") texAlloc(k.root);
      else alloc(k.root);
      for (const x of k.extras ?? []) alloc(x);
      const tag = k.root.tag ?? k.anchor?.tag ?? "";
      const into = k.output === "texture" ? "pack " : "";
      const label = `${ph.name}: ${into}${k.anchor ? k.anchor.op + " + " : ""}${k.root.op} -> [${
        k.root.shape.join(", ")
      }]${tag ? ` (${tag})` : ""}`;
      const persist = persistAt.get(k);
      const { uses: used, ...emitted } = emitKernel(k, where, label, {
        target,
        texture: (n) => texOf.get(n)!,
        ...(persist ? { persist } : {}),
      });
      kernels.push(emitted);
      uses.set(emitted, used);
      detail.kernels.push({ kernel: k, plan: emitted });
      for (const r of k.reads) {
        if (lastRead.get(r) === i && temp.has(r) && !keep.has(r) && r.op !== Op.INPUT) release(r);
      }
      for (const r of k.texReads ?? []) if (lastTexRead.get(r) === i) texBusy.delete(texOf.get(r)!);
    }
    details.push(detail);
    tempSize = Math.max(tempSize, top);
    const copies = ph.updates.filter((u) => !direct.has(u.value)).map((u) => {
      const from = where(u.value);
      if (!from || from.arena !== "temp") throw new Error(`update of ${u.param} is not computed in temp`);
      return { from: from.offset, to: stateAt.get(u.param)!, count: Math.max(1, size(u.value.shape)), param: u.param };
    });
    const metrics = Object.entries(ph.metrics).map(([name, node]) => ({ name, offset: where(node)!.offset }));
    return { name: ph.name, kernels, copies, metrics, ...(dataMean !== undefined ? { dataMean } : {}), temp };
  };
  const strip = ({ temp: _temp, ...rest }: PhasePlan & { temp: Map<Node, number> }): PhasePlan => rest;

  const none: PhasePlan = { name: p.init.name, kernels: [], copies: [], metrics: [] };
  const init = opts.samplerOnly ? none : strip(planPhase(p.init));
  const phases = opts.samplerOnly ? [] : p.phases.map((ph) => strip(planPhase(ph)));
  let sampler: Plan["sampler"];
  if (opts.sampler) {
    const s = opts.sampler;
    const ph = planPhase({ name: "sample", realInputs: [], metrics: {}, updates: [] }, [s.output], s.graph ?? null); // views must be built in the graph that owns the nodes
    sampler = { n: s.input.shape[0], kernels: ph.kernels, z: ph.temp.get(s.input)!, out: ph.temp.get(s.output)! };
  }
  // the persisting weights' packs, from the state arena (a weight no phase packs keeps no texture)
  const repack: PlanDetailed["repack"] = [];
  for (const [name, id] of pinned) {
    const k = packOf.get(name);
    if (!k) continue;
    const at = (n: Node): Location | undefined =>
      n.op === Op.PARAM
        ? { arena: "state", offset: stateAt.get(name)!, name, count: stateCount.get(name)! }
        : undefined;
    const label = `repack: pack param -> [${k.root.shape.join(", ")}] (${name})`;
    const { uses: used, ...emitted } = emitKernel(k, at, label, { target, texture: () => id });
    uses.set(emitted, used);
    repack.push({ kernel: k, plan: emitted });
  }
  // arenas over one binding: buffers of `chunk` floats, and every kernel bound to windows of them
  const chunks = arenaChunks(opts.limits ?? DEFAULT_ARENA_LIMITS, stateSize, tempSize);
  if (chunks) {
    const round = (x: number) => Math.ceil(x / WINDOW_ALIGN) * WINDOW_ALIGN;
    [stateSize, tempSize] = [round(stateSize), round(tempSize)];
    const sizes = { state: stateSize, temp: tempSize };
    for (const k of uses.keys()) {
      const { wgsl, bindings } = bindWindows(k.wgsl, uses.get(k)!, { ...chunks, sizes });
      Object.assign(k, { wgsl, bindings });
    }
  }
  const plan: Plan = {
    name: p.name,
    target: target.name,
    tuning: target,
    textures,
    stateSize,
    tempSize,
    ...(chunks ? { chunk: chunks.chunk } : {}),
    params,
    batch: p.batch,
    dataShape: [...p.dataShape],
    latentDim: p.latentDim,
    realBatches: realIndex,
    clockWords: CLOCK_WORDS + realIndex,
    init,
    phases,
    ...(sampler ? { sampler } : {}),
    ...(repack.length ? { repack: repack.map((r) => r.plan) } : {}),
  };
  return { plan, details, repack };
}

/** What a temp value holds, for its name in kernels: an input's name, else its spec layer and op. */
function tempName(n: Node): string {
  if (n.op === Op.INPUT) return n.arg as string; // real.0, data_mean, the sampler's z
  const layer = (n.tag ?? "").replace(/\s*\([^)]*\)/g, "").trim(); // "D.2 conv2d (line 38)": "D.2 conv2d"
  if (!layer) return n.op;
  return layer.split(" ").at(-1) === n.op ? layer : `${layer} ${n.op}`;
}

/**
 * Copies a batch of training examples, chosen by the epoch's permutation, into temp. The data buffer
 * (support/feed.ts) starts with a format word and the 256 values a byte stands for, then holds the rows:
 * float32 words, or bytes four to a word (the levels table turns a byte into its value, so bytes give
 * exactly the floats they stand for). A row is an example's `features` values and, in a spec with
 * classes, its label (a byte's label is the byte itself). `flipWidth` > 0: each example is flipped left to
 * right where Philox stream 6 (draw: the slot) gives it u < 0.5.
 */
function gatherKernel(
  to: Location,
  batch: number,
  features: number,
  row: number,
  slot: number,
  flipWidth: number,
): KernelPlan & { uses: Location[] } {
  const n = batch * row;
  const label = `gather ${to.name}: ${batch} examples of ${row} values${flipWidth ? ", flipped at random" : ""}`;
  const names = new OffsetNames();
  const out = names.named(to);
  const groups = Math.ceil(n / 64);
  const x = Math.min(groups, 65535);
  const w = flipWidth;
  const flip = w
    ? `
  if (f < ${features}u && rand_uniform(${Streams.augment}u, ${slot}u, b) < 0.5) {
    let c = f % ${w}u;
    f = f - c + ${w - 1}u - c;
  }`
    : "";
  return {
    label,
    uses: [out],
    workgroups: [x, Math.ceil(groups / x), 1],
    wgsl: names.declare(`// ${label}\n${HEADER.replace("data: array<f32>", "data: array<u32>")}${w ? PHILOX_WGSL : ""}
const HEAD = ${DATA_HEADER_WORDS}u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wg.y * ${x}u + wg.x) * 64u + li;
  if (i >= ${n}u) { return; }
  let b = i / ${row}u;
  var f = i % ${row}u;
  let r = perm[clock[${CLOCK_WORDS + slot}u] + b];${flip}
  var v: f32;
  if (data[0] == 0u) {
    v = bitcast<f32>(data[HEAD + r * ${row}u + f]);
  } else {
    let at = r * ${row}u + f;
    let byte = (data[HEAD + at / 4u] >> (8u * (at % 4u))) & 255u;
    v = select(bitcast<f32>(data[1u + byte]), f32(byte), f >= ${features}u);
  }
  temp[${out.name} + i] = v;
}
`),
  };
}
