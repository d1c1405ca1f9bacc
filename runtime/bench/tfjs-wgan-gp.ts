// specs/wgan-gp-mnist.gan written the way a TensorFlow.js user would write WGAN-GP, for `npm run bench`:
// the same G (dense, batchnorm on batch statistics, two transposed convolutions), the same 5x5 critic,
// five critic updates per generator update, each on its own real batch, with the penalty on the gradient
// of D at random interpolates taken by `tf.grad` inside the function that `tf.variableGrads`
// differentiates (TensorFlow.js's own second-order gradients), Adam (1e-4, 0, 0.9). It starts from the
// generated trainer's initial weights (filters transposed to TensorFlow's [kh, kw, in, out]).
import * as tf from "@tensorflow/tfjs";
import { type TfBackend, useBackend } from "./tfjs.ts";

export interface TfWganResult {
  backend: TfBackend;
  msPerStep: number;
  /** Losses of the first step (from the shared initial weights) and of the last timed step. */
  first: { d_loss: number; g_loss: number; penalty: number };
  last: { d_loss: number; g_loss: number; penalty: number };
}

export interface WganOptions {
  steps: number;
  warmup: number;
  batch: number;
  k: number;
  lr: number;
  beta1: number;
  beta2: number;
  weight: number;
  /** The norm the penalty pulls the input gradient towards. */
  target: number;
}

