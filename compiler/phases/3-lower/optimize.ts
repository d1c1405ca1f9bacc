// Optimiser updates as IR: SGD with momentum (the original code's rule), Adam, the learning-rate and
// momentum schedules, and the constraints applied to the updated weights: the max column norm and
// clipping.
import type * as M from "../../model.ts";
import type { Graph, Node } from "../../ir/node.ts";
import type { Declare, NetId } from "./network.ts";
import { averageName, type ParamDecl, type Phase } from "../../ir/program.ts";

export interface Clock {
  step: Node; // training step, from 0
  epoch: Node; // epoch, from 0
  count: Node; // this network's update number, from 1 (Adam's bias correction)
}

export function schedule(g: Graph, s: M.Schedule, c: Clock): Node {
  switch (s.kind) {
    case "constant":
      return g.const(s.value);
    case "exp_decay": // max(start / rate^t, floor)
      return g.max(g.div(g.const(s.start), g.pow(g.const(s.rate), c.step)), g.const(s.floor));
    case "linear_ramp": {
      const frac = g.scale(g.addScalar(c.epoch, -s.fromEpoch), 1 / (s.toEpoch - s.fromEpoch));
      const clamped = g.min(g.max(frac, g.const(0)), g.const(1));
      return g.addScalar(g.scale(clamped, s.end - s.start), s.start);
    }
  }
}

/** A schedule's value on the CPU (for logs), the same formula as the IR above. */
export function scheduleValue(s: M.Schedule, step: number, epoch: number): number {
  switch (s.kind) {
    case "constant":
      return s.value;
    case "exp_decay":
      return Math.max(s.start / s.rate ** step, s.floor);
    case "linear_ramp": {
      const frac = Math.min(Math.max((epoch - s.fromEpoch) / (s.toEpoch - s.fromEpoch), 0), 1);
      return s.start + frac * (s.end - s.start);
    }
  }
}

export function optimizerUpdates(
  g: Graph,
  opt: M.Optimizer,
  network: M.Network,
  net: NetId,
  params: ParamDecl[],
  nodes: Node[],
  grads: Node[],
  clock: Clock,
  declare: Declare,
): Phase["updates"] {
  const out: Phase["updates"] = [];
  const zeros: M.Init = { kind: "constant", value: 0 };
  g.tag = `optimizer ${net} (${opt.kind})`;
  const lr = schedule(g, opt.lr, clock);
  params.forEach((p, i) => {
    const w = nodes[i];
    const dw = grads[i];
    const shape = [...p.shape];
    let next: Node;
    if (opt.kind === "sgd") {
      // v <- mu v - lr g; w <- w + v
      const v = declare(`opt.${p.name}.velocity`, shape, "velocity", false, zeros);
      const mu = schedule(g, opt.momentum, clock);
      const v2 = g.sub(g.mul(g.broadcast(mu, shape), v), g.mul(g.broadcast(lr, shape), dw));
      out.push({ param: v.arg as string, value: v2 });
      next = g.add(w, v2);
    } else if (opt.kind === "rmsprop") {
      // v <- alpha v + (1 - alpha) g^2; w <- w - lr g / (sqrt(v) + eps)
      const v = declare(`opt.${p.name}.rms_v`, shape, "rms_v", false, zeros);
      const v2 = g.add(g.scale(v, opt.alpha), g.scale(g.mul(dw, dw), 1 - opt.alpha));
      out.push({ param: v.arg as string, value: v2 });
      next = g.sub(w, g.mul(g.broadcast(lr, shape), g.div(dw, g.addScalar(g.sqrt(v2), opt.eps))));
    } else {
      // m <- b1 m + (1 - b1) g; v <- b2 v + (1 - b2) g^2; w <- w - lr m^ / (sqrt(v^) + eps)
      const m = declare(`opt.${p.name}.adam_m`, shape, "adam_m", false, zeros);
      const v = declare(`opt.${p.name}.adam_v`, shape, "adam_v", false, zeros);
      const m2 = g.add(g.scale(m, opt.beta1), g.scale(dw, 1 - opt.beta1));
      const v2 = g.add(g.scale(v, opt.beta2), g.scale(g.mul(dw, dw), 1 - opt.beta2));
      const c1 = g.sub(g.const(1), g.pow(g.const(opt.beta1), clock.count));
      const c2 = g.sub(g.const(1), g.pow(g.const(opt.beta2), clock.count));
      const mHat = g.div(m2, g.broadcast(c1, shape));
      const vHat = g.div(v2, g.broadcast(c2, shape));
      const stepSize = g.div(mHat, g.addScalar(g.sqrt(vHat), opt.eps));
      out.push({ param: m.arg as string, value: m2 }, { param: v.arg as string, value: v2 });
      next = g.sub(w, g.mul(g.broadcast(lr, shape), stepSize));
    }
    const layer = network.layers.find((l) => p.name === `${net}.${l.path}.weight`);
    const maxNorm = layer && "maxNorm" in layer.op ? layer.op.maxNorm : undefined;
    if (maxNorm) {
      next = constrainNorm(
        g,
        next,
        maxNorm,
        layer!.op.kind === "conv2d_transpose" ? [0, 2, 3] : layer!.op.kind === "conv2d" ? [1, 2, 3] : [0],
      );
    }
    const owner = network.layers.find((l) => p.name.slice(0, p.name.lastIndexOf(".")) === `${net}.${l.path}`);
    const clip = owner && "clip" in owner.op ? owner.op.clip : undefined;
    if (clip) next = g.min(g.max(next, g.const(-clip, shape)), g.const(clip, shape));
    out.push({ param: p.name, value: next });
  });
  g.tag = undefined;
  return out;
}

/**
 * G's averaged tensors after a G update: avg <- avg + alpha (w' - avg), the bias-corrected EMA
 * alpha = (1 - d) / (1 - d^n) with n the number of averaged updates so far (1 / n when d = 1: the running
 * mean); before `fromStep` the average just follows the weights (alpha = 1).
 */
export function averageUpdates(
  g: Graph,
  a: M.GeneratorAverage,
  updates: Phase["updates"],
  step: Node,
  declared: (name: string) => Node | undefined,
): Phase["updates"] {
  g.tag = "generator average";
  const n = g.max(g.addScalar(step, 1 - a.fromStep), g.const(1));
  const alpha = a.decay === 1
    ? g.div(g.const(1), n)
    : g.div(g.const(1 - a.decay), g.sub(g.const(1), g.pow(g.const(a.decay), n)));
  const out: Phase["updates"] = [];
  for (const u of updates) {
    const avg = declared(averageName(u.param));
    if (!avg) continue;
    out.push({
      param: averageName(u.param),
      value: g.add(avg, g.mul(g.broadcast(alpha, avg.shape), g.sub(u.value, avg))),
    });
  }
  g.tag = undefined;
  return out;
}

/** The original code's max column norm: each output unit's weight vector scaled back to at most maxNorm. */
function constrainNorm(g: Graph, w: Node, maxNorm: number, axes: number[]): Node {
  const keep = w.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const norms = g.sqrt(g.sum(g.mul(w, w), axes));
  const desired = g.min(norms, g.const(maxNorm, norms.shape));
  const factor = g.div(desired, g.addScalar(norms, 1e-7));
  return g.mul(w, g.expand(g.reshape(factor, keep), w.shape));
}
