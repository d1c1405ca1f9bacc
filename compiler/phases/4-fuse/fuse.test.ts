// Kernel counts, asserted without a GPU: what fusion makes of the paper's MNIST GAN.
import { expect, test } from "vitest";
import { lowerSource } from "../../index.ts";
import { Op } from "../../ir/ops.ts";
import { lowerDiscriminator, lowerSampler } from "../3-lower/lower.ts";
import { fuse } from "./fuse.ts";

const mnist = () => lowerSource(Deno.readTextFileSync(new URL("../../../specs/mnist-mlp.gan", import.meta.url)));

test("G's forward pass is one kernel per dense layer: matmul, bias and activation together", () => {
  const { spec } = mnist();
  const s = fuse([lowerSampler(spec!, 100).output]);
  expect(s.kernels).toHaveLength(3);
  for (const k of s.kernels) expect(k.anchor?.op).toBe(Op.MATMUL);
  // relu, relu, then sigmoid seen through the final reshape to [1, 28, 28]
  expect(s.kernels.map((k) => k.root.op)).toEqual([Op.MAX, Op.MAX, Op.RESHAPE]);
  expect(s.kernels[2].root.src[0].op).toBe(Op.SIGMOID);
});

test("D's forward pass (inference): two kernels per maxout layer (matmul + bias, then the max), one for the output", () => {
  const { spec } = mnist();
  const s = fuse([lowerDiscriminator(spec!, 100).output]);
  expect(s.kernels.map((k) => k.anchor?.op)).toEqual([Op.MATMUL, Op.MAXR, Op.MATMUL, Op.MAXR, Op.MATMUL]);
});

test("the joint training step: no gradient is stored, every weight update happens where its gradient is computed", () => {
  const { program } = mnist();
  const phase = program!.phases[0];
  const s = fuse([...Object.values(phase.metrics), ...phase.updates.map((u) => u.value)]);
  expect(s.kernels.length).toBe(44); // plus one kernel that gathers the real batch
  // every weight's new velocity is computed in the kernel that computes its gradient (a matmul), and
  // the new weight in the same kernel's epilogue (rule 9): no separate update pass
  const velocity = phase.updates.filter((u) => u.param.endsWith(".weight.velocity"));
  expect(velocity).toHaveLength(6);
  for (const u of velocity) {
    const k = s.kernels.find((k) => k.root === u.value);
    expect(k?.anchor?.op, u.param).toBe(Op.MATMUL);
    const weight = phase.updates.find((w) => w.param === u.param.replace(/^opt\./, "").replace(/\.velocity$/, ""))!;
    expect(k?.extras, u.param).toEqual([weight.value]);
  }
  expect(s.kernels.filter((k) => !k.anchor && phase.updates.some((u) => u.value === k.root))).toEqual([]);
  // and D's forward pass is one kernel per matmul for both batches together
  const dForward = s.kernels.filter((k) =>
    k.anchor?.op === Op.MATMUL && k.anchor.src[1].op === Op.PARAM && String(k.anchor.src[1].arg).startsWith("D.")
  );
  expect(dForward.map((k) => k.anchor!.shape[0])).toEqual([200, 200, 200]);
  // D reads the real and the generated batch stacked, so each D weight gradient is one product over
  // both batches, fused with its update like G's: no gradient is ever stored.
  const stored = s.kernels.filter((k) => k.root.op === Op.MATMUL && k.root.src[0].op === Op.PERMUTE);
  expect(stored).toEqual([]);
});

test("a generator_average update joins the kernel that computes its weight's update: no kernel of its own", () => {
  const program = lowerSource(Deno.readTextFileSync(new URL("../../../specs/mnist-mlp-avg.gan", import.meta.url)))
    .program!;
  const phase = program.phases[0];
  const s = fuse([...Object.values(phase.metrics), ...phase.updates.map((u) => u.value)], {
    textureOperands: true,
    textureMinMacs: 1 << 20,
    graph: program.graph,
  });
  const averages = phase.updates.filter((u) => u.param.startsWith("avg."));
  expect(averages).toHaveLength(6);
  for (const u of averages) {
    const host = s.kernels.find((k) => k.extras?.includes(u.value));
    const weight = phase.updates.find((w) => `avg.${w.param}` === u.param)!;
    expect(host?.extras, u.param).toEqual([weight.value, u.value]); // the new weight first, then its average
    expect(s.kernels.some((k) => k.root === u.value), u.param).toBe(false);
  }
});

test("G's loss reads only the generated half of D's output, so its backward pass through D runs on those 100 rows", () => {
  const { program } = mnist();
  const phase = program!.phases[0];
  const s = fuse([...Object.values(phase.metrics), ...phase.updates.map((u) => u.value)]);
  // products with a D weight on the right: D's forward (200 rows), and the input gradients A W^T of
  // D's loss (200 rows, for the real and the generated batch) and of G's (the generated 100 alone)
  const inputGrads = s.kernels.filter((k) =>
    k.anchor?.op === Op.MATMUL && k.anchor.src[1].op === Op.PERMUTE &&
    String(k.anchor.src[1].src[0].arg).startsWith("D.")
  );
  expect(inputGrads.map((k) => k.anchor!.shape[0]).sort()).toEqual([100, 100, 100, 200, 200]);
  expect(inputGrads.find((k) => k.anchor!.shape[1] === 784)?.anchor!.shape[0]).toBe(100); // down to G's output
});

