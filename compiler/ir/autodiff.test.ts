import { describe, expect, test } from "vitest";
import { grad } from "./autodiff.ts";
import { gradCheck } from "./gradcheck.ts";
import { evaluate, type Tensor } from "./interpret.ts";
import { Graph, type Node, type Shape, size } from "./node.ts";
import { rng } from "../fuzz/mutate.ts";

/** Random values in [lo, hi), away from 0 by `gap` so kinks (relu, abs, max) are never straddled. */
function values(shape: Shape, random: () => number, lo = -2, hi = 2, gap = 0.1): Tensor {
  return Float64Array.from({ length: size(shape) }, () => {
    let x = 0;
    do x = lo + (hi - lo) * random(); while (Math.abs(x) < gap);
    return x;
  });
}

/** loss = sum(f(params) * r) with a fixed random r, so every output element's gradient matters. */
function check(
  build: (g: Graph, p: (name: string, shape: Shape, lo?: number, hi?: number) => Node) => Node,
  seed = 1,
  extra?: (shape: Shape) => Tensor,
) {
  const random = rng(seed);
  const g = new Graph();
  const params = new Map<string, Tensor>();
  const wrt: Node[] = [];
  const p = (name: string, shape: Shape, lo = -2, hi = 2) => {
    params.set(name, values(shape, random, lo, hi));
    const n = g.param(name, shape);
    wrt.push(n);
    return n;
  };
  const y = build(g, p);
  const r = g.input("r", y.shape);
  const loss = g.sum(g.mul(y, r), y.shape.map((_, i) => i));
  const inputs = new Map([["r", values(y.shape, random)]]);
  // other inputs the build made (an inner loss's weights): fixed values from `extra`
  for (const n of g.all()) if (n.op === "input" && n.arg !== "r" && extra) inputs.set(n.arg as string, extra(n.shape));
  const env = { params, inputs, seed: 0, step: 0 };
  return gradCheck(g, loss, wrt, env);
}

const TOL = 1e-6;

