// The order of a phase's kernels and what that allows: a training phase's parameter updates after every
// kernel that reads the old values, updates written in place (no copy after the phase), and weights whose
// textures persist across steps (their update kernels write them; Plan.repack packs them after init and
// after a checkpoint's load).
import type { Graph, Node } from "../../ir/node.ts";
import { ELEMENTWISE, Op } from "../../ir/ops.ts";
import { fuse, type Kernel } from "../4-fuse/fuse.ts";
import type { Phase, StepProgram } from "../../ir/program.ts";
import type { Target } from "./targets.ts";

/** A phase's fused kernels, as planPhase schedules them (a training phase's updates after the old values' readers). */
export function scheduleOf(ph: Phase, target: Target, extraRoots: Node[], graph: Graph | null, training: boolean) {
  const roots = [...Object.values(ph.metrics), ...ph.updates.map((u) => u.value), ...extraRoots];
  const schedule = fuse(roots, {
    textureOperands: target.matmulOperands === "texture",
    textureMinMacs: target.textureMinMacs,
    graph: graph ?? undefined,
  });
  return training ? { ...schedule, kernels: updatesLast(ph, schedule.kernels) } : schedule;
}

/**
 * The kernels in an order where each parameter's update comes after every kernel that reads the
 * parameter's old value (from the state arena or its texture), where the dependencies allow: then the
 * update can be written in place, and a weight's texture can take the new value. Otherwise the
 * fused order: of the kernels whose inputs are ready, the first in that order. Kernels are only
 * reordered, so every value is the same.
 */
function updatesLast(ph: Phase, kernels: Kernel[]): Kernel[] {
  const producer = new Map<Node, number>();
  kernels.forEach((k, i) => [k.root, ...(k.extras ?? [])].forEach((n) => producer.set(n, i)));
  const deps = kernels.map((k, i) =>
    [...new Set([...k.reads, ...(k.texReads ?? [])].map((n) => producer.get(n)))].filter(
      (j): j is number => j !== undefined && j !== i,
    )
  );
  const readParams = kernels.map((k) =>
    new Set([...k.reads, ...(k.texReads ?? [])].filter((n) => n.op === Op.PARAM).map((n) => n.arg as string))
  );
  const updated = kernels.map((k) =>
    ph.updates.filter((u) => u.value === k.root || k.extras?.includes(u.value)).map((u) => u.param)
  );
  const readers = new Map<string, number>(); // a parameter -> kernels not yet placed that read its old value
  for (const r of readParams) for (const name of r) readers.set(name, (readers.get(name) ?? 0) + 1);
  const placed = new Set<number>();
  const order: number[] = [];
  while (order.length < kernels.length) {
    let pick = -1;
    let first = -1;
    for (let i = 0; i < kernels.length && pick < 0; i++) {
      if (placed.has(i) || !deps[i].every((j) => placed.has(j))) continue;
      if (first < 0) first = i;
      if (updated[i].every((name) => readers.get(name)! - (readParams[i].has(name) ? 1 : 0) === 0)) pick = i;
    }
    const i = pick >= 0 ? pick : first;
    placed.add(i);
    order.push(i);
    for (const name of readParams[i]) readers.set(name, readers.get(name)! - 1);
  }
  return order.map((i) => kernels[i]);
}

const isParam = (name: string) => (n: Node) => n.op === Op.PARAM && n.arg === name;

/**
 * The weights whose textures can persist across steps: packed into a texture in some phase, and in
 * every phase that updates them, updated in place by the epilogue of a texture product (which then
 * writes the texture too) with no kernel after it reading the texture (it would want the old value).
 */
export function persistentWeights(p: StepProgram, target: Target): Set<string> {
  const phases = p.phases.map((ph) => ({ ph, kernels: scheduleOf(ph, target, [], p.graph, true).kernels }));
  const packed = new Set<string>();
  for (const { kernels } of phases) {
    for (const k of kernels) if (k.output === "texture" && k.root.op === Op.PARAM) packed.add(k.root.arg as string);
  }
  for (const { ph, kernels } of phases) {
    const direct = inPlaceUpdates(ph, kernels);
    for (const u of ph.updates) {
      if (!packed.has(u.param)) continue;
      const at = kernels.findIndex((k) => k.root === u.value || (!k.group && k.extras?.includes(u.value)));
      const k = kernels[at];
      const old = isParam(u.param);
      const ok = at >= 0 && direct.get(u.value) === u.param && !!k.texReads && k.anchor?.op === Op.MATMUL &&
        !k.group && !kernels.slice(at + 1).some((l) =>
          l.texReads?.some(old) || (l.output === "texture" && old(l.root))
        );
      if (!ok) packed.delete(u.param);
    }
  }
  return packed;
}

/**
 * The updates a phase can write straight into the state arena instead of into temp plus a copy after
 * the phase: those whose kernel reads the parameter's old value only at the element it writes (through
 * elementwise ops), and after which no kernel of the phase reads the old value.
 */
export function inPlaceUpdates(ph: Phase, kernels: Kernel[]): Map<Node, string> {
  const direct = new Map<Node, string>();
  // one value may update several parameters (identical nodes are shared: every batchnorm's gamma starts
  // as the same ones): it is computed once in temp and copied to each
  const uses = new Map<Node, number>();
  for (const u of ph.updates) uses.set(u.value, (uses.get(u.value) ?? 0) + 1);
  for (const u of ph.updates) {
    if (uses.get(u.value)! > 1) continue;
    const at = kernels.findIndex((k) => k.root === u.value || (!k.group && k.extras?.includes(u.value)));
    if (at < 0) continue;
    const k = kernels[at];
    const old = (n: Node) => n.op === Op.PARAM && n.arg === u.param;
    // (a later product may read the parameter's texture: packed before, it holds the old value)
    if (kernels.slice(at + 1).some((later) => later.reads.some(old))) continue;
    if (!readsOnlyElementwise(k, u.value, old)) continue;
    direct.set(u.value, u.param);
  }
  return direct;
}

/** Whether every read of the old value inside the kernel's expression for `value` keeps the element index. */
function readsOnlyElementwise(k: Kernel, value: Node, old: (n: Node) => boolean): boolean {
  if (k.texReads?.some(old)) return false;
  const seen = new Set<Node>();
  let ok = true;
  const walk = (x: Node) => {
    if (seen.has(x) || !ok) return;
    seen.add(x);
    if (k.texReads && x === k.anchor) return; // its operands are computed by packing kernels
    for (const s of x.src) {
      if (old(s) && !(ELEMENTWISE.includes(x.op) && x.shape.join() === s.shape.join())) ok = false;
      if (s.op !== Op.PARAM && (s === k.root || !k.reads.includes(s))) walk(s);
    }
  };
  // the kernel computes its root and extras; the old value may be read anywhere in them
  for (const r of [k.root, ...(k.extras ?? [])]) walk(r);
  return ok && value.shape.join() === (k.root.shape.join() || value.shape.join());
}
