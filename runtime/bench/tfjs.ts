// The paper's MNIST GAN written the way a TensorFlow.js user would write it, for `npm run bench`: the same
// layers, losses, dropout, optimiser and simultaneous schedule as specs/mnist-mlp.gan, started from the
// same initial weights, so its losses show it does the same work as the generated trainer.
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-webgpu";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";

export type TfBackend = "webgpu" | "wasm" | "cpu";

export interface TfResult {
  backend: TfBackend;
  msPerStep: number;
  /** Losses of the first step (from the shared initial weights) and of the last timed step. */
  first: { d_loss: number; g_loss: number };
  last: { d_loss: number; g_loss: number };
}

const SQRT3 = Math.sqrt(3);

export async function useBackend(backend: TfBackend): Promise<void> {
  if (backend === "wasm") {
    const dist = new URL("../../node_modules/@tensorflow/tfjs-backend-wasm/dist/", import.meta.url);
    setWasmPaths(dist.href, true);
  }
  if (!(await tf.setBackend(backend))) throw new Error(`TensorFlow.js could not start its ${backend} backend`);
  await tf.ready();
}

/**
 * Trains `steps` steps after `warmup` untimed ones (which compile TF.js's kernels) and reports ms per
 * timed step. `init` holds the generated trainer's initial parameters by checkpoint name.
 */
export async function tfjsGan(
  backend: TfBackend,
  init: ReadonlyMap<string, Float32Array>,
  shapes: ReadonlyMap<string, number[]>,
  data: Float32Array,
  n: number,
  o: { steps: number; warmup: number; batch: number; lr: number; momentum: number },
): Promise<TfResult> {
  await useBackend(backend);
  const v = (name: string) => tf.variable(tf.tensor(init.get(name)!, shapes.get(name)!), true, `${backend}.${name}`);
  const G = ["G.0", "G.2", "G.4"].map((l) => ({ w: v(`${l}.weight`), b: v(`${l}.bias`) }));
  const D = ["D.2", "D.4", "D.6"].map((l) => ({ w: v(`${l}.weight`), b: v(`${l}.bias`) }));
  const gVars = G.flatMap((l) => [l.w, l.b]);
  const dVars = D.flatMap((l) => [l.w, l.b]);
  const features = data.length / n;
  const images = tf.tensor2d(data, [n, features]);

  const gen = (z: tf.Tensor2D) => {
    const h1 = tf.relu(tf.add(tf.matMul(z, G[0].w), G[0].b));
    const h2 = tf.relu(tf.add(tf.matMul(h1, G[1].w), G[1].b));
    return tf.sigmoid(tf.add(tf.matMul(h2, G[2].w), G[2].b)) as tf.Tensor2D;
  };
  const maxout = (x: tf.Tensor2D, l: { w: tf.Variable; b: tf.Variable }, units: number, pieces: number) =>
    tf.max(tf.reshape(tf.add(tf.matMul(x, l.w), l.b), [x.shape[0], units, pieces]), 2) as tf.Tensor2D;
  const disc = (x: tf.Tensor2D) => {
    const h1 = tf.dropout(maxout(tf.dropout(x, 0.2) as tf.Tensor2D, D[0], 240, 5), 0.5) as tf.Tensor2D;
    const h2 = tf.dropout(maxout(h1, D[1], 240, 5), 0.5) as tf.Tensor2D;
    return tf.add(tf.matMul(h2, D[2].w), D[2].b); // logits
  };
  const optD = tf.train.momentum(o.lr, o.momentum);
  const optG = tf.train.momentum(o.lr, o.momentum);

  const step = (s: number) => {
    const start = (s * o.batch) % (n - o.batch);
    return tf.tidy(() => {
      const real = tf.slice(images, [start, 0], [o.batch, features]) as tf.Tensor2D;
      const z = tf.randomUniform([o.batch, G[0].w.shape[0]], -SQRT3, SQRT3) as tf.Tensor2D;
      // simultaneous schedule: both gradients from the same batch and noise, then both updates
      const d = tf.variableGrads(() => {
        const logits = disc(tf.concat([real, gen(z)], 0) as tf.Tensor2D);
        const [lr, lf] = tf.split(logits, 2, 0);
        return tf.mul(0.5, tf.add(tf.mean(tf.softplus(tf.neg(lr))), tf.mean(tf.softplus(lf)))) as tf.Scalar;
      }, dVars);
      const g = tf.variableGrads(() => tf.mean(tf.softplus(tf.neg(disc(gen(z))))) as tf.Scalar, gVars);
      optD.applyGradients(d.grads as tf.NamedTensorMap as Parameters<typeof optD.applyGradients>[0]);
      optG.applyGradients(g.grads as tf.NamedTensorMap as Parameters<typeof optG.applyGradients>[0]);
      return [d.value, g.value] as const;
    });
  };
  const losses = async (t: readonly [tf.Scalar, tf.Scalar]) => {
    const [dl, gl] = await Promise.all([t[0].data(), t[1].data()]);
    t[0].dispose();
    t[1].dispose();
    return { d_loss: dl[0], g_loss: gl[0] };
  };

  const first = await losses(step(0));
  for (let s = 1; s < o.warmup; s++) await losses(step(s));
  const t0 = performance.now();
  let last: readonly [tf.Scalar, tf.Scalar] = step(o.warmup);
  for (let s = 1; s < o.steps; s++) {
    last[0].dispose();
    last[1].dispose();
    last = step(o.warmup + s);
  }
  const lastLosses = await losses(last); // waits for the queued steps
  const msPerStep = (performance.now() - t0) / o.steps;
  tf.dispose([...gVars, ...dVars, images]);
  optD.dispose();
  optG.dispose();
  return { backend, msPerStep, first, last: lastLosses };
}
