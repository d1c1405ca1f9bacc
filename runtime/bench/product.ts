// For the benchmarks: one product alone, C = op(A) op(B) with C [m, n] and a contraction of k, planned
// like any spec's matmul for a target (texture operands whatever its size), operands packed once; and
// the kernel timing that `npm run bench` and `npm run bench:blocks` share.
import { Graph } from "../../compiler/ir/node.ts";
import { Op } from "../../compiler/ir/ops.ts";
import type { StepProgram } from "../../compiler/ir/program.ts";
import { type KernelPlan, planProgram } from "../../compiler/phases/5-emit/plan.ts";
import type { MatmulLayout, Target } from "../../compiler/phases/5-emit/targets.ts";
import { GpuExecutor, NO_BATCHES } from "../gpu/executor.ts";

export async function loneProduct(
  device: GPUDevice,
  layout: MatmulLayout,
  m: number,
  k: number,
  n: number,
  target: Target,
): Promise<{ ex: GpuExecutor; kernel: KernelPlan }> {
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

/**
 * Times kernels dispatched alone, each dispatch after the last in one command buffer; returns, per
 * kernel, its batch size and its ms per dispatch in each round, sorted. A sync costs about 11 ms in Deno
 * and its timer ticks every ~10 ms, so a batch must take far longer than that: each kernel's batch size
 * comes from a first estimate, so that the measured difference (3 reps against reps dispatches) covers
 * about `workMs` of work. This machine's speed drifts over seconds (other tenants, two cores), so the
 * kernels are timed in interleaved rounds, every kernel once per round: a slow spell costs every kernel
 * one round instead of one kernel every round. Take the median.
 */
export async function timeInRounds(
  list: { ex: GpuExecutor; kernel: KernelPlan }[],
  rounds: number,
  workMs: number,
): Promise<{ reps: number; ms: number[] }[]> {
  const time = async (t: { ex: GpuExecutor; kernel: KernelPlan }, n: number) => {
    const s = performance.now();
    t.ex.runKernels(Array(n).fill(t.kernel));
    await t.ex.device.queue.onSubmittedWorkDone();
    return performance.now() - s;
  };
  const reps: number[] = [];
  for (const t of list) {
    await time(t, 1);
    const rough = Math.max(0.01, ((await time(t, 40)) - (await time(t, 10))) / 30);
    reps.push(Math.min(4000, Math.max(10, Math.round(workMs / (2 * rough)))));
  }
  const each: number[][] = list.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < list.length; i++) {
      const a = await time(list[i], reps[i]);
      const b = await time(list[i], 3 * reps[i]);
      each[i].push(Math.max(1e-3, (b - a) / (2 * reps[i])));
    }
  }
  return list.map((_, i) => ({ reps: reps[i], ms: each[i].sort((x, y) => x - y) }));
}