/** Trains `steps` steps after `warmup` untimed ones and reports ms per timed step. */
export async function tfjsWganGp(
  backend: TfBackend,
  init: ReadonlyMap<string, Float32Array>,
  shapes: ReadonlyMap<string, number[]>,
  data: Float32Array,
  n: number,
  o: WganOptions,
): Promise<TfWganResult> {
  await useBackend(backend);
  const tensor = (name: string) => tf.tensor(init.get(name)!, shapes.get(name)!);
  const v = (name: string, t = tensor(name)) => tf.variable(t, true, `${backend}.wgan.${name}`);
  // our filters are [out, in, kh, kw] (conv2d) and [in, out, kh, kw] (conv2d_transpose); TensorFlow's
  // are [kh, kw, in, out] and [kh, kw, out, in]: the same permutation for both
  const filter = (name: string) => v(name, tf.transpose(tensor(name), [2, 3, 1, 0]));
  const G = {
    w0: v("G.0.weight"),
    b0: v("G.0.bias"),
    g2: v("G.2.gamma"),
    be2: v("G.2.beta"),
    w4: filter("G.4.weight"),
    b4: v("G.4.bias"),
    g5: v("G.5.gamma"),
    be5: v("G.5.beta"),
    w7: filter("G.7.weight"),
    b7: v("G.7.bias"),
  };
  const D = {
    w0: filter("D.0.weight"),
    b0: v("D.0.bias"),
    w2: filter("D.2.weight"),
    b2: v("D.2.bias"),
    w5: v("D.5.weight"),
    b5: v("D.5.bias"),
  };
  const gVars = Object.values(G);
  const dVars = Object.values(D);
  const images = tf.tensor4d(data, [n, 28, 28, 1]); // one channel: NCHW and NHWC hold the same order
  const latent = G.w0.shape[0];

  const batchnorm = (x: tf.Tensor4D, gamma: tf.Variable, beta: tf.Variable) => {
    const { mean, variance } = tf.moments(x, [0, 1, 2]);
    return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5))), gamma), beta) as tf.Tensor4D;
  };
  const gen = (z: tf.Tensor2D) => {
    const b = z.shape[0];
    const h0 = tf.add(tf.matMul(z, G.w0), G.b0);
    // our reshape(128, 7, 7) is channel-major: to NHWC
    const h1 = tf.transpose(tf.reshape(h0, [b, 128, 7, 7]), [0, 2, 3, 1]) as tf.Tensor4D;
    const h2 = tf.relu(batchnorm(h1, G.g2, G.be2)) as tf.Tensor4D;
    const h3 = tf.add(tf.conv2dTranspose(h2, G.w4 as tf.Tensor4D, [b, 14, 14, 64], 2, 1), G.b4) as tf.Tensor4D;
    const h4 = tf.relu(batchnorm(h3, G.g5, G.be5)) as tf.Tensor4D;
    return tf.tanh(tf.add(tf.conv2dTranspose(h4, G.w7 as tf.Tensor4D, [b, 28, 28, 1], 2, 1), G.b7)) as tf.Tensor4D;
  };
  // tf.leakyRelu has no second-order gradient in TensorFlow.js 4.22 (its gradient selects with Greater,
  // which has none: "gradient function not found for Greater"), so the critic writes it with relu,
  // whose gradient is a product with step(x), which has one
  const leaky = (x: tf.Tensor) => tf.sub(tf.relu(x), tf.mul(0.2, tf.relu(tf.neg(x)))) as tf.Tensor4D;
  const disc = (x: tf.Tensor4D) => {
    const h1 = leaky(tf.add(tf.conv2d(x, D.w0 as tf.Tensor4D, 2, 2), D.b0));
    const h2 = leaky(tf.add(tf.conv2d(h1, D.w2 as tf.Tensor4D, 2, 2), D.b2));
    // our flatten reads channel-major
    const flat = tf.reshape(tf.transpose(h2, [0, 3, 1, 2]), [x.shape[0], 6272]) as tf.Tensor2D;
    return tf.add(tf.matMul(flat, D.w5), D.b5) as tf.Tensor2D;
  };
  // the gradient of sum D(x) with respect to x: each example's row of the input gradient
  const inputGradient = tf.grad((x: tf.Tensor) => tf.sum(disc(x as tf.Tensor4D)));
  const optD = tf.train.adam(o.lr, o.beta1, o.beta2, 1e-8);
  const optG = tf.train.adam(o.lr, o.beta1, o.beta2, 1e-8);

  let batchIndex = 0;
  const realBatch = () => {
    const start = (batchIndex++ * o.batch) % (n - o.batch);
    return tf.slice(images, [start, 0, 0, 0], [o.batch, 28, 28, 1]) as tf.Tensor4D;
  };
  const step = () =>
    tf.tidy(() => {
      let dLoss: tf.Scalar = tf.scalar(0);
      let penalty: tf.Scalar = tf.keep(tf.scalar(0));
      for (let c = 0; c < o.k; c++) {
        const real = realBatch();
        const fake = gen(tf.randomNormal([o.batch, latent]) as tf.Tensor2D);
        const eps = tf.randomUniform([o.batch, 1, 1, 1]);
        const mixed = tf.add(tf.mul(eps, real), tf.mul(tf.sub(1, eps), fake)) as tf.Tensor4D;
        const d = tf.variableGrads(() => {
          const scores = disc(tf.concat([real, fake], 0) as tf.Tensor4D);
          const [sr, sf] = tf.split(scores, 2, 0);
          const grad = inputGradient(mixed);
          const norm = tf.sqrt(tf.add(tf.sum(tf.square(grad), [1, 2, 3]), 1e-12));
          const p = tf.mul(o.weight, tf.mean(tf.square(tf.sub(norm, o.target)))) as tf.Scalar;
          penalty.dispose();
          penalty = tf.keep(p); // outlives variableGrads' own scope, for the report
          return tf.add(tf.sub(tf.mean(sf), tf.mean(sr)), p) as tf.Scalar;
        }, dVars);
        optD.applyGradients(d.grads as Parameters<typeof optD.applyGradients>[0]);
        dLoss = d.value;
      }
      const g = tf.variableGrads(
        () => tf.neg(tf.mean(disc(gen(tf.randomNormal([o.batch, latent]) as tf.Tensor2D)))) as tf.Scalar,
        gVars,
      );
      optG.applyGradients(g.grads as Parameters<typeof optG.applyGradients>[0]);
      return [dLoss, g.value, penalty] as const;
    });
  const losses = async (t: readonly tf.Scalar[]) => {
    const [dl, gl, p] = await Promise.all(t.map((x) => x.data()));
    tf.dispose([...t]);
    return { d_loss: dl[0], g_loss: gl[0], penalty: p[0] };
  };

  const first = await losses(step());
  for (let s = 1; s < o.warmup; s++) await losses(step());
  const t0 = performance.now();
  let last: readonly tf.Scalar[] = step();
  for (let s = 1; s < o.steps; s++) {
    tf.dispose([...last]);
    last = step();
  }
  const lastLosses = await losses(last); // waits for the queued steps
  const msPerStep = (performance.now() - t0) / o.steps;
  tf.dispose([...gVars, ...dVars, images]);
  optD.dispose();
  optG.dispose();
  return { backend, msPerStep, first, last: lastLosses };
}
