// Phase 3: a checked spec to the training-step program (IR): parameters with their initialisers, the
// forward passes, the losses on logits, the gradients (autodiff) and the optimiser updates.
import type * as M from "../../model.ts";
import { grad } from "../../ir/autodiff.ts";
import { Graph, type Node } from "../../ir/node.ts";
import { forward, type NetId, type PassOptions } from "./network.ts";
import { averageUpdates, optimizerUpdates } from "./optimize.ts";
import { initialValue } from "./init.ts";
import type { ParamDecl, Phase, StepProgram } from "../../ir/program.ts";
import { averageName, Streams } from "../../ir/program.ts";

export interface LowerOptions {
  /** Maps a source offset to its line, for the tags that name spec lines in listings and kernels. */
  lineOf?: (offset: number) => number;
}

export function lower(spec: M.CheckedSpec, opts: LowerOptions = {}): StepProgram {
  const g = new Graph();
  const B = spec.train.batch;
  const params: ParamDecl[] = [];
  const initUpdates: Phase["updates"] = [];
  const byName = new Map<string, Node>();
  const lineOf = opts.lineOf ?? (() => 0);
  const line = (l: M.Layer) => lineOf(l.span.start);

  const declare = (
    name: string,
    shape: number[],
    role: ParamDecl["role"],
    trainable: boolean,
    init: M.Init,
    fans?: [number, number],
  ) => {
    const known = byName.get(name);
    if (known) return known;
    const node = g.param(name, shape);
    byName.set(name, node);
    const index = params.length;
    params.push({ name, shape, role, trainable });
    const tag = g.tag;
    g.tag = `init ${name}`;
    initUpdates.push({
      param: name,
      value: initialValue(g, init, shape, fans ?? [1, 1], Streams.init(index), spec.data.shape),
    });
    g.tag = tag;
    return node;
  };

  const latent = (draw: number): Node => {
    g.tag = `latent z (draw ${draw})`;
    const p = spec.latent.prior;
    const shape = [B, spec.latent.dim];
    const r = g.random({ stream: Streams.latent, dist: p.kind === "uniform" ? "uniform" : "normal", draw }, shape);
    const z = p.kind === "uniform"
      ? g.addScalar(g.scale(r, p.high - p.low), p.low)
      : g.addScalar(g.scale(r, p.std), p.mean);
    g.tag = undefined;
    return z;
  };
  const run = (net: NetId, x: Node, o: PassOptions) =>
    forward(g, net, net === "G" ? spec.generator : spec.discriminator, x, declare, o, line);

  // Both schedules first run G, then D, then D's update, then G's: declaration order (and so each
  // parameter's init stream) is G's tensors, D's, D's optimiser state, G's optimiser state.
  const trainable = (net: NetId) => params.filter((p) => p.trainable && p.name.startsWith(`${net}.`));
  const step = g.input("step", []);
  const epoch = g.input("epoch", []);

  // D's outputs are logits for binary cross-entropy (its final sigmoid folded into the loss), plain
  // scores for the other losses; d_real and d_fake report D(x) and D(G(z)) as probabilities or scores
  /**
   * RaSGAN: binary cross-entropy of sigmoid(C(a) - mean C(b)) against 1 and of sigmoid(C(b) - mean C(a))
   * against 0, on logits: mean softplus(mean C(b) - C(a)) + mean softplus(C(b) - mean C(a)).
   */
  const relativistic = (a: Node, b: Node) => {
    const meanOf = (x: Node) => g.broadcast(g.mean(x), x.shape);
    return g.add(g.mean(g.softplus(g.sub(meanOf(b), a))), g.mean(g.softplus(g.sub(b, meanOf(a)))));
  };
  const losses = (realOut: Node | undefined, fakeOut: Node) => {
    g.tag = "loss";
    const l = spec.loss;
    const mean = (x: Node) => g.mean(x);
    const relu = (x: Node) => g.max(x, g.const(0, x.shape));
    const half = (x: Node) => g.scale(x, 0.5);
    const out: Record<string, Node> = {};
    const bce = l.discriminator === "bce";
    const fakeBce0 = bce ? mean(g.softplus(fakeOut)) : undefined; // BCE(D(G(z)), 0)
    if (realOut) {
      if (bce) {
        const target = 1 - l.labelSmoothing;
        const realBce = mean(g.sub(g.softplus(realOut), g.scale(realOut, target))); // BCE(D(x), 1 - s)
        out.d_loss = g.scale(g.add(realBce, fakeBce0!), l.discriminatorScale);
      } else if (l.discriminator === "wasserstein") {
        out.d_loss = g.sub(mean(fakeOut), mean(realOut)); // D(G(z)) - D(x)
      } else if (l.discriminator === "relativistic") {
        out.d_loss = relativistic(realOut, fakeOut); // D(x) judged against the mean D(G(z)), and the reverse
      } else if (l.discriminator === "hinge") {
        out.d_loss = g.add(mean(relu(g.addScalar(g.neg(realOut), 1))), mean(relu(g.addScalar(fakeOut, 1))));
      } else {
        const realOff = g.addScalar(realOut, -1);
        out.d_loss = half(g.add(mean(g.mul(realOff, realOff)), mean(g.mul(fakeOut, fakeOut))));
      }
      out.d_real = mean(bce ? g.sigmoid(realOut) : realOut);
    }
    if (l.generator === "non_saturating") out.g_loss = mean(g.softplus(g.neg(fakeOut))); // -log D(G(z))
    else if (l.generator === "minimax") out.g_loss = g.neg(fakeBce0!); // log(1 - D(G(z)))
    else if (l.generator === "least_squares") {
      const fakeOff = g.addScalar(fakeOut, -1);
      out.g_loss = half(mean(g.mul(fakeOff, fakeOff)));
    } else if (l.generator === "relativistic") out.g_loss = relativistic(fakeOut, realOut!); // the roles swapped
    else out.g_loss = g.neg(mean(fakeOut)); // Wasserstein and hinge: -D(G(z))
    out.d_fake = mean(bce ? g.sigmoid(fakeOut) : fakeOut);
    g.tag = undefined;
    return out;
  };

  const update = (net: NetId, loss: Node, count: Node): Phase["updates"] => {
    const ps = trainable(net);
    const nodes = ps.map((p) => byName.get(p.name)!);
    const grads = grad(g, loss, nodes);
    const optimizer = net === "G" ? spec.optimizers.generator : spec.optimizers.discriminator;
    const network = net === "G" ? spec.generator : spec.discriminator;
    const out = optimizerUpdates(g, optimizer, network, net, ps, nodes, grads, { step, epoch, count }, declare);
    const average = spec.train.generatorAverage;
    if (net !== "G" || !average) return out;
    // Declared after everything else, so a spec's other tensors keep their init streams; each average
    // starts as its weight's initial value.
    for (const p of ps) {
      const name = averageName(p.name);
      byName.set(name, g.param(name, p.shape));
      params.push({ name, shape: [...p.shape], role: "average", trainable: false });
      initUpdates.push({ param: name, value: initUpdates.find((u) => u.param === p.name)!.value });
    }
    return [...out, ...averageUpdates(g, average, out, step, (name) => byName.get(name))];
  };

  // D reads the real and the generated batch as one stacked batch: one matmul per layer and one weight
  // gradient instead of two. Batchnorm must see each batch's own statistics, so with it D runs twice.
  // A gradient penalty's interpolates join the stack as a third batch.
  const stacked = !spec.discriminator.layers.some((l) => l.op.kind === "batchnorm");
  const discriminate = (x: Node, fake: Node, draw: number, mixed?: Node) => {
    if (!stacked) {
      return [run("D", x, { pass: 0, draw, logits: true }), run("D", fake, { pass: 1, draw, logits: true })];
    }
    const input = mixed ? g.concat0(g.concat0(x, fake), mixed) : g.concat0(x, fake);
    const all = run("D", input, { pass: 0, draw, logits: true });
    const rows = (begin: number) => ({ out: g.slice0(all.out, begin, begin + B), stats: all.stats });
    return [rows(0), { ...rows(B), stats: [] }, ...(mixed ? [{ ...rows(2 * B), stats: [] }] : [])];
  };

  // The penalty on D's input gradient: the first gradient (of the summed outputs, so each example's
  // own) is IR like any other, so the second, of the penalty with respect to D's weights, is autodiff
  // of autodiff.
  const penalty = spec.loss.penalty;
  const interpolates = (x: Node, fake: Node, draw: number): Node | undefined => {
    if (penalty?.kind !== "gradient_penalty") return undefined;
    g.tag = "penalty interpolates";
    const u = g.random({ stream: Streams.penalty, dist: "uniform", draw }, [B, ...spec.data.shape.map(() => 1)]);
    const full = [B, ...spec.data.shape];
    const w = g.expand(u, full);
    const mixed = g.add(g.mul(w, x), g.mul(g.sub(g.const(1, full), w), fake));
    g.tag = undefined;
    return mixed;
  };
  const penaltyTerm = (at: Node, out: Node): Node => {
    g.tag = "penalty";
    const [dx] = grad(g, g.sum(out, [0, 1]), [at]);
    const flat = g.reshape(dx, [B, dx.shape.slice(1).reduce((a, b) => a * b, 1)]);
    const squared = g.sum(g.mul(flat, flat), [1]);
    let term: Node;
    if (penalty!.kind === "gradient_penalty") {
      // a norm of exactly 0 would give sqrt an infinite derivative; 1e-12 vanishes beside float32's 1
      const off = g.addScalar(g.sqrt(g.addScalar(squared, 1e-12)), -penalty!.target);
      term = g.scale(g.mean(g.mul(off, off)), penalty!.weight);
    } else term = g.scale(g.mean(squared), penalty!.gamma / 2);
    g.tag = undefined;
    return term;
  };
  /** D's outputs and losses for one real batch and one generated one, with the penalty where there is one. */
  const judge = (x: Node, fake: Node, draw: number) => {
    const mixed = interpolates(x, fake, draw);
    const [dReal, dFake, dMixed] = discriminate(x, fake, draw, mixed);
    const m = losses(dReal.out, dFake.out);
    if (penalty) {
      const term = penalty.kind === "gradient_penalty"
        ? penaltyTerm(mixed!, dMixed.out)
        : penalty.kind === "r1"
        ? penaltyTerm(x, dReal.out)
        : penaltyTerm(fake, dFake.out);
      m.penalty = term;
      m.d_loss = g.add(m.d_loss, term);
    }
    return { m, stats: dReal.stats };
  };

  const phases: Phase[] = [];
  const t = spec.train;
  if (t.schedule === "simultaneous") {
    const x = g.input("real.0", [B, ...spec.data.shape]);
    const fake = run("G", latent(0), { pass: 1, draw: 0, logits: false });
    const { m, stats } = judge(x, fake.out, 0);
    const count = g.addScalar(step, 1);
    phases.push({
      name: "joint",
      realInputs: ["real.0"],
      metrics: m,
      updates: [...update("D", m.d_loss, count), ...update("G", m.g_loss, count), ...fake.stats, ...stats],
    });
  } else {
    for (let j = 0; j < t.k; j++) {
      const name = `real.${j}`;
      const x = g.input(name, [B, ...spec.data.shape]);
      const fake = run("G", latent(j), { pass: 1, draw: j, logits: false });
      const { m, stats } = judge(x, fake.out, j);
      const count = g.addScalar(g.scale(step, t.k), j + 1);
      phases.push({
        name: `d${j}`,
        realInputs: [name],
        metrics: {
          d_loss: m.d_loss,
          d_real: m.d_real,
          d_fake: m.d_fake,
          ...(m.penalty ? { penalty: m.penalty } : {}),
        },
        updates: [...update("D", m.d_loss, count), ...stats],
      });
    }
    const fake = run("G", latent(t.k), { pass: 1, draw: t.k, logits: false });
    // a relativistic G loss compares D(G(z)) with D on a real batch of its own
    const relative = spec.loss.generator === "relativistic";
    const realName = `real.${t.k}`;
    const [dReal, dFake] = relative
      ? discriminate(g.input(realName, [B, ...spec.data.shape]), fake.out, t.k)
      : [undefined, run("D", fake.out, { pass: 1, draw: t.k, logits: true })];
    const m = losses(dReal?.out, dFake.out);
    phases.push({
      name: "g",
      realInputs: relative ? [realName] : [],
      metrics: { g_loss: m.g_loss },
      updates: [...update("G", m.g_loss, g.addScalar(step, 1)), ...fake.stats],
    });
  }

  return {
    name: spec.name,
    graph: g,
    params,
    init: { name: "init", realInputs: [], metrics: {}, updates: initUpdates },
    phases,
    batch: B,
    dataShape: spec.data.shape,
    latentDim: spec.latent.dim,
  };
}

