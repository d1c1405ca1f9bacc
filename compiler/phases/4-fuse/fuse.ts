// Phase 4: which IR nodes get a buffer, and which are computed inside the kernel that needs them.
//
// 1. Sources (PARAM, INPUT) live in buffers; CONST is inlined everywhere.
// 2. Anchors (matmul, convolutions, reductions) loop over a contraction; every other op is elementwise
//    or a movement (an index remap) and is inlined into whoever reads it: into an anchor's loads (the
//    prologue: a transpose or an activation derivative applied as the gradient matmul loads) or after it.
// 3. An anchor whose only reader is elementwise and keeps its indices (same shape, or a reshape) is
//    computed in that reader's kernel (the epilogue: bias, activation, dropout after a matmul), and so on
//    up the chain while each node has one reader.
// 4. A kernel holds at most one anchor: an anchor-carrying value that reaches a second anchor, a
//    broadcast or a permutation (which would recompute the anchor per element) gets a buffer.
// 5. Roots (metrics, updated values) and values read by several kernels get buffers, unless they are
//    cheap to recompute (a few elementwise ops on buffers). Texture products reading a value as an
//    operand, directly or transposed, count as one reader: they share one packed texture.
// 6. An anchor's input that draws random numbers or stacks two tensors gets a buffer: the anchor loads
//    each input element once per output tile, and Philox's ten rounds per load would dominate.
// 7. With texture operands (an adapter where matmuls read rgba32float textures faster than buffers), a
//    matmul reads both operands from textures. Each operand, seen through a transpose, is written to its
//    texture by a packing kernel that computes its expression once per element (the activation
//    derivative, the dropout mask) or copies its buffer; an anchor-carrying operand gets a buffer first.
//    Their epilogues are unrolled per output, so random draws get a buffer rather than being inlined.
// 8. With texture operands, a maxout (a max over the last axis of a matmul's output viewed as
//    [rows, units, pieces]) is the matmul's epilogue: each invocation's block holds whole units, so the
//    max is taken in registers, and the pre-max values, when the backward pass needs them, are stored by
//    the same kernel.
// 9. A stored value computed elementwise from a product's stored result and from buffers already written
//    (the new weight w + v from the new velocity v) is stored by the product's kernel too, in its
//    epilogue: the whole optimiser update happens where the gradient is produced.
// 10. With texture operands, a convolution whose channel counts allow it is an implicit product: its
//    operands are packed as 2-D views (activations channel-last, [batch * height, width * channels], so a
//    texel holds four channels of one pixel; weights as [taps * in-channels, out-channels]) and the kernel
//    gathers the taps' texels itself, with zeros outside the image. No im2col matrix is stored.
import { topo } from "../../ir/autodiff.ts";
import type { Graph, Node } from "../../ir/node.ts";
import { ELEMENTWISE, Op, type OpName } from "../../ir/ops.ts";

export const ANCHORS: readonly OpName[] = [Op.MATMUL, Op.CONV2D, Op.CONV2D_T, Op.CONV2D_WGRAD, Op.SUM, Op.MAXR];
const isAnchor = (n: Node) => ANCHORS.includes(n.op);
const elements = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);
const isSource = (n: Node) => n.op === Op.PARAM || n.op === Op.INPUT || n.op === Op.CONST;
/** Index-preserving: element i of the node reads element i of each source. */
const keepsIndex = (n: Node) => ELEMENTWISE.includes(n.op) || n.op === Op.RESHAPE;

export interface Kernel {
  /** The node this kernel writes. */
  root: Node;
  /** The anchor inside it, if any (the root itself, or reached from it through index-preserving ops). */
  anchor?: Node;
  /** Buffers it reads: materialized nodes and sources other than constants. */
  reads: Node[];
  /** Where the root goes: a buffer (the default), or an rgba32float texture for matmuls to read (rule 7). */
  output?: "buffer" | "texture";
  /** Textures it reads (rule 7): a matmul's operands, [A, B], each the node under any transpose. */
  texReads?: Node[];
  /** Rule 8: the maxout reduction taken in the matmul's epilogue, and the pieces per unit. */
  group?: { max: Node; pieces: number };
  /** Values it stores besides the root (rule 8: the pre-max values). */
  extras?: Node[];
}

/** WebGPU's default maxTextureDimension2D: larger operands keep buffers. */
export const MAX_TEXTURE_SIDE = 8192;

/** The most output columns a texture matmul block may take to hold whole maxout units. */
export const MAX_GROUP_COLS = 32;

export interface FuseOptions {
  /** Rule 7: matmul operands come from textures. */
  textureOperands?: boolean;
  /** Rule 7 applies to products of at least this many multiply-adds (smaller ones are dispatch-bound). */
  textureMinMacs?: number;
  /** The graph of the roots: rule 10 builds its operand views in it (without it, convolutions keep buffers). */
  graph?: Graph;
}

