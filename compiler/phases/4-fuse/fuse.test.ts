// Kernel counts, asserted without a GPU: what fusion makes of the paper's MNIST GAN.
import { expect, test } from "vitest";
import { lowerSource } from "../../index.ts";
import { Op } from "../../ir/ops.ts";
import { topo } from "../../ir/autodiff.ts";
import type { Node } from "../../ir/node.ts";
import { lowerDiscriminator, lowerSampler } from "../3-lower/lower.ts";
import { fuse, type Kernel, type Schedule } from "./fuse.ts";

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

test("a residual's add is the epilogue of the kernel computing its body's last layer: no kernel of its own", () => {
  // G: an identity shortcut, then a written 1x1 one; D: a body ending in avg_pool (its sum's kernel)
  const { spec, program } = lowerSource(`gan "res"
data { source = mnist }
latent { dim = 4 prior = normal() }
generator {
  dense(392) reshape(8, 7, 7)
  residual { relu conv2d(8, kernel = 3, padding = 1) }
  residual { relu conv2d(4, kernel = 3, padding = 1) shortcut { conv2d(4, kernel = 1) } }
  conv2d(1, kernel = 3, padding = 1) upsample(4) sigmoid
}
discriminator {
  conv2d(4, kernel = 3, padding = 1)
  residual { relu conv2d(4, kernel = 3, padding = 1) }
  residual {
    relu conv2d(4, kernel = 3, padding = 1) avg_pool(2)
    shortcut { conv2d(4, kernel = 1) avg_pool(2) }
  }
  flatten dense(1) sigmoid
}
optimizer { method = adam lr = 1e-3 }
train { batch = 4 steps = 1 }
`);
  // each residual's add, by its tag, and the tag of its body's last layer
  const residuals = (["G", "D"] as const).flatMap((net) => {
    const layers = (net === "G" ? spec!.generator : spec!.discriminator).layers;
    return layers.filter((l) => l.op.kind === "add" && l.path.endsWith(".add")).map((l) => ({
      add: `${net}.${l.path} add `,
      body: `${net}.${layers[l.inputs[0]].path} `,
    }));
  });
  expect(residuals.map((r) => [r.add, r.body])).toEqual([
    ["G.2.add add ", "G.2.1 "],
    ["G.3.add add ", "G.3.1 "],
    ["D.1.add add ", "D.1.1 "],
    ["D.2.add add ", "D.2.2 "],
  ]);
  /** The nodes a kernel computes: from its root (and extras) down to the buffers and textures it reads. */
  const computes = (k: Kernel, stored: Set<Node>) => {
    const seen = new Set<Node>();
    const walk = (x: Node, top: boolean) => {
      if ((!top && stored.has(x)) || seen.has(x)) return;
      seen.add(x);
      if (x === k.anchor && k.texReads) return; // its operands come packed
      for (const s of x.src) walk(s, false);
    };
    for (const x of [k.root, ...(k.extras ?? [])]) walk(x, k.output !== "texture");
    return seen;
  };
  const check = (label: string, s: Schedule, adds: Node[]) => {
    for (const a of adds) {
      const { body } = residuals.find((r) => a.tag!.startsWith(r.add))!;
      const hosts = s.kernels.filter((k) => computes(k, s.materialized).has(a));
      expect(hosts.map((k) => k.anchor?.tag?.startsWith(body)), `${label}: ${a.tag}`).toEqual([true]);
    }
    expect(s.kernels.filter((k) => adds.includes(k.root) && !k.anchor), label).toEqual([]);
  };
  const residualAdds = (nodes: Node[]) =>
    nodes.filter((n) => n.op === Op.ADD && residuals.some((r) => n.tag?.startsWith(r.add)));

  // G's forward pass: one kernel per dense or conv layer, the adds in the body's conv kernels
  const sampler = lowerSampler(spec!, 16);
  const forward = fuse([sampler.output]);
  expect(forward.kernels.map((k) => [k.root.op, k.anchor?.op, k.anchor?.tag?.split(" ")[0]])).toEqual([
    [Op.RESHAPE, Op.MATMUL, "G.0"],
    [Op.ADD, Op.CONV2D, "G.2.1"], // conv, bias and the identity shortcut's add
    [Op.ADD, Op.CONV2D, "G.3.shortcut.0"], // the written shortcut's 1x1 conv and bias
    [Op.ADD, Op.CONV2D, "G.3.1"], // conv, bias and the add of the shortcut's result
    [Op.RESHAPE, Op.CONV2D, "G.4"], // conv and bias, stored for the upsample to spread
    [Op.SIGMOID, undefined, undefined], // the upsample's copies and the sigmoid
  ]);
  check("sampler", forward, residualAdds(sampler.graph.all()));
  for (const textureOperands of [false, true]) {
    for (const phase of program!.phases) {
      const roots = [...Object.values(phase.metrics), ...phase.updates.map((u) => u.value)];
      const s = fuse(roots, { textureOperands, graph: program!.graph });
      const adds = residualAdds(topo(...roots));
      // G's two residuals (D's phase reads G's output too), D's two
      expect(adds.map((a) => a.tag!.split(" ")[0]), phase.name).toEqual(["G.2.add", "G.3.add", "D.1.add", "D.2.add"]);
      check(`${phase.name}${textureOperands ? " (texture operands)" : ""}`, s, adds);
    }
  }
});

test("a projection discriminator's term joins the kernel of D's score: its add is that matmul's epilogue", () => {
  const { spec, program } = lowerSource(
    Deno.readTextFileSync(new URL("../../../specs/cgan-fashion.gan", import.meta.url)),
  );
  const d = spec!.discriminator;
  const join = d.layers[d.layers.length - 1]; // add(score, projection)
  const [score, projection] = join.inputs.map((i) => d.layers[i]);
  expect([join.op.kind, score.op.kind, projection.op.kind]).toEqual(["add", "dense", "dot"]);
  const tagOf = (l: typeof join) => `D.${l.path} `;
  for (const textureOperands of [false, true]) {
    for (const phase of program!.phases) {
      const roots = [...Object.values(phase.metrics), ...phase.updates.map((u) => u.value)];
      const s = fuse(roots, { textureOperands, graph: program!.graph });
      const adds = topo(...roots).filter((n) => n.op === Op.ADD && n.tag?.startsWith(tagOf(join)));
      if (phase.name !== "d0" && !adds.length) continue; // G's phase reads D on generated examples only
      expect(adds.length, phase.name).toBeGreaterThan(0);
      for (const a of adds) {
        // the add is stored by a kernel whose anchor is the score's product, never by a kernel of its own
        const host = s.kernels.find((k) => k.root === a);
        expect(host?.anchor?.op, `${phase.name} ${a.tag}`).toBe(Op.MATMUL);
        expect(host?.anchor?.tag?.startsWith(tagOf(score)), `${phase.name}: ${host?.anchor?.tag}`).toBe(true);
      }
    }
  }
});
