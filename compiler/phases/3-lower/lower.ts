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
  /** Filled with each declared tensor's initialiser and fans (the PyTorch engine initialises from them). */
  inits?: Map<string, { init: M.Init; fans: [number, number] }>;
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
    opts.inits?.set(name, { init, fans: fans ?? [1, 1] });
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

  // Class-conditional specs: a real row holds an example and its label after it; generated examples get
  // labels drawn uniformly (u * classes, whole-numbered by the layers that read them) from their own stream.
  const classes = spec.data.classes ?? 0;
  const realBatch = (name: string): { x: Node; y?: Node } => {
    const shape = [B, ...spec.data.shape];
    if (!classes) return { x: g.input(name, shape) };
    const f = spec.data.shape.reduce((a, b) => a * b, 1);
    const [x, y] = splitLast(g, g.input(name, [B, f + 1]), f);
    return { x: g.reshape(x, shape), y: g.reshape(y, [B]) };
  };
  const fakeLabels = (draw: number): Node | undefined => {
    if (!classes) return undefined;
    g.tag = `generated labels (draw ${draw})`;
    const y = g.scale(g.random({ stream: Streams.labels, dist: "uniform", draw }, [B]), classes);
    g.tag = undefined;
    return y;
  };
  /** Mean cross-entropy of class logits [B, classes] against labels, and the accuracy of their argmax. */
  const classify = (logits: Node, y: Node) => {
    const hot = g.onehot(y, classes);
    const max = g.maxr(logits, [1]);
    const top = g.expand(g.reshape(max, [B, 1]), logits.shape);
    // log-sum-exp around the row's max (a constant to the gradient, which is softmax - onehot either way)
    const lse = g.add(g.log(g.sum(g.exp(g.sub(logits, g.detach(top))), [1])), g.detach(max));
    const picked = g.sum(g.mul(hot, logits), [1]);
    const ce = g.mean(g.sub(lse, picked));
    const accuracy = g.mean(g.sum(g.mul(hot, g.cmpeq(logits, top)), [1]));
    return { ce, accuracy };
  };

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
  const discriminate = (x: Node, fake: Node, draw: number, mixed?: Node, y?: Node, yf?: Node) => {
    if (!stacked) {
      return [
        run("D", x, { pass: 0, draw, logits: true, labels: y }),
        run("D", fake, { pass: 1, draw, logits: true, labels: yf }),
      ];
    }
    const input = mixed ? g.concat0(g.concat0(x, fake), mixed) : g.concat0(x, fake);
    // the interpolates of a penalty take the real examples' labels
    const labels = y && yf ? (mixed ? g.concat0(g.concat0(y, yf), y) : g.concat0(y, yf)) : undefined;
    const all = run("D", input, { pass: 0, draw, logits: true, labels });
    const rows = (begin: number) => ({
      out: g.slice0(all.out, begin, begin + B),
      stats: all.stats,
      values: Object.fromEntries(Object.entries(all.values).map(([k, v]) => [k, g.slice0(v, begin, begin + B)])),
    });
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
  const judge = (x: Node, fake: Node, draw: number, y?: Node, yf?: Node) => {
    const mixed = interpolates(x, fake, draw);
    const [dReal, dFake, dMixed] = discriminate(x, fake, draw, mixed, y, yf);
    const m = losses(dReal.out, dFake.out);
    const aux = spec.loss.auxiliary;
    if (aux && y && yf) {
      g.tag = "auxiliary classifier";
      const real = classify(dReal.values.aux, y);
      const gen = classify(dFake.values.aux, yf);
      m.d_loss = g.add(m.d_loss, g.scale(g.add(real.ce, gen.ce), aux.weight));
      m.g_loss = g.add(m.g_loss, g.scale(gen.ce, aux.weight));
      [m.acc_real, m.acc_fake] = [real.accuracy, gen.accuracy];
      g.tag = undefined;
    }
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
    const { x, y } = realBatch("real.0");
    const yf = fakeLabels(0);
    const fake = run("G", latent(0), { pass: 1, draw: 0, logits: false, labels: yf });
    const { m, stats } = judge(x, fake.out, 0, y, yf);
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
      const { x, y } = realBatch(name);
      const yf = fakeLabels(j);
      const fake = run("G", latent(j), { pass: 1, draw: j, logits: false, labels: yf });
      const { m, stats } = judge(x, fake.out, j, y, yf);
      const count = g.addScalar(g.scale(step, t.k), j + 1);
      phases.push({
        name: `d${j}`,
        realInputs: [name],
        metrics: {
          d_loss: m.d_loss,
          d_real: m.d_real,
          d_fake: m.d_fake,
          ...(m.penalty ? { penalty: m.penalty } : {}),
          ...(m.acc_real ? { acc_real: m.acc_real, acc_fake: m.acc_fake } : {}),
        },
        updates: [...update("D", m.d_loss, count), ...stats],
      });
    }
    const yf = fakeLabels(t.k);
    const fake = run("G", latent(t.k), { pass: 1, draw: t.k, logits: false, labels: yf });
    // a relativistic G loss compares D(G(z)) with D on a real batch of its own
    const relative = spec.loss.generator === "relativistic";
    const realName = `real.${t.k}`;
    const real = relative ? realBatch(realName) : undefined;
    const [dReal, dFake] = real
      ? discriminate(real.x, fake.out, t.k, undefined, real.y, yf)
      : [undefined, run("D", fake.out, { pass: 1, draw: t.k, logits: true, labels: yf })];
    const m = losses(dReal?.out, dFake.out);
    if (spec.loss.auxiliary && yf) {
      g.tag = "auxiliary classifier";
      m.g_loss = g.add(m.g_loss, g.scale(classify(dFake.values.aux, yf).ce, spec.loss.auxiliary.weight));
      g.tag = undefined;
    }
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
    ...(classes ? { classes } : {}),
    ...(spec.data.augment?.includes("flip") ? { flip: true } : {}),
  };
}

