// `gan summary`: per network a table of layers with output shapes, parameters and FLOPs per example,
// then the data, latent prior, loss, optimisers and the schedule, one line each.
import type * as M from "../model.ts";
import { describeLoss } from "../phases/2-check/loss.ts";
import { describeAverage, describeSchedule } from "../phases/2-check/schema.ts";
import { showShape } from "../phases/2-check/shapes.ts";
import { formatNumber as f } from "../phases/2-check/values.ts";
import { isToySource } from "../support/api.ts";

const thousands = (x: number) => x.toLocaleString("en-US");

export function describeLayer(op: M.LayerOp): string {
  switch (op.kind) {
    case "dense":
      return `dense(${op.units}${constraints(op)})`;
    case "maxout":
      return `maxout(${op.units}, pieces = ${op.pieces}${constraints(op)})`;
    case "conv2d":
    case "conv2d_transpose": {
      const extra = op.kind === "conv2d_transpose" && op.outputPadding ? `, output_padding = ${op.outputPadding}` : "";
      return `${op.kind}(${op.channels}, kernel = ${op.kernel}, stride = ${op.stride}, padding = ${op.padding}${extra}${
        constraints(op)
      })`;
    }
    case "batchnorm":
      return `batchnorm(momentum = ${f(op.momentum)}, eps = ${f(op.eps)}${op.classes ? ", conditional = true" : ""})`;
    case "embedding":
      return `embedding(${op.classes}, ${op.dim})`;
    case "layernorm":
    case "instancenorm":
      return `${op.kind}(eps = ${f(op.eps)})`;
    case "dropout":
      return `dropout(keep = ${f(op.keep)}, scale = ${f(op.scale)})`;
    case "reshape":
      return `reshape(${op.shape.join(", ")})`;
    case "flatten":
      return "flatten";
    case "activation":
      return op.activation.kind === "leaky_relu" ? `leaky_relu(${f(op.activation.alpha)})` : op.activation.kind;
    case "upsample":
      return `upsample(${op.factor})`;
    case "avg_pool":
      return `avg_pool(${op.size})`;
    case "add":
    case "concat":
    case "dot":
      return op.kind;
  }
}

/**
 * A network's rows in the order they run: each group (residual, shortcut, block use) as a header with
 * its layers indented under it; a layer reading anything but the row above names its inputs' paths.
 */
export function layerRows(n: M.Network): { path: string; text: string; layer?: M.Layer }[] {
  const rows: { path: string; text: string; layer?: M.Layer }[] = [];
  const pathOf = (i: number) => (i < 0 ? "input" : n.layers[i].path);
  n.layers.forEach((l, i) => {
    for (const g of n.groups) if (g.first === i) rows.push({ path: g.path, text: `${"  ".repeat(g.depth)}${g.label}` });
    const plain = l.inputs.length === 1 && l.inputs[0] === i - 1;
    const from = plain ? "" : ` <- ${l.inputs.map(pathOf).join(", ")}`;
    rows.push({ path: l.path, text: `${"  ".repeat(l.depth)}${describeLayer(l.op)}${from}`, layer: l });
  });
  return rows;
}

const constraints = (op: { maxNorm?: number; clip?: number; spectralNorm?: number }) =>
  `${op.maxNorm ? `, max_norm = ${f(op.maxNorm)}` : ""}${op.clip ? `, clip = ${f(op.clip)}` : ""}${
    op.spectralNorm ? `, spectral_norm${op.spectralNorm > 1 ? ` = ${op.spectralNorm}` : ""}` : ""
  }`;

export function networkTotals(n: M.Network) {
  return {
    params: n.layers.reduce((s, l) => s + l.params, 0),
    flops: n.layers.reduce((s, l) => s + l.flops, 0),
  };
}

