// Lowering one network's layers to IR, for a batch: forward only (autodiff makes the backward).
import type * as M from "../../model.ts";
import type { Graph, Node } from "../../ir/node.ts";
import { type ParamDecl, Streams } from "../../ir/program.ts";

export type NetId = "G" | "D";

export interface Declare {
  (
    name: string,
    shape: number[],
    role: ParamDecl["role"],
    trainable: boolean,
    init: M.Init,
    fans?: [number, number],
  ): Node;
}

export interface PassOptions {
  /** Which dropout stream family: the real batch (0) or a generated one (1). */
  pass: 0 | 1;
  /** Distinguishes several draws within one step (the D-updates of Algorithm 1). */
  draw: number;
  /** Leave out a final sigmoid and return logits (D's output goes to a loss on logits). */
  logits: boolean;
  /** Inference: dropout off, batchnorm from its running statistics. */
  inference?: boolean;
  /** Each example's class [batch] (whole numbers, or u * classes): embeddings and conditional batchnorm read it. */
  labels?: Node;
}

export interface PassResult {
  out: Node;
  /** Batchnorm running-statistics updates this pass produced (state, not gradients). */
  stats: { param: string; value: Node }[];
  /** The network's named values (D's `aux`). */
  values: Record<string, Node>;
}

/** The name prefix of a layer's tensors: `G.3`, `G.3.shortcut.0` for one nested in a residual. */
export const layerPrefix = (net: NetId, layer: M.Layer) => `${net}.${layer.path}`;

function labelsOf(o: PassOptions): Node {
  if (!o.labels) throw new Error("a layer reads labels, and the pass has none");
  return o.labels;
}

/** x stacked with y along axis 1 (channels, or features), through the IR's stacking along axis 0. */
function concat1(g: Graph, x: Node, y: Node): Node {
  const order = x.shape.map((_, i) => (i === 0 ? 1 : i === 1 ? 0 : i));
  return g.permute(g.concat0(g.permute(x, order), g.permute(y, order)), order);
}

