// What every kernel shares: the bind group (two arenas, the clock, the data and its permutation), the
// dispatch grid, and the header comment that names what a kernel fuses. Every value lives in one of two
// arenas, `state` (parameters and optimiser state) and `temp` (everything a step computes), at an offset
// fixed at compile time, so all kernels share one bind-group layout and no kernel needs more than five
// bindings.
import type { Node } from "../../ir/node.ts";
import { Op } from "../../ir/ops.ts";
import type { Kernel } from "../4-fuse/fuse.ts";
import type { Target } from "./targets.ts";

export interface Location {
  arena: "state" | "temp";
  offset: number;
  /**
   * What the value is, for the constant that names its offset in kernels (offsets.ts): a parameter's
   * name (`G.0.weight`), or for a temp value its spec layer and op (`D.2 conv2d add`) or input name.
   */
  name: string;
  /** Floats the value spans (whole texels for temp values), for the arena windows a kernel binds (windows.ts). */
  count?: number;
}

export interface EmittedKernel {
  wgsl: string;
  /** Workgroups to dispatch: [x, y, 1]. */
  workgroups: [number, number, number];
  /** What it computes, for the kernel's header comment and listings. */
  label: string;
  /** Textures bound at @group(1), in binding order: the plan's texture ids and how the kernel uses them. */
  textures?: TextureBinding[];
}

export interface TextureBinding {
  id: number;
  access: "read" | "write";
}

/** What the emitter needs beyond the kernel: the tuning table entry, and where textures are. */
export interface EmitContext {
  target: Target;
  /** The plan's texture id holding node n (rule 7 operands). */
  texture?: (n: Node) => number;
  /**
   * A weight whose texture persists across steps (plan.ts): this kernel computes its new value (`value`)
   * and writes it to that texture besides the state arena, so no step packs it again.
   */
  persist?: { param: string; value: Node; texture: number };
}

/** The kernel cannot write a persisting weight's texture (its epilogue is not a texel at a time). */
export class NotPersistable extends Error {
  constructor(readonly param: string) {
    super(`${param}: its update cannot write its texture`);
  }
}

export const HEADER = /* wgsl */ `
@group(0) @binding(0) var<storage, read_write> state: array<f32>;
@group(0) @binding(1) var<storage, read_write> temp: array<f32>;
@group(0) @binding(2) var<storage, read> clock: array<u32>;
@group(0) @binding(3) var<storage, read> data: array<f32>;
@group(0) @binding(4) var<storage, read> perm: array<u32>;
`;

/** HEADER for kernels that read and write the arenas a texel (four floats) at a time. */
export const VEC4_HEADER = HEADER.replace(/array<f32>/g, "array<vec4<f32>>").replace(
  "data: array<vec4<f32>>",
  "data: array<f32>",
);

/** Clock words: 0 step as f32 bits, 1 epoch as f32 bits, 2 step, 3 seed, 4.. real batch offsets. */
export const CLOCK_WORDS = 4;

export const LINEAR = 64; // invocations per workgroup for one-output-per-invocation kernels
const MAX_GROUPS = 65535;

export function dispatchGroups(count: number, per: number): { groups: [number, number, number]; index: string } {
  const groups = Math.max(1, Math.ceil(count / per));
  const x = Math.min(groups, MAX_GROUPS);
  const y = Math.ceil(groups / x);
  return { groups: [x, y, 1], index: `(wg.y * ${x}u + wg.x) * ${per}u + li` };
}

export function dispatch1d(count: number): { groups: [number, number, number]; index: string } {
  return dispatchGroups(count, LINEAR);
}

/** The IR nodes computed inside a kernel (not read from a buffer). */
export function fusedNodes(k: Kernel, where: (n: Node) => Location | undefined): Node[] {
  const seen = new Set<Node>();
  const walk = (n: Node) => {
    if (seen.has(n) || n.op === Op.PARAM || n.op === Op.INPUT || n.op === Op.CONST || (n !== k.root && where(n))) {
      return;
    }
    seen.add(n);
    if (k.texReads && n === k.anchor) return; // its operands are computed by their packing kernels
    n.src.forEach(walk);
  };
  walk(k.root);
  return [...seen];
}

/** "matmul, add, max x2; spec lines 28, 29": the ops a kernel fuses and where in the spec they come from. */
export function describeFused(nodes: Node[]): string {
  const counts = new Map<string, number>();
  const lines = new Set<number>();
  for (const n of nodes) {
    if (n.op === Op.RESHAPE || n.op === Op.EXPAND) continue; // index arithmetic, not work
    counts.set(n.op, (counts.get(n.op) ?? 0) + 1);
    const m = /\(line (\d+)\)/.exec(n.tag ?? "");
    if (m && m[1] !== "0") lines.add(Number(m[1]));
  }
  const ops = [...counts].map(([op, c]) => (c > 1 ? `${op} x${c}` : op)).join(", ") || "copy";
  const where = lines.size
    ? `; spec line${lines.size > 1 ? "s" : ""} ${[...lines].sort((a, b) => a - b).join(", ")}`
    : "";
  return ops + where;
}