test("with texture operands (rule 7), each matmul reads two packed textures and no operand is inlined", () => {
  const { spec } = mnist();
  const s = fuse([lowerSampler(spec!, 100).output], { textureOperands: true });
  const packs = s.kernels.filter((k) => k.output === "texture");
  const products = s.kernels.filter((k) => k.anchor?.op === Op.MATMUL);
  expect(products).toHaveLength(3);
  for (const k of products) {
    expect(k.texReads).toHaveLength(2);
    // every texture a product reads is written by an earlier packing kernel
    for (const t of k.texReads!) {
      expect(s.kernels.indexOf(packs.find((p) => p.root === t)!)).toBeLessThan(s.kernels.indexOf(k));
    }
  }
});

test("with texture operands (rule 8), a maxout layer's forward pass is one kernel: matmul, bias and max", () => {
  const { spec, program } = mnist();
  const s = fuse([lowerDiscriminator(spec!, 100).output], { textureOperands: true });
  const compute = s.kernels.filter((k) => k.output !== "texture");
  expect(compute.map((k) => k.anchor?.op)).toEqual([Op.MATMUL, Op.MATMUL, Op.MATMUL]);
  expect(compute.map((k) => k.group?.pieces)).toEqual([5, 5, undefined]);
  // in training, the backward pass needs the pre-max values: the same kernel stores them
  const phase = program!.phases[0];
  const t = fuse([...Object.values(phase.metrics), ...phase.updates.map((u) => u.value)], { textureOperands: true });
  const maxouts = t.kernels.filter((k) => k.group);
  expect(maxouts).toHaveLength(2);
  for (const k of maxouts) {
    expect(k.extras?.map((x) => x.shape)).toEqual([[200, 240, 5]]);
    expect(t.kernels.some((o) => o.root === k.extras![0])).toBe(false); // no second kernel writes them
  }
  expect(t.kernels.filter((k) => k.anchor?.op === Op.MAXR)).toEqual([]);
});

test("with texture operands (rule 10), convolutions with channel counts in fours are implicit products over packed views", () => {
  const dcgan = lowerSource(Deno.readTextFileSync(new URL("../../../specs/dcgan-mnist.gan", import.meta.url)));
  const sampler = lowerSampler(dcgan.spec!, 64);
  const s = fuse([sampler.output], { textureOperands: true, graph: sampler.graph });
  const convs = s.kernels.filter((k) => k.anchor?.op === Op.CONV2D_T);
  // G's first transposed convolution reads 128 channels: two views, channel-last input and weights;
  // its last reads 64 and writes 1 channel (any output count works), so it is an implicit product too
  expect(convs.map((k) => k.texReads?.map((t) => t.shape))).toEqual([
    [[64 * 7, 7 * 128], [4 * 4 * 128, 64]],
    [[64 * 14, 14 * 64], [4 * 4 * 64, 1]],
  ]);
  for (const k of convs) {
    for (const t of k.texReads!) {
      const pack = s.kernels.findIndex((p) => p.root === t && p.output === "texture");
      expect(pack).toBeGreaterThanOrEqual(0);
      expect(pack).toBeLessThan(s.kernels.indexOf(k));
    }
  }
  // without the graph to build views in, or without texture operands, convolutions keep buffers
  expect(
    fuse([sampler.output], { textureOperands: true }).kernels.filter((k) => k.texReads && k.anchor?.op !== Op.MATMUL),
  ).toEqual([]);
  // D's first convolution reads 1 channel (a texel would span pixels): buffers
  const d = lowerDiscriminator(dcgan.spec!, 64);
  const dk = fuse([d.output], { textureOperands: true, graph: d.graph }).kernels.filter((k) =>
    k.anchor?.op === Op.CONV2D
  );
  expect(dk.map((k) => k.texReads !== undefined)).toEqual([false, true]);
});

test("with texture operands, a value read by products directly and transposed is packed once and not stored", () => {
  // D's dropped-out input [200, 784] (real and generated rows stacked) feeds D's first product and,
  // transposed, its weight gradient: one packing kernel computes it, no kernel stores it first
  const { program } = mnist();
  const phase = program!.phases[0];
  const t = fuse([...Object.values(phase.metrics), ...phase.updates.map((u) => u.value)], { textureOperands: true });
  const packed = t.kernels.filter((k) => k.output === "texture" && k.root.shape.join() === "200,784");
  expect(packed).toHaveLength(1);
  const x = packed[0].root;
  expect(x.op).toBe(Op.MUL);
  expect(t.materialized.has(x)).toBe(false);
  const readers = t.kernels.filter((k) => k.texReads?.includes(x));
  expect(readers.map((k) => k.anchor?.op)).toEqual([Op.MATMUL, Op.MATMUL]); // forward, weight gradient
});
