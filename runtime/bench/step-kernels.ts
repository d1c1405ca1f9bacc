// For the benchmarks: a training step's products and convolutions as kernels to time alone (each with
// its fused epilogue), their useful floating-point work, and the rounds that time them (timeInRounds).
import { type KernelPlan, matmulLayout, Op, planProgramDetailed, type StepProgram } from "../../compiler/index.ts";
import type { MatmulLayout, Target } from "../../compiler/shared.ts";
import type { GpuExecutor } from "../gpu/executor.ts";
import { timeInRounds } from "./product.ts";

export type KernelKind = MatmulLayout | "buffer" | "conv2d" | "conv2d_t" | "conv2d_wgrad";

export interface Timed {
  ex: GpuExecutor;
  kernel: KernelPlan;
  kind: KernelKind;
  /** The product's M x N x K, or the convolution's output, input and filter shapes. */
  shape: string;
  /** Useful floating-point operations per dispatch: 2 per multiply-add, without padding or stride zeros. */
  flop: number;
  label: string;
}

export interface KernelFigure {
  kind: KernelKind;
  shape: string;
  /** Median ms per dispatch over the rounds; `slowest` and `fastest` give the spread in GFLOP/s. */
  ms: number;
  gflops: number;
  fastest: number;
  slowest: number;
  /** Dispatches per timed batch. */
  reps: number;
  label: string;
}

const elements = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

/**
 * The products (texture-operand kernels, or buffer ones where the target keeps buffers) and convolutions
 * of `program`'s step, as planned for `target`, each found in `ex`'s plan (the plan of the same program
 * and target) by its WGSL, so that `ex` can dispatch it alone.
 */
export function stepKernels(program: StepProgram, target: Target, ex: GpuExecutor): Timed[] {
  const all = ex.plan.phases.flatMap((p) => p.kernels);
  const out: Timed[] = [];
  const seen = new Set<KernelPlan>();
  const { details } = planProgramDetailed(program, { target, persistWeights: true });
  for (const d of details) {
    for (const { kernel, plan: kp } of d.kernels) {
      const a = kernel.anchor;
      if (!a || kernel.output === "texture") continue;
      const same = all.find((x) => x.wgsl === kp.wgsl);
      if (!same || seen.has(same)) continue;
      let kind: KernelKind;
      let shape: string;
      let flop: number;
      if (a.op === Op.MATMUL) {
        const [m, k] = a.src[0].shape;
        const n = a.shape[1];
        kind = kernel.texReads ? matmulLayout(a)! : "buffer";
        shape = `${m} x ${n} x ${k}`;
        flop = 2 * m * n * k;
      } else if (a.op === Op.CONV2D || a.op === Op.CONV2D_T || a.op === Op.CONV2D_WGRAD) {
        const [x, y] = a.src;
        kind = a.op as KernelKind;
        shape = `${a.shape.join("x")} from ${x.shape.join("x")}, ${y.shape.join("x")}`;
        // conv2d: each output takes c k k taps; transposed: each input spreads to o k k outputs; the
        // filter gradient: each element of the output's gradient meets c k k inputs
        flop = a.op === Op.CONV2D
          ? 2 * elements(a.shape) * elements(y.shape) / y.shape[0]
          : a.op === Op.CONV2D_T
          ? 2 * elements(x.shape) * elements(y.shape) / y.shape[0]
          : 2 * elements(y.shape) * elements(a.shape) / a.shape[0];
      } else continue;
      seen.add(same);
      out.push({ ex, kernel: same, kind, shape, flop, label: kp.label });
    }
  }
  return out;
}

/** Each kernel's median ms per dispatch over interleaved rounds (timeInRounds), as GFLOP/s too. */
export async function timeKernels(list: Timed[], rounds: number, workMs: number): Promise<KernelFigure[]> {
  const timed = await timeInRounds(list, rounds, workMs);
  return list.map((t, i) => {
    const v = timed[i].ms;
    const gf = (ms: number) => t.flop / ms / 1e6;
    const ms = v[v.length >> 1];
    return {
      kind: t.kind,
      shape: t.shape,
      ms,
      gflops: gf(ms),
      fastest: gf(v[0]),
      slowest: gf(v[v.length - 1]),
      reps: timed[i].reps,
      label: t.label,
    };
  });
}

/** The lowest-highest GFLOP/s of the figures of some kinds, and how many, as the bench prints it. */
export function gflopRange(xs: KernelFigure[], kinds: KernelKind[]): string {
  const of = xs.filter((x) => kinds.includes(x.kind));
  if (!of.length) return "- (0)";
  const g = of.map((x) => x.gflops);
  return `${Math.min(...g).toFixed(1)}-${Math.max(...g).toFixed(1)} (${of.length})`;
}

/** The figures' table, as the bench prints it. */
export function kernelTable(xs: KernelFigure[], rounds: number): string[] {
  const f = (x: number, d = 1) => x.toFixed(d);
  return [
    `| kernel | kind | shape | ms (median of ${rounds} rounds) | GFLOP/s | slowest-fastest round | dispatches per timing |`,
    "|---|---|---|---:|---:|---:|---:|",
    ...xs.map((x) =>
      `| ${x.label} | ${x.kind} | ${x.shape} | ${f(x.ms, 3)} | ${f(x.gflops)} | ${f(x.slowest)}-${
        f(x.fastest)
      } | ${x.reps} |`
    ),
  ];
}