describe("gradients of every op against central differences (float64)", () => {
  const unary: Record<string, (g: Graph, x: Node) => Node> = {
    neg: (g, x) => g.neg(x),
    exp: (g, x) => g.exp(x),
    sigmoid: (g, x) => g.sigmoid(x),
    tanh: (g, x) => g.tanh(x),
    softplus: (g, x) => g.softplus(x),
    abs: (g, x) => g.abs(x),
  };
  for (const [name, f] of Object.entries(unary)) {
    test(name, () => expect(check((g, p) => f(g, p("x", [3, 4]))).maxRelError).toBeLessThan(TOL));
  }
  test("log, sqrt, recip (positive inputs)", () => {
    for (
      const f of [(g: Graph, x: Node) => g.log(x), (g: Graph, x: Node) => g.sqrt(x), (g: Graph, x: Node) => g.recip(x)]
    ) {
      expect(check((g, p) => f(g, p("x", [5], 0.5, 3))).maxRelError).toBeLessThan(TOL);
    }
  });
  const binary: Record<string, (g: Graph, a: Node, b: Node) => Node> = {
    add: (g, a, b) => g.add(a, b),
    sub: (g, a, b) => g.sub(a, b),
    mul: (g, a, b) => g.mul(a, b),
    div: (g, a, b) => g.div(a, b),
    max: (g, a, b) => g.max(a, b),
  };
  for (const [name, f] of Object.entries(binary)) {
    test(name, () => expect(check((g, p) => f(g, p("a", [2, 3]), p("b", [2, 3]))).maxRelError).toBeLessThan(TOL));
  }
  test("pow (positive base, both operands)", () => {
    expect(check((g, p) => g.pow(p("a", [4], 0.5, 2), p("b", [4], -1.5, 1.5))).maxRelError).toBeLessThan(TOL);
  });
  test("where with a comparison mask", () => {
    expect(
      check((g, p) => {
        const a = p("a", [6]);
        const b = p("b", [6]);
        return g.where(g.cmplt(a, g.const(0, [6])), g.mul(a, b), g.exp(b));
      }).maxRelError,
    ).toBeLessThan(TOL);
  });
  test("sum and maxr over several axes", () => {
    expect(check((g, p) => g.sum(p("x", [2, 3, 4]), [0, 2])).maxRelError).toBeLessThan(TOL);
    expect(check((g, p) => g.maxr(p("x", [2, 3, 5]), [2])).maxRelError).toBeLessThan(TOL);
  });
  test("reshape, permute, expand", () => {
    expect(check((g, p) => g.permute(g.reshape(p("x", [2, 3, 4]), [4, 3, 2]), [2, 0, 1])).maxRelError).toBeLessThan(
      TOL,
    );
    expect(check((g, p) => g.expand(p("x", [2, 1, 3]), [2, 4, 3])).maxRelError).toBeLessThan(TOL);
  });
  test("concat and slice along the batch axis", () => {
    expect(check((g, p) => g.concat0(p("a", [2, 3]), p("b", [4, 3]))).maxRelError).toBeLessThan(TOL);
    expect(check((g, p) => g.slice0(p("x", [6, 2, 2]), 1, 4)).maxRelError).toBeLessThan(TOL);
    expect(
      check((g, p) => {
        const x = g.concat0(p("a", [3, 2]), p("b", [3, 2]));
        return g.mul(g.slice0(x, 0, 3), g.slice0(x, 3, 6));
      }).maxRelError,
    ).toBeLessThan(TOL);
  });
  test("one-hot rows of class numbers: a table lookup (an embedding) and per-class affine rows, by gradient", () => {
    // classes 0..3 as whole numbers and as u * classes (how generated labels arrive): rows of the table
    const labels = (g: Graph) => g.input("labels", [5]);
    const extra = () => Float64Array.of(0, 3, 2.7, 1, 3.999);
    expect(check((g, p) => g.matmul(g.onehot(labels(g), 4), p("table", [4, 3])), 1, extra).maxRelError)
      .toBeLessThan(TOL);
    expect(
      check((g, p) => g.mul(g.matmul(g.onehot(labels(g), 4), p("gamma", [4, 2])), p("x", [5, 2])), 2, extra)
        .maxRelError,
    ).toBeLessThan(TOL);
  });
  test("onehot: 1 at min(floor(x), classes - 1), the rest 0", () => {
    const g = new Graph();
    const y = g.onehot(g.input("y", [4]), 3);
    const out = evaluate([y], {
      params: new Map(),
      inputs: new Map([["y", Float64Array.of(0, 2.5, 1, 3)]]),
      seed: 0,
      step: 0,
    }).get(y)!;
    expect([...out]).toEqual([1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1]);
    expect(grad(g, g.sum(y, [0, 1]), [])).toEqual([]);
  });
  test("matmul", () => {
    expect(check((g, p) => g.matmul(p("a", [3, 5]), p("b", [5, 2]))).maxRelError).toBeLessThan(TOL);
  });
  for (const [stride, padding, k, h] of [[1, 0, 3, 5], [2, 1, 3, 6], [2, 1, 4, 7], [1, 2, 5, 4]]) {
    test(`conv2d stride ${stride} padding ${padding} kernel ${k} on ${h}x${h}`, () => {
      expect(check((g, p) => g.conv2d(p("x", [2, 3, h, h]), p("w", [4, 3, k, k]), { stride, padding })).maxRelError)
        .toBeLessThan(TOL);
    });
    test(`conv2d_t stride ${stride} padding ${padding} kernel ${k} on ${h}x${h}`, () => {
      const outputPadding = stride > 1 ? 1 : 0;
      expect(
        check((g, p) => g.conv2dT(p("x", [2, 3, h, h]), p("w", [3, 2, k, k]), { stride, padding, outputPadding }))
          .maxRelError,
      ).toBeLessThan(TOL);
    });
  }
  test("conv2d_wgrad (second-order: the gradient of a gradient)", () => {
    expect(
      check((g, p) => g.conv2dWgrad(p("x", [2, 2, 6, 6]), p("gy", [2, 3, 3, 3]), { stride: 2, padding: 1, kernel: 3 }))
        .maxRelError,
    ).toBeLessThan(TOL);
  });
});

