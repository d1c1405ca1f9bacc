// specs/dcgan-mnist.gan written the way a TensorFlow.js user would write a DCGAN, for `npm run bench`:
// the same G (dense to 128 x 7 x 7, batchnorm on batch statistics, ReLU, two transposed convolutions,
// tanh), the same D (two strided 4x4 convolutions with leaky ReLU 0.2, batchnorm before the second's
// activation, a dense logit), D run on the real and the generated batch separately (each batch its own
// batchnorm statistics, as the generated trainer does), the alternating schedule (a D update, then a G
// update on fresh noise), BCE halved for D, the non-saturating loss for G, Adam (2e-4, 0.5, 0.999). It
// starts from the generated trainer's initial weights (filters transposed to TensorFlow's layout).
import * as tf from "@tensorflow/tfjs";
import { type TfBackend, useBackend } from "./tfjs.ts";

export interface TfDcganResult {
  backend: TfBackend;
  msPerStep: number;
  /** Losses of the first step (from the shared initial weights) and of the last timed step. */
  first: { d_loss: number; g_loss: number };
  last: { d_loss: number; g_loss: number };
}

export interface DcganOptions {
  steps: number;
  warmup: number;
  batch: number;
  lr: number;
  beta1: number;
  beta2: number;
  /** Batchnorm's epsilon. */
  eps: number;
  /** D's loss weight (BCE's `scale`). */
  scale: number;
}

/** Trains `steps` steps after `warmup` untimed ones and reports ms per timed step. */
export async function tfjsDcgan(
  backend: TfBackend,
  init: ReadonlyMap<string, Float32Array>,
  shapes: ReadonlyMap<string, number[]>,
  data: Float32Array,
  n: number,
  o: DcganOptions,
): Promise<TfDcganResult> {
  await useBackend(backend);
  const tensor = (name: string) => tf.tensor(init.get(name)!, shapes.get(name)!);
  const v = (name: string, t = tensor(name)) => tf.variable(t, true, `${backend}.dcgan.${name}`);
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
    g3: v("D.3.gamma"),
    be3: v("D.3.beta"),
    w6: v("D.6.weight"),
    b6: v("D.6.bias"),
  };
  const gVars = Object.values(G);
  const dVars = Object.values(D);
  const images = tf.tensor4d(data, [n, 28, 28, 1]); // one channel: NCHW and NHWC hold the same order
  const latent = G.w0.shape[0];

  const batchnorm = (x: tf.Tensor4D, gamma: tf.Variable, beta: tf.Variable) => {
    const { mean, variance } = tf.moments(x, [0, 1, 2]);
    return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, o.eps))), gamma), beta) as tf.Tensor4D;
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
  const disc = (x: tf.Tensor4D) => {
    const h1 = tf.leakyRelu(tf.add(tf.conv2d(x, D.w0 as tf.Tensor4D, 2, 1), D.b0), 0.2) as tf.Tensor4D;
    const h2 = tf.add(tf.conv2d(h1, D.w2 as tf.Tensor4D, 2, 1), D.b2) as tf.Tensor4D;
    const h3 = tf.leakyRelu(batchnorm(h2, D.g3, D.be3), 0.2);
    // our flatten reads channel-major
    const flat = tf.reshape(tf.transpose(h3, [0, 3, 1, 2]), [x.shape[0], 6272]) as tf.Tensor2D;
    return tf.add(tf.matMul(flat, D.w6), D.b6) as tf.Tensor2D; // logits
  };
  const optD = tf.train.adam(o.lr, o.beta1, o.beta2, 1e-8);
  const optG = tf.train.adam(o.lr, o.beta1, o.beta2, 1e-8);

  let batchIndex = 0;
  const realBatch = () => {
    const start = (batchIndex++ * o.batch) % (n - o.batch);
    return tf.slice(images, [start, 0, 0, 0], [o.batch, 28, 28, 1]) as tf.Tensor4D;
  };
  const noise = () => tf.randomNormal([o.batch, latent]) as tf.Tensor2D;
  const step = () =>
    tf.tidy(() => {
      // alternating: D's update on a real batch and a generated one, then G's on fresh noise
      const real = realBatch();
      const fake = gen(noise());
      const d = tf.variableGrads(() => {
        const lr = disc(real);
        const lf = disc(fake);
        return tf.mul(o.scale, tf.add(tf.mean(tf.softplus(tf.neg(lr))), tf.mean(tf.softplus(lf)))) as tf.Scalar;
      }, dVars);
      optD.applyGradients(d.grads as Parameters<typeof optD.applyGradients>[0]);
      const g = tf.variableGrads(() => tf.mean(tf.softplus(tf.neg(disc(gen(noise()))))) as tf.Scalar, gVars);
      optG.applyGradients(g.grads as Parameters<typeof optG.applyGradients>[0]);
      return [d.value, g.value] as const;
    });
  const losses = async (t: readonly tf.Scalar[]) => {
    const [dl, gl] = await Promise.all(t.map((x) => x.data()));
    tf.dispose([...t]);
    return { d_loss: dl[0], g_loss: gl[0] };
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