function table(n: M.Network): string[] {
  const rows = layerRows(n).map(({ path, text, layer: l }) =>
    l ? [path, text, showShape(l.outShape), thousands(l.params), thousands(l.flops)] : [path, text, "", "", ""]
  );
  const t = networkTotals(n);
  const flat = n.groups.length === 0; // indices, right-aligned; paths read better left-aligned
  const head = ["#", "layer", "output", "params", "FLOPs"];
  const foot = ["", "total", "", thousands(t.params), thousands(t.flops)];
  const all = [head, ...rows, foot];
  const widths = head.map((_, c) => all.reduce((w, r) => Math.max(w, r[c].length), 0));
  const line = (r: string[]) =>
    "  " +
    r.map((cell, c) => (c >= 3 || (c === 0 && flat) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ")
      .trimEnd();
  return [`${n.name}: ${showShape(n.inShape)} -> ${showShape(n.outShape)}`, ...all.map(line)];
}

export function describeData(d: M.DataSpec): string {
  const s = d.source;
  const what = s.kind === "mnist"
    ? "mnist (bundled, 10,000 digits)"
    : s.kind === "idx" && s.labels
    ? `idx(${JSON.stringify(s.path)}, labels = ${JSON.stringify(s.labels)})`
    : s.kind === "idx" || s.kind === "cifar10"
    ? `${s.kind}(${JSON.stringify(s.path)})`
    : s.kind === "images"
    ? `images(${JSON.stringify(s.folder)})`
    : s.kind === "gaussian"
    ? `gaussian(mean ${f(s.mean)}, std ${f(s.std)})`
    : s.kind === "ring"
    ? `ring of ${s.modes} gaussians (radius ${f(s.radius)}, std ${f(s.std)})`
    : s.kind === "grid"
    ? `grid of ${s.side}x${s.side} gaussians (spacing ${f(s.spacing)}, std ${f(s.std)})`
    : `mixture of ${s.means.length} gaussians`;
  const toy = isToySource(s);
  const classes = (d.classes ? `, ${d.classes} classes` : "") +
    (d.augment?.length ? `, augment ${d.augment.join(", ")}` : "");
  return toy
    ? `${what}, ${showShape(d.shape)}`
    : `${what}, ${showShape(d.shape)} in [${f(d.range[0])}, ${f(d.range[1])}]${classes}`;
}

export function describePrior(l: M.LatentSpec): string {
  const p = l.prior;
  return `${l.dim}-d ${
    p.kind === "uniform" ? `uniform(${f(p.low)}, ${f(p.high)})` : `normal(mean ${f(p.mean)}, std ${f(p.std)})`
  }`;
}

export function describeOptimizer(o: M.Optimizer): string {
  return o.kind === "sgd"
    ? `sgd, lr ${describeSchedule(o.lr)}, momentum ${describeSchedule(o.momentum)}`
    : o.kind === "rmsprop"
    ? `rmsprop, lr ${describeSchedule(o.lr)}, alpha ${f(o.alpha)}, eps ${f(o.eps)}`
    : `adam, lr ${describeSchedule(o.lr)}, beta1 ${f(o.beta1)}, beta2 ${f(o.beta2)}, eps ${f(o.eps)}`;
}

export function describeSchedule1(t: M.TrainSpec): string {
  const length = t.epochs !== undefined
    ? `${t.epochs} epochs`
    : t.steps !== undefined
    ? `${t.steps} steps`
    : "until stopped";
  const order = t.schedule === "alternating"
    ? `alternating: ${t.k} D-update${t.k > 1 ? "s" : ""} then 1 G-update`
    : "simultaneous D and G updates";
  return `${order}, batch ${t.batch}, ${length}, seed ${t.seed}; log every ${t.logEvery}, samples every ${t.sampleEvery}, checkpoint every ${t.checkpointEvery} steps`;
}

export function renderSummary(spec: M.CheckedSpec): string {
  const g = networkTotals(spec.generator);
  const d = networkTotals(spec.discriminator);
  const sameOpt = spec.optimizers.generator === spec.optimizers.discriminator;
  const loss = spec.loss;
  const lines = [
    `${spec.name || "(unnamed)"}: ${thousands(g.params + d.params)} parameters (G ${thousands(g.params)}, D ${
      thousands(d.params)
    })`,
    "",
    ...table(spec.generator),
    "",
    ...table(spec.discriminator),
    "",
    `data:      ${describeData(spec.data)}`,
    `latent:    ${describePrior(spec.latent)}`,
    `loss:      G ${describeLoss(loss).g}; D ${describeLoss(loss).d}`,
    ...(sameOpt ? [`optimizer: ${describeOptimizer(spec.optimizers.generator)} (both networks)`] : [
      `optimizer: G ${describeOptimizer(spec.optimizers.generator)}`,
      `           D ${describeOptimizer(spec.optimizers.discriminator)}`,
    ]),
    `schedule:  ${describeSchedule1(spec.train)}`,
    ...(spec.train.generatorAverage ? [`sampling:  ${describeAverage(spec.train.generatorAverage)}`] : []),
  ];
  return lines.join("\n") + "\n";
}