describe("second-order gradients (a gradient penalty's): the gradient of each op's gradient against central differences", () => {
  /** d/dx of sum(f(x, w) * r1): a tensor the outer check differentiates again, with respect to x and w. */
  const inputGradient = (g: Graph, x: Node, y: Node) => {
    const r = g.input("r1", y.shape);
    return grad(g, g.sum(g.mul(y, r), y.shape.map((_, i) => i)), [x])[0];
  };
  const check2 = (build: (g: Graph, p: (name: string, shape: Shape, lo?: number, hi?: number) => Node) => Node) => {
    // r1 is an input of the inner loss: fixed random values, as r is for the outer one
    const random = rng(7);
    return check(build, 2, (shape) => values(shape, random));
  };
  const unary: Record<string, (g: Graph, x: Node) => Node> = {
    exp: (g, x) => g.exp(x),
    sigmoid: (g, x) => g.sigmoid(x),
    tanh: (g, x) => g.tanh(x),
    softplus: (g, x) => g.softplus(x),
    log: (g, x) => g.log(g.addScalar(g.abs(x), 0.5)),
    sqrt: (g, x) => g.sqrt(g.addScalar(g.abs(x), 0.5)),
    recip: (g, x) => g.recip(g.addScalar(g.abs(x), 0.5)),
    "leaky relu (max)": (g, x) => g.max(x, g.scale(x, 0.2)),
  };
  for (const [name, f] of Object.entries(unary)) {
    test(name, () => {
      const r = check2((g, p) => {
        const x = p("x", [3, 4]);
        const w = p("w", [3, 4]);
        return inputGradient(g, x, f(g, g.mul(x, w)));
      });
      expect(r.maxRelError).toBeLessThan(TOL);
    });
  }
  test("div and pow", () => {
    expect(
      check2((g, p) => {
        const x = p("x", [5], 0.5, 2);
        const w = p("w", [5], 0.5, 2);
        return inputGradient(g, x, g.add(g.div(w, x), g.pow(x, w)));
      }).maxRelError,
    ).toBeLessThan(TOL);
  });
  test("a dense layer, maxout and a per-example norm (WGAN-GP's penalty)", () => {
    expect(
      check2((g, p) => {
        const x = p("x", [3, 4]);
        const w = p("w", [4, 6]);
        const h = g.maxr(g.reshape(g.tanh(g.matmul(x, w)), [3, 3, 2]), [2]);
        const dx = inputGradient(g, x, h);
        const norm = g.sqrt(g.sum(g.mul(dx, dx), [1]));
        return g.mul(g.addScalar(norm, -1), g.addScalar(norm, -1));
      }).maxRelError,
    ).toBeLessThan(TOL);
  });
  for (const [stride, padding, k, h] of [[1, 0, 3, 5], [2, 1, 4, 7]]) {
    test(`conv2d and conv2d_t, stride ${stride} padding ${padding} kernel ${k} on ${h}x${h}`, () => {
      expect(
        check2((g, p) => {
          const x = p("x", [2, 2, h, h]);
          const y = g.tanh(g.conv2d(x, p("w", [3, 2, k, k]), { stride, padding }));
          return inputGradient(g, x, y);
        }).maxRelError,
      ).toBeLessThan(TOL);
      const outputPadding = stride > 1 ? 1 : 0;
      expect(
        check2((g, p) => {
          const x = p("x", [2, 2, h, h]);
          const y = g.sigmoid(g.conv2dT(x, p("w", [2, 3, k, k]), { stride, padding, outputPadding }));
          return inputGradient(g, x, y);
        }).maxRelError,
      ).toBeLessThan(TOL);
    });
  }
});

describe("the interpreter's convolutions agree with each other", () => {
  test("conv2d_t is the adjoint of conv2d: <conv(x), y> = <x, conv_t(y)>", async () => {
    const { evaluate } = await import("./interpret.ts");
    const random = rng(3);
    const g = new Graph();
    const x = g.param("x", [2, 3, 7, 7]);
    const w = g.param("w", [4, 3, 3, 3]);
    const y = g.param("y", [2, 4, 4, 4]);
    const cx = g.conv2d(x, w, { stride: 2, padding: 1 });
    const ty = g.conv2dT(y, w, { stride: 2, padding: 1, outputPadding: 0 });
    const lhs = g.sum(g.mul(cx, y), [0, 1, 2, 3]);
    const rhs = g.sum(g.mul(x, ty), [0, 1, 2, 3]);
    const params = new Map([["x", values([2, 3, 7, 7], random)], ["w", values([4, 3, 3, 3], random)], [
      "y",
      values([2, 4, 4, 4], random),
    ]]);
    const v = evaluate([lhs, rhs], { params, inputs: new Map(), seed: 0, step: 0 });
    expect(Math.abs(v.get(lhs)![0] - v.get(rhs)![0])).toBeLessThan(1e-9 * Math.abs(v.get(lhs)![0]));
  });
});
