// The IR checker, run between passes in tests: every node's shape re-derived from its sources, no
// reference to a node outside the program's graph, every param and input known, every update the
// shape of its param, every param initialised once and every trainable one updated.
import type { Phase, StepProgram } from "./program.ts";
import { topo } from "./autodiff.ts";
import { Graph, type Node } from "./node.ts";
import { type ConvArg, type ConvTArg, Op, type RandomArg, type WgradArg } from "./ops.ts";

const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Rebuilds one node through a fresh Graph (so through the builder's shape rules) and returns its shape. */
function derive(fresh: Graph, n: Node, s: Node[]): readonly number[] {
  const a = n.arg;
  switch (n.op) {
    case Op.PARAM:
    case Op.INPUT:
      return n.shape;
    case Op.CONST:
      return fresh.const(a as number).shape;
    case Op.RANDOM:
      return fresh.random(a as RandomArg, n.shape).shape;
    case Op.WHERE:
      return fresh.where(s[0], s[1], s[2]).shape;
    case Op.SUM:
    case Op.MAXR:
      return fresh.reduce(n.op, s[0], a as number[]).shape;
    case Op.RESHAPE:
      return fresh.reshape(s[0], a as number[]).shape;
    case Op.PERMUTE:
      return fresh.permute(s[0], a as number[]).shape;
    case Op.EXPAND:
      return fresh.expand(s[0], a as number[]).shape;
    case Op.CONCAT:
      return fresh.concat0(s[0], s[1]).shape;
    case Op.ONEHOT:
      return fresh.onehot(s[0], a as number).shape;
    case Op.SLICE:
      return fresh.slice0(s[0], (a as number[])[0], (a as number[])[1]).shape;
    case Op.MATMUL:
      return fresh.matmul(s[0], s[1]).shape;
    case Op.CONV2D:
      return fresh.conv2d(s[0], s[1], a as ConvArg).shape;
    case Op.CONV2D_T:
      return fresh.conv2dT(s[0], s[1], a as ConvTArg).shape;
    case Op.CONV2D_WGRAD:
      return fresh.conv2dWgrad(s[0], s[1], a as WgradArg).shape;
    default:
      return n.src.length === 1 ? fresh.unary(n.op, s[0]).shape : fresh.binary(n.op, s[0], s[1]).shape;
  }
}

export function verifyProgram(p: StepProgram): string[] {
  const problems: string[] = [];
  const members = new Set(p.graph.all());
  const declared = new Map(p.params.map((d) => [d.name, d]));
  const fresh = new Graph();
  const rebuilt = new Map<Node, Node>();

  const checkPhase = (ph: Phase, inputs: Set<string>) => {
    const roots = [...Object.values(ph.metrics), ...ph.updates.map((u) => u.value)];
    for (const n of topo(...roots)) {
      if (!members.has(n)) problems.push(`${ph.name}: node ${n.id} (${n.op}) is not in the program's graph`);
      if (n.op === Op.PARAM) {
        const d = declared.get(n.arg as string);
        if (!d) problems.push(`${ph.name}: param ${n.arg} is not declared`);
        else if (!same(d.shape, n.shape)) {
          problems.push(`${ph.name}: param ${n.arg} used as [${n.shape}], declared [${d.shape}]`);
        }
      }
      if (n.op === Op.INPUT && !inputs.has(n.arg as string)) {
        problems.push(`${ph.name}: input ${n.arg} is not available here`);
      }
      if (rebuilt.has(n)) continue;
      try {
        const s = n.src.map((x) => rebuilt.get(x)!);
        const shape = derive(fresh, n, s);
        if (!same(shape, n.shape)) {
          problems.push(`${ph.name}: node ${n.id} (${n.op}) has shape [${n.shape}], its sources give [${shape}]`);
        }
        rebuilt.set(
          n,
          n.op === Op.PARAM
            ? fresh.param(n.arg as string, n.shape)
            : n.op === Op.INPUT
            ? fresh.input(n.arg as string, n.shape)
            : { ...n, shape } as Node,
        );
      } catch (e) {
        problems.push(`${ph.name}: node ${n.id} (${n.op}): ${(e as Error).message}`);
        rebuilt.set(n, n);
      }
    }
    const seen = new Set<string>();
    for (const u of ph.updates) {
      const d = declared.get(u.param);
      if (!d) problems.push(`${ph.name}: update of undeclared param ${u.param}`);
      else if (!same(d.shape, u.value.shape)) {
        problems.push(`${ph.name}: update of ${u.param} has shape [${u.value.shape}], the param [${d.shape}]`);
      }
      if (seen.has(u.param)) problems.push(`${ph.name}: ${u.param} is updated twice`);
      seen.add(u.param);
    }
    for (const [k, v] of Object.entries(ph.metrics)) {
      if (v.shape.length !== 0) problems.push(`${ph.name}: metric ${k} is not a scalar`);
    }
  };

  checkPhase(p.init, new Set(["data_mean"]));
  const initialised = new Set(p.init.updates.map((u) => u.param));
  for (const d of p.params) if (!initialised.has(d.name)) problems.push(`param ${d.name} is never initialised`);
  const updated = new Set<string>();
  for (const ph of p.phases) {
    checkPhase(ph, new Set(["step", "epoch", ...ph.realInputs]));
    for (const u of ph.updates) updated.add(u.param);
  }
  for (const d of p.params) {
    if (d.trainable && !updated.has(d.name)) problems.push(`trainable param ${d.name} is never updated`);
  }
  return problems;
}