/** Rows [n, f + k] as the first f columns [n, f] and the last k [n, k] (the IR slices along axis 0 only). */
export function splitLast(g: Graph, rows: Node, f: number): [Node, Node] {
  const cols = g.permute(rows, [1, 0]);
  return [g.permute(g.slice0(cols, 0, f), [1, 0]), g.permute(g.slice0(cols, f, rows.shape[1]), [1, 0])];
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
  // a conditional G's rows hold z and then the class: [n, dim + 1]
  const classes = spec.data.classes ?? 0;
  return lowerInference(spec, "G", (g) => g.input("z", [n, spec.latent.dim + (classes ? 1 : 0)]), averaged, o.lineOf);
}

/** D in inference mode for n examples: input `x` [n, ...data shape] (rows with a label after them, [n, f + 1], when conditional) to D(x) [n, 1]. */
export function lowerDiscriminator(spec: M.CheckedSpec, n: number): Inference {
  const f = spec.data.shape.reduce((a, b) => a * b, 1);
  return lowerInference(spec, "D", (g) => g.input("x", spec.data.classes ? [n, f + 1] : [n, ...spec.data.shape]));
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
  const classes = spec.data.classes ?? 0;
  let body = x;
  let labels: Node | undefined;
  if (classes && net === "G") {
    const [z, y] = splitLast(g, x, spec.latent.dim);
    [body, labels] = [z, g.reshape(y, [x.shape[0]])];
  } else if (classes) {
    const f = spec.data.shape.reduce((a, b) => a * b, 1);
    const [v, y] = splitLast(g, g.reshape(x, [x.shape[0], f + 1]), f);
    [body, labels] = [g.reshape(v, [x.shape[0], ...spec.data.shape]), g.reshape(y, [x.shape[0]])];
  }
  const declare = (name: string, shape: number[], _role: ParamDecl["role"], trainable: boolean) =>
    g.param(averaged && trainable ? averageName(name) : name, shape);
  const r = forward(g, net, net === "G" ? spec.generator : spec.discriminator, body, declare, {
    pass: 1,
    draw: 0,
    logits: false,
    inference: true,
    ...(labels ? { labels } : {}),
  }, (l) => lineOf(l.span.start));
  return { graph: g, input: x, output: r.out };
}