/** Rule 10's operand views of a convolution, [A, B], or undefined when its channels do not allow them. */
export function convViews(g: Graph, n: Node): [Node, Node] | undefined {
  const [x, y] = n.src;
  const channelLast = (t: Node) => {
    const [b, c, h, w] = t.shape;
    return g.reshape(g.permute(t, [0, 2, 3, 1]), [b * h, w * c]);
  };
  if (n.op === Op.CONV2D || n.op === Op.CONV2D_T) {
    // x [b, c, h, w]; weight [o, c, k, k] (conv2d) or [c, o, k, k] (transposed), viewed as [k * k * c, o]
    const [, c] = x.shape;
    const [w0, w1, k] = y.shape;
    if (c % 4 !== 0) return undefined;
    const o = n.op === Op.CONV2D ? w0 : w1;
    const wv = g.reshape(g.permute(y, n.op === Op.CONV2D ? [2, 3, 1, 0] : [2, 3, 0, 1]), [k * k * c, o]);
    return [channelLast(x), wv];
  }
  if (n.op === Op.CONV2D_WGRAD) {
    // x [b, c, h, w] and the output's gradient y [b, o, oh, ow], both channel-last
    if (x.shape[1] % 4 !== 0 || y.shape[1] % 4 !== 0) return undefined;
    return [channelLast(x), channelLast(y)];
  }
  return undefined;
}

/** A matmul operand's stored form: the node it reads, and whether it reads it transposed. */
export function operandBase(x: Node): { base: Node; transposed: boolean } {
  if (x.op === Op.PERMUTE && x.shape.length === 2 && (x.arg as number[])[0] === 1) {
    return { base: x.src[0], transposed: true };
  }
  return { base: x, transposed: false };
}

export interface Schedule {
  kernels: Kernel[];
  /** Every node with a buffer, sources included. */
  materialized: Set<Node>;
}

/** Ops worth recomputing instead of storing, when a value has several readers. */
const CHEAP_LIMIT = 8;

