// Finite-difference gradient checking against the interpreter, in float64.
import { grad, topo } from "./autodiff.ts";
import { Op } from "./ops.ts";
import { type Env, evaluate, type Tensor } from "./interpret.ts";
import { type Graph, type Node, size } from "./node.ts";

export interface GradCheck {
  /** Largest |analytic - numeric| / max(1, |numeric|) over every checked element. */
  maxRelError: number;
  checked: number;
  /** Elements that needed a smaller h (a kink within h, or curvature): a few are normal, many are suspicious. */
  kinks: number;
}

/**
 * Compares the IR gradient of a scalar loss with central differences for each named PARAM in `wrt`.
 * `sample` limits how many elements per tensor are perturbed (all when omitted). Detached values are held
 * at the base point unless `holdDetached` is false.
 */
export function gradCheck(
  g: Graph,
  loss: Node,
  wrt: Node[],
  env: Env,
  opts: { h?: number; sample?: number; holdDetached?: boolean } = {},
): GradCheck {
  const h = opts.h ?? 1e-5;
  const grads = grad(g, loss, wrt);
  const values = evaluate(grads, env);
  const params = new Map(env.params);
  // detached values (spectral norm's power-iteration vectors) are constants to the gradient, so the
  // differences hold them at their values at the base point too
  const detached = opts.holdDetached === false ? [] : topo(loss).filter((n) => n.op === Op.DETACH);
  const base = evaluate(detached, env);
  const frozen = () => new Map(detached.map((n) => [n, base.get(n)!]));
  const lossAt = () => evaluate([loss], { ...env, params }, frozen())!.get(loss)![0];
  let maxRelError = 0;
  let checked = 0;
  let kinks = 0;
  wrt.forEach((w, wi) => {
    const name = w.arg as string;
    const base = env.params.get(name)!;
    const analytic = values.get(grads[wi])!;
    const n = size(w.shape);
    const stride = opts.sample && opts.sample < n ? Math.floor(n / opts.sample) : 1;
    for (let i = 0; i < n; i += stride) {
      const probe = (delta: number): number => {
        const t: Tensor = Float64Array.from(base);
        t[i] += delta;
        params.set(name, t);
        return lossAt();
      };
      // Central differences at h, then down to h / 1000 while they disagree: a kink (relu, max) that
      // lies within h of the point spoils the wider ones; a smooth function agrees at once.
      let err = Infinity;
      let retried = false;
      for (let step = h; step >= h / 1000 && !(err < 1e-7); step /= 10) {
        const d = (probe(step) - probe(-step)) / (2 * step);
        const e = Math.abs(analytic[i] - d) / Math.max(1, Math.abs(d));
        if (!(e >= err)) err = e;
        retried ||= step < h;
      }
      if (retried) kinks++;
      // Still off at h / 1000: if the one-sided slopes there disagree, the point sits on a kink (two
      // maxout pieces tied to within 1e-8, say) where no finite difference can judge a gradient.
      if (err >= 1e-7) {
        const tiny = h / 1000;
        const [up, mid, down] = [probe(tiny), probe(0), probe(-tiny)];
        const right = (up - mid) / tiny;
        const left = (mid - down) / tiny;
        if (Math.abs(right - left) > Math.max(1e-6, 1e-3 * Math.max(Math.abs(right), Math.abs(left)))) {
          params.set(name, base);
          continue; // already counted among the kinks
        }
      }
      params.set(name, base);
      if (!(err <= maxRelError)) maxRelError = Number.isNaN(err) ? Infinity : Math.max(maxRelError, err);
      checked++;
    }
  });
  return { maxRelError, checked, kinks };
}