export function forward(
  g: Graph,
  net: NetId,
  n: M.Network,
  x: Node,
  declare: Declare,
  opts: PassOptions,
  line: (l: M.Layer) => number,
): PassResult {
  const stats: PassResult["stats"] = [];
  const batch = x.shape[0];
  let h = x;
  /** Each layer's output, by index: a layer reads the outputs its `inputs` name. */
  const values: Node[] = [];
  let prefix = "";
  /**
   * Spectral normalisation: w / sigma, sigma = u^T W v estimated by power iterations from the persistent
   * vector u (its new value is state, like batchnorm's statistics). u and v are constants to autodiff,
   * as in Miyato et al.: the gradient reaches W through sigma as u v^T.
   */
  const spectral = (w: Node, matrix: Node, iterations: number): Node => {
    const [rows, cols] = matrix.shape;
    const normalise = (x: Node) => {
      const norm = g.sqrt(g.sum(g.mul(x, x), x.shape.map((_, i) => i)));
      return g.detach(g.div(x, g.broadcast(g.max(norm, g.const(1e-12)), x.shape))); // PyTorch's eps
    };
    const u0 = declare(`${prefix}.sn_u`, [rows], "sn_u", false, { kind: "normal", mean: 0, std: 1 });
    let u = g.reshape(u0, [1, rows]);
    let t = matrix;
    for (let i = 0; i < iterations; i++) {
      const v = normalise(g.matmul(u, matrix)); // [1, cols]: W^T u, normalised
      t = g.matmul(matrix, g.reshape(v, [cols, 1])); // [rows, 1]: W v, W live for the gradient
      u = g.reshape(normalise(t), [1, rows]);
    }
    const sigma = g.sum(g.mul(g.reshape(t, [rows]), g.reshape(u, [rows])), [0]);
    if (!opts.inference) stats.push({ param: u0.arg as string, value: g.reshape(u, [rows]) });
    return g.div(w, g.broadcast(sigma, w.shape));
  };
  n.layers.forEach((layer, i) => {
    const op = layer.op;
    prefix = layerPrefix(net, layer);
    g.tag = `${prefix} ${op.kind === "activation" ? op.activation.kind : op.kind} (line ${line(layer)})`;
    const isLast = i === n.layers.length - 1;
    const read = (at: number) => (at < 0 ? x : values[at]);
    h = read(layer.inputs[0]);
    switch (op.kind) {
      case "dense":
      case "maxout": {
        const inF = layer.inShape[0];
        const width = op.kind === "dense" ? op.units : op.units * op.pieces;
        const raw = declare(`${prefix}.weight`, [inF, width], "weight", true, op.init, [inF, width]);
        const w = op.spectralNorm ? spectral(raw, g.transpose(raw), op.spectralNorm) : raw;
        const b = declare(`${prefix}.bias`, [width], "bias", true, op.biasInit, [inF, width]);
        h = g.add(g.matmul(h, w), g.expand(g.reshape(b, [1, width]), [batch, width]));
        if (op.kind === "maxout") h = g.maxr(g.reshape(h, [batch, op.units, op.pieces]), [2]);
        break;
      }
      case "conv2d":
      case "conv2d_transpose": {
        const [c] = layer.inShape;
        const [o, oh, ow] = layer.outShape;
        const k = op.kernel;
        const wShape = op.kind === "conv2d" ? [o, c, k, k] : [c, o, k, k];
        const fans: [number, number] = [c * k * k, o * k * k];
        const raw = declare(`${prefix}.weight`, wShape, "weight", true, op.init, fans);
        // the matrix whose largest singular value spectral norm divides by: [output channels, the rest]
        const matrix = () => g.reshape(op.kind === "conv2d" ? raw : g.permute(raw, [1, 0, 2, 3]), [o, c * k * k]);
        const w = op.spectralNorm ? spectral(raw, matrix(), op.spectralNorm) : raw;
        const b = declare(`${prefix}.bias`, [o], "bias", true, op.biasInit, fans);
        h = op.kind === "conv2d"
          ? g.conv2d(h, w, { stride: op.stride, padding: op.padding })
          : g.conv2dT(h, w, { stride: op.stride, padding: op.padding, outputPadding: op.outputPadding });
        h = g.add(h, g.expand(g.reshape(b, [1, o, 1, 1]), [batch, o, oh, ow]));
        break;
      }
      case "embedding": {
        // one-hot rows of the labels times the table: the gradient reaches each class's row alone
        const table = declare(`${prefix}.weight`, [op.classes, op.dim], "weight", true, op.init, [op.classes, op.dim]);
        h = g.matmul(g.onehot(labelsOf(opts), op.classes), table);
        break;
      }
      case "dot":
        h = g.reshape(g.sum(g.mul(h, read(layer.inputs[1])), [1]), [batch, 1]);
        break;
      case "batchnorm": {
        const image = layer.inShape.length === 3;
        const c = layer.inShape[0];
        const axes = image ? [0, 2, 3] : [0];
        const keep = image ? [1, c, 1, 1] : [1, c];
        const full = h.shape;
        const count = full.reduce((a, d) => a * d, 1) / c;
        const classes = op.classes ?? 0;
        const affine = (name: string, value: number) => {
          if (!classes) {
            return declare(`${prefix}.${name}`, [c], name as "gamma" | "beta", true, { kind: "constant", value });
          }
          // conditional: a row per class, each example's picked by its label
          const t = declare(`${prefix}.${name}`, [classes, c], name as "gamma" | "beta", true, {
            kind: "constant",
            value,
          });
          return g.matmul(g.onehot(labelsOf(opts), classes), t);
        };
        const gamma = affine("gamma", 1);
        const beta = affine("beta", 0);
        const rm = declare(`${prefix}.running_mean`, [c], "running_mean", false, { kind: "constant", value: 0 });
        const rv = declare(`${prefix}.running_var`, [c], "running_var", false, { kind: "constant", value: 1 });
        const per = (v: Node) => g.expand(g.reshape(v, keep), full);
        // gamma and beta per channel, or per example and channel when conditional
        const perAffine = (v: Node) =>
          classes ? g.expand(g.reshape(v, image ? [batch, c, 1, 1] : [batch, c]), full) : per(v);
        if (opts.inference) {
          const inv = g.recip(g.sqrt(g.addScalar(rv, op.eps)));
          h = g.add(g.mul(g.mul(g.sub(h, per(rm)), per(inv)), perAffine(gamma)), perAffine(beta));
          break;
        }
        const mean = g.scale(g.sum(h, axes), 1 / count);
        const centred = g.sub(h, per(mean));
        const variance = g.scale(g.sum(g.mul(centred, centred), axes), 1 / count);
        const inv = g.recip(g.sqrt(g.addScalar(variance, op.eps)));
        h = g.add(g.mul(g.mul(centred, per(inv)), perAffine(gamma)), perAffine(beta));
        const blend = (old: Node, now: Node) => g.add(g.scale(old, op.momentum), g.scale(now, 1 - op.momentum));
        stats.push({ param: rm.arg as string, value: blend(rm, mean) }, {
          param: rv.arg as string,
          value: blend(rv, variance),
        });
        break;
      }
      case "layernorm":
      case "instancenorm": {
        // each example's own statistics: over all its features, or over each channel's pixels
        const image = layer.inShape.length === 3;
        const c = layer.inShape[0];
        const full = h.shape;
        const axes = op.kind === "instancenorm" ? [2, 3] : image ? [1, 2, 3] : [1];
        const keepStats = full.map((d, i) => (axes.includes(i) ? 1 : d));
        const count = axes.reduce((a, i) => a * full[i], 1);
        const stat = (v: Node) => g.expand(g.reshape(v, keepStats), full);
        const per = (v: Node) => g.expand(g.reshape(v, image ? [1, c, 1, 1] : [1, c]), full);
        const gamma = declare(`${prefix}.gamma`, [c], "gamma", true, { kind: "constant", value: 1 });
        const beta = declare(`${prefix}.beta`, [c], "beta", true, { kind: "constant", value: 0 });
        const centred = g.sub(h, stat(g.scale(g.sum(h, axes), 1 / count)));
        const variance = g.scale(g.sum(g.mul(centred, centred), axes), 1 / count);
        const inv = g.recip(g.sqrt(g.addScalar(variance, op.eps)));
        h = g.add(g.mul(g.mul(centred, stat(inv)), per(gamma)), per(beta));
        break;
      }
      case "dropout": {
        if (opts.inference) break; // kept inputs were scaled by 1 / keep in training, so inference is the identity
        const u = g.random(
          { stream: Streams.dropout(net, layer.index, opts.pass), dist: "uniform", draw: opts.draw },
          h.shape,
        );
        const mask = g.scale(g.cmplt(u, g.const(op.keep, h.shape)), op.scale);
        h = g.mul(h, mask);
        break;
      }
      case "reshape":
      case "flatten":
        h = g.reshape(h, [batch, ...layer.outShape]);
        break;
      case "activation": {
        const a = op.activation;
        if (a.kind === "relu") h = g.max(h, g.const(0, h.shape));
        else if (a.kind === "leaky_relu") h = g.max(h, g.scale(h, a.alpha));
        else if (a.kind === "sigmoid" && !(isLast && opts.logits)) h = g.sigmoid(h);
        else if (a.kind === "tanh") h = g.tanh(h);
        break;
      }
      case "upsample": {
        // nearest: each pixel expanded over a factor x factor window
        const [c, hh, ww] = layer.inShape;
        const f = op.factor;
        const spread = g.expand(g.reshape(h, [batch, c, hh, 1, ww, 1]), [batch, c, hh, f, ww, f]);
        h = g.reshape(spread, [batch, ...layer.outShape]);
        break;
      }
      case "avg_pool": {
        const [c, hh, ww] = layer.inShape;
        const k = op.size;
        const windows = g.reshape(h, [batch, c, hh / k, k, ww / k, k]);
        h = g.scale(g.sum(windows, [3, 5]), 1 / (k * k));
        break;
      }
      case "add":
        for (const at of layer.inputs.slice(1)) h = g.add(h, read(at));
        break;
      case "concat":
        for (const at of layer.inputs.slice(1)) h = concat1(g, h, read(at));
        break;
    }
    values.push(h);
  });
  h = values[values.length - 1] ?? x;
  g.tag = undefined;
  const named = Object.fromEntries(Object.entries(n.values ?? {}).map(([k, at]) => [k, values[at]]));
  return { out: h, stats, values: named };
}