export function fuse(roots: readonly Node[], opts: FuseOptions = {}): Schedule {
  const tex = opts.textureOperands === true;
  const texRoots = new Set<Node>();
  // both operands transposed never arises from autodiff; such a product keeps buffer operands
  const grouped = new Map<Node, number>(); // rule 8: maxout reductions -> pieces
  /** Rule 8's pattern: max over the last axis of [rows, units, pieces] viewing a texture matmul's output. */
  const maxoutPieces = (n: Node): number | undefined => {
    if (n.op !== Op.MAXR || n.src[0].op !== Op.RESHAPE) return undefined;
    const pre = n.src[0];
    const axes = n.arg as number[];
    if (pre.shape.length !== 3 || axes.length !== 1 || axes[0] !== 2) return undefined;
    const a = carries.get(pre);
    const pieces = pre.shape[2];
    const lcm = (4 * pieces) / gcd(4, pieces);
    if (!a || !texMatmul(a) || a.shape[1] !== pre.shape[1] * pieces || lcm > MAX_GROUP_COLS) return undefined;
    if (operandBase(a.src[0]).transposed || operandBase(a.src[1]).transposed) return undefined;
    // the matmul reaches the reshape through index-preserving ops on [rows, units * pieces] only
    return pre.src[0].shape.length === 2 ? pieces : undefined;
  };
  const minMacs = opts.textureMinMacs ?? 0;
  // an operand's texture is [rows, cols / 4] texels; WebGPU guarantees 8192 per side
  const fits = (x: Node) =>
    x.shape.length === 2 && Math.ceil(x.shape[0] / 4) * 4 <= MAX_TEXTURE_SIDE &&
    Math.ceil(x.shape[1] / 4) <= MAX_TEXTURE_SIDE;
  const texMatmul = (n: Node) =>
    tex && n.op === Op.MATMUL && !n.src.every((s) => operandBase(s).transposed) &&
    n.shape[0] * n.shape[1] * n.src[0].shape[1] >= minMacs &&
    n.src.every((s) => fits(operandBase(s).base));
  // rule 10: convolutions as implicit products, their operands' views built once per node
  const views = new Map<Node, [Node, Node] | undefined>();
  const texConv = (n: Node): [Node, Node] | undefined => {
    if (!tex || !opts.graph || !(n.op === Op.CONV2D || n.op === Op.CONV2D_T || n.op === Op.CONV2D_WGRAD)) {
      return undefined;
    }
    if (!views.has(n)) {
      const v = convViews(opts.graph, n);
      // multiply-adds: outputs x taps x input channels (the gradient's elements per channel for a wgrad)
      const macs = elements(n.shape) *
        (n.op === Op.CONV2D_WGRAD
          ? elements(n.src[1].shape) / n.src[1].shape[1]
          : elements(n.src[1].shape) / n.shape[1]);
      views.set(n, v && v.every(fits) && macs >= minMacs ? v : undefined);
    }
    return views.get(n);
  };
  const viewPacks = new Map<Node, Node[]>(); // a convolution -> the views packed just before it
  const order = topo(...roots);
  const readers = new Map<Node, Node[]>();
  for (const n of order) for (const s of new Set(n.src)) readers.set(s, [...(readers.get(s) ?? []), n]);
  const rootSet = new Set(roots);
  const inOrder = new Set(order);
  const materialized = new Set<Node>();
  for (const n of order) if (n.op === Op.PARAM || n.op === Op.INPUT) materialized.add(n);

  // carries(n): the anchor inlined into n's expression, if any (rule 3).
  const carries = new Map<Node, Node | undefined>();
  const size = new Map<Node, number>(); // inlined expression size, for rule 5
  // Rule 6: an anchor loads each input element many times (once per output tile), so inputs that draw
  // random numbers or stack two tensors are computed once into a buffer rather than in every load.
  const heavy = new Map<Node, boolean>();
  for (const n of order) {
    if (isSource(n)) {
      carries.set(n, undefined);
      size.set(n, 0);
      continue;
    }
    let anchor: Node | undefined = isAnchor(n) ? n : undefined;
    let ops = 1;
    heavy.set(n, n.op === Op.RANDOM || n.op === Op.CONCAT || n.src.some((s) => !materialized.has(s) && heavy.get(s)));
    const cv = texConv(n);
    if (cv) {
      // rule 10: like rule 7, with the convolution's views as the packed operands
      for (const s of n.src) {
        if (!isSource(s) && !materialized.has(s) && (carries.get(s) || heavy.get(s))) materialized.add(s);
      }
      viewPacks.set(n, cv.filter((v) => !texRoots.has(v) && !inOrder.has(v)));
      for (const v of cv) texRoots.add(v);
      carries.set(n, n);
      size.set(n, 1);
      if (rootSet.has(n) || (readers.get(n) ?? []).length > 1) materialized.add(n);
      continue;
    }
    if (texMatmul(n)) {
      // rule 7: the operands are packed into textures; an anchor-carrying one is stored first
      for (const s of n.src) {
        const { base } = operandBase(s);
        if (!isSource(base) && !materialized.has(base) && carries.get(base)) materialized.add(base);
        texRoots.add(base);
      }
      carries.set(n, n);
      size.set(n, 1);
      if (rootSet.has(n) || (readers.get(n) ?? []).length > 1) materialized.add(n);
      continue;
    }
    const pieces = tex ? maxoutPieces(n) : undefined;
    if (pieces) {
      // rule 8: the max joins the matmul's kernel (the pre-max values keep any buffer rule 5 gave them)
      grouped.set(n, pieces);
      carries.set(n, carries.get(n.src[0]));
      size.set(n, 1);
      if (rootSet.has(n) || (readers.get(n) ?? []).length > 1) materialized.add(n);
      continue;
    }
    for (const s of n.src) {
      if (isAnchor(n) && !materialized.has(s) && !isSource(s) && heavy.get(s)) materialized.add(s);
      const a = materialized.has(s) ? undefined : carries.get(s);
      // rules 2 and 4: an anchor's inputs, broadcasts and permutations must be anchor-free
      if (a && (isAnchor(n) || !keepsIndex(n) || anchor)) {
        materialized.add(s);
        continue;
      }
      if (a) anchor = a;
      if (!materialized.has(s)) ops += size.get(s) ?? 0;
    }
    carries.set(n, anchor);
    size.set(n, ops);
    // rule 7: texture matmuls unroll their epilogue per output, so random draws are stored once instead
    if (tex && n.op === Op.RANDOM) materialized.add(n);
    const rs = readers.get(n) ?? [];
    // texture products that read n as an operand, directly or transposed, read it from one texture
    // written by one packing kernel: together they are one reader
    const packed = rs.filter((r) =>
      tex &&
      (texMatmul(r) ||
        (operandBase(r).base === n && operandBase(r).transposed && (readers.get(r) ?? []).every(texMatmul)))
    );
    const several = rs.length - packed.length + Math.min(1, packed.length) > 1 &&
      (anchor !== undefined || ops > CHEAP_LIMIT);
    if (rootSet.has(n) || several) materialized.add(n);
  }

  const kernels: Kernel[] = [];
  const kernelFor = (n: Node, output: "buffer" | "texture"): Kernel => {
    const reads = new Set<Node>();
    const texReads: Node[] = [];
    const anchors = new Set<Node>();
    const extras: Node[] = [];
    let group: Kernel["group"];
    const seen = new Set<Node>();
    const walk = (x: Node, top: boolean) => {
      if (!top && materialized.has(x)) return void reads.add(x);
      if (seen.has(x)) return;
      seen.add(x);
      const pieces = grouped.get(x);
      if (pieces) {
        group = { max: x, pieces };
        const pre = x.src[0];
        if (materialized.has(pre)) extras.push(pre);
        return walk(pre, true); // computed here, stored here too when the backward pass reads it
      }
      if (isAnchor(x)) anchors.add(x);
      if (texMatmul(x)) return void texReads.push(...x.src.map((s) => operandBase(s).base));
      const cv = views.get(x);
      if (cv) return void texReads.push(...cv);
      for (const s of x.src) walk(s, false);
    };
    walk(n, output === "buffer");
    if (anchors.size > 1) throw new Error(`fuse: kernel for node ${n.id} would hold ${anchors.size} anchors`);
    const k: Kernel = { root: n, anchor: [...anchors][0], reads: [...reads] };
    if (output === "texture") k.output = "texture";
    if (texReads.length) k.texReads = texReads;
    if (group) k.group = group;
    if (extras.length) k.extras = extras;
    return k;
  };
  const storedBy = new Set([...grouped.keys()].map((m) => m.src[0]).filter((pre) => materialized.has(pre)));
  for (const n of order) {
    for (const v of viewPacks.get(n) ?? []) kernels.push(kernelFor(v, "texture"));
    if (materialized.has(n) && !isSource(n) && !storedBy.has(n)) kernels.push(kernelFor(n, "buffer"));
    if (texRoots.has(n)) kernels.push(kernelFor(n, "texture"));
  }
  foldSiblings(kernels);
  return { kernels, materialized };
}