export interface Inference {
  graph: Graph;
  input: Node;
  output: Node;
}

/**
 * G in inference mode for n latent vectors: input `z` [n, dim] to samples [n, ...data shape]. With a
 * `generator_average` it reads the averaged tensors, unless `raw` asks for the trained ones.
 */
export function lowerSampler(
  spec: M.CheckedSpec,
  n: number,
  o: { raw?: boolean; lineOf?: (offset: number) => number } = {},
): Inference {
  const averaged = !!spec.train.generatorAverage && !o.raw;
  return lowerInference(spec, "G", (g) => g.input("z", [n, spec.latent.dim]), averaged, o.lineOf);
}

/** D in inference mode for n examples: input `x` [n, ...data shape] to D(x) [n, 1]. */
export function lowerDiscriminator(spec: M.CheckedSpec, n: number): Inference {
  return lowerInference(spec, "D", (g) => g.input("x", [n, ...spec.data.shape]));
}

/** `averaged`: read the averages of the trainable tensors (the ones a G update averages), not the tensors. */
function lowerInference(
  spec: M.CheckedSpec,
  net: NetId,
  input: (g: Graph) => Node,
  averaged = false,
  lineOf: (offset: number) => number = () => 0,
): Inference {
  const g = new Graph();
  const x = input(g);
  const declare = (name: string, shape: number[], _role: ParamDecl["role"], trainable: boolean) =>
    g.param(averaged && trainable ? averageName(name) : name, shape);
  const r = forward(g, net, net === "G" ? spec.generator : spec.discriminator, x, declare, {
    pass: 1,
    draw: 0,
    logits: false,
    inference: true,
  }, (l) => lineOf(l.span.start));
  return { graph: g, input: x, output: r.out };
}
