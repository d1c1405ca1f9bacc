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

test("the joint training step: gradients are never stored, updates happen where they are computed", () => {
  const { program } = mnist();
  const phase = program!.phases[0];
  const s = fuse([...Object.values(phase.metrics), ...phase.updates.map((u) => u.value)]);
  expect(s.kernels.length).toBe(56); // plus one kernel that gathers the real batch
  // every weight's new velocity is computed in the kernel that computes its gradient (a matmul)
  const velocity = phase.updates.filter((u) => u.param.endsWith(".weight.velocity"));
  expect(velocity).toHaveLength(6);
  for (const u of velocity) expect(s.kernels.find((k) => k.root === u.value)?.anchor?.op, u.param).toBe(Op.MATMUL);
  // D's weight gradients sum a real-batch and a generated-batch product (two anchors), so one of the two
  // is stored: one [in, out] buffer per D weight. G's are never stored. (Rewriting X_r^T dZ_r + X_f^T dZ_f
  // as one product over the stacked batches would remove these.)
  const stored = s.kernels.filter((k) => k.root.op === Op.MATMUL && k.root.src[0].op === Op.PERMUTE);
  expect(stored.map((k) => k.root.shape.join("x")).sort()).toEqual(["240x1", "240x1200", "784x1200"]);
});