/** Rule 9: elementwise kernels whose only computed input is a product kernel's root join that kernel. */
function foldSiblings(kernels: Kernel[]): void {
  const producer = new Map<Node, number>(); // buffer -> index of the kernel that writes it
  kernels.forEach((k, i) => {
    if (k.output === "texture") return;
    producer.set(k.root, i);
    if (!k.group) { for (const x of k.extras ?? []) producer.set(x, i); // an update's new weight, stored beside its velocity
     }
  });
  const removed = new Set<number>();
  for (const [i, k] of kernels.entries()) {
    if (k.anchor || k.output === "texture" || k.extras) continue;
    const computed = k.reads.filter((r) => producer.has(r));
    if (computed.length === 0) continue;
    // the product kernel among its inputs: the latest one written, with the same shape
    const j = Math.max(...computed.map((r) => producer.get(r)!));
    const host = kernels[j];
    if (!host.anchor || host.group || host.output === "texture" || removed.has(j)) continue;
    if (host.root.shape.join() !== k.root.shape.join()) continue;
    if (!(host.anchor.op === Op.MATMUL || host.anchor.op === Op.SUM)) continue;
    if (!indexPreserving(k.root, new Set(k.reads))) continue;
    // nothing between the two kernels may write what the folded kernel reads, or read what it writes
    let clash = false;
    for (let m = j + 1; m < i && !clash; m++) {
      if (removed.has(m)) continue; // folded into a host: checked there
      const between = kernels[m];
      const writes = [between.root, ...(between.extras ?? [])];
      if (
        k.reads.some((r) => writes.includes(r)) || between.reads.includes(k.root) || between.texReads?.includes(k.root)
      ) clash = true;
    }
    if (clash) continue;
    host.extras = [...(host.extras ?? []), k.root]; // after what it reads of the host's: an extra is computed in order
    producer.set(k.root, j); // a later kernel reading it (a generator average reads the new weight) may join the host too
    host.reads = [...new Set([...host.reads, ...k.reads.filter((r) => r !== host.root && !host.extras!.includes(r))])];
    removed.add(i);
  }
  const kept = kernels.filter((_, i) => !removed.has(i));
  kernels.splice(0, kernels.length, ...kept);
}

/** Whether a kernel's inline expression reads its buffers at its own index (elementwise, reshapes, scalars). */
function indexPreserving(root: Node, buffers: Set<Node>): boolean {
  const ok = (x: Node, top: boolean): boolean => {
    if (!top && (buffers.has(x) || x.op === Op.CONST)) return true;
    if (x.op === Op.PARAM || x.op === Op.INPUT) return true;
    if (x.op === Op.EXPAND) {
      return x.src[0].shape.reduce((a, b) => a * b, 1) === 1 &&
        (x.src[0].op === Op.CONST || buffers.has(x.src[0]) || ok(x.src[0], false));
    }
    if (!keepsIndex(x)) return false;
    return x.src.every((s) => ok(s, false));
  };
  return ok(root, true);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
