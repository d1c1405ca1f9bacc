// One product alone, for the benchmarks: C = op(A) op(B) with C [m, n] and a contraction of k, planned
// like any spec's matmul for a target (texture operands whatever its size), operands packed once.
import { Graph } from "../../compiler/ir/node.ts";
import { Op } from "../../compiler/ir/ops.ts";
import type { StepProgram } from "../../compiler/phases/3-lower/program.ts";
import { type KernelPlan, planProgram } from "../../compiler/phases/5-emit/plan.ts";
import type { MatmulLayout, Target } from "../../compiler/phases/5-emit/targets.ts";
import { GpuExecutor, NO_BATCHES } from "../gpu/executor.ts";

export async function loneProduct(device: GPUDevice, layout: MatmulLayout, m: number, k: number, n: number, target: Target): Promise<{ ex: GpuExecutor; kernel: KernelPlan }> {
  const g = new Graph();
  const a = layout === "tn" ? g.transpose(g.param("X", [k, m])) : g.param("A", [m, k]);
  const b = layout === "nt" ? g.transpose(g.param("W", [n, k])) : g.param("B", [k, n]);
  const c = g.matmul(a, b);
  const operands = [a, b].map((x) => (x.op === Op.PARAM ? x : x.src[0]));
  const params = [...operands.map((x) => ({ name: x.arg as string, shape: x.shape })), { name: "C", shape: [m, n] }]
    .map(({ name, shape }) => ({ name, shape, role: "weight" as const, trainable: false }));
  const empty = { name: "init", realInputs: [], metrics: {}, updates: [] };
  const p: StepProgram = {
    name: "matmul",
    graph: g,
    params,
    init: empty,
    phases: [{ name: "mm", realInputs: [], metrics: {}, updates: [{ param: "C", value: c }] }],
    batch: 1,
    dataShape: [1],
    latentDim: 1,
  };
  const plan = planProgram(p, { target: { ...target, textureMinMacs: 0 } });
  const ex = new GpuExecutor(device, plan, { values: new Float32Array(1), n: 1 }, NO_BATCHES);
  await ex.createPipelines();
  const kernels = plan.phases[0].kernels;
  ex.runKernels(kernels.filter((x) => x.textures?.[0]?.access === "write")); // fill the operand textures
  return { ex, kernel: kernels.find((x) => x.label.includes("matmul"))! };
}
