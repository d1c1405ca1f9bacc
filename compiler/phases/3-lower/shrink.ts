// A spec at reduced width, for tests: hidden widths and channels capped, batch and latent small, shapes
// re-inferred. The data shape, the layer kinds and everything else stay as written.
import type * as M from "../../model.ts";
import { infer, inferJoin } from "../2-check/shapes.ts";

export interface ShrinkOptions {
  width: number; // cap on hidden units, pieces and channels
  batch: number;
  latent: number;
}

export function shrinkSpec(spec: M.CheckedSpec, o: ShrinkOptions): M.CheckedSpec {
  const latent = { ...spec.latent, dim: Math.min(spec.latent.dim, o.latent) };
  const generator = shrinkNet(spec.generator, [latent.dim], spec.data.shape, o.width);
  const discriminator = shrinkNet(spec.discriminator, spec.data.shape, [1], o.width);
  return {
    ...spec,
    latent,
    generator,
    discriminator,
    train: { ...spec.train, batch: Math.min(spec.train.batch, o.batch) },
  };
}

function shrinkNet(n: M.Network, inShape: M.Shape, outShape: M.Shape, cap: number): M.Network {
  const ops = n.layers.map((l) => l.op);
  // The last layer that sets a width must still produce the network's output.
  const lastSizing = ops.map((op) => ["dense", "maxout", "conv2d", "conv2d_transpose"].includes(op.kind)).lastIndexOf(
    true,
  );
  const newOps = ops.map((op, i): M.LayerOp => {
    if (i === lastSizing || i === n.values?.aux) return op; // the output, and AC-GAN's class logits
    if (op.kind === "dense") {
      // a dense layer feeding a reshape to an image keeps the image's size and loses channels
      const next = ops.slice(i + 1).find((x) =>
        x.kind === "reshape" || x.kind === "dense" || x.kind === "maxout" || x.kind.startsWith("conv")
      );
      if (next?.kind === "reshape" && next.shape.length === 3) {
        return { ...op, units: Math.min(next.shape[0], cap) * next.shape[1] * next.shape[2] };
      }
      return { ...op, units: Math.min(op.units, cap) };
    }
    if (op.kind === "maxout") return { ...op, units: Math.min(op.units, cap), pieces: Math.min(op.pieces, 3) };
    if (op.kind === "conv2d" || op.kind === "conv2d_transpose") return { ...op, channels: Math.min(op.channels, cap) };
    return op;
  });
  let shape = inShape;
  const layers: M.Layer[] = [];
  newOps.forEach((op0, i) => {
    let op = op0;
    // along the graph: a layer reads the (shrunk) outputs its inputs name
    const inputs = n.layers[i].inputs.map((at) => (at < 0 ? inShape : layers[at].outShape));
    shape = inputs[0];
    // an embedding projected onto features (a projection discriminator's `dot`) follows their width
    if (op.kind === "embedding") {
      const dot = n.layers.find((l) => l.op.kind === "dot" && l.inputs.includes(i));
      const other = dot?.inputs.find((j) => j !== i);
      if (other !== undefined && other < i) op = { ...op, dim: (other < 0 ? inShape : layers[other].outShape)[0] };
    }
    if (op.kind === "reshape" && op.shape.length === 3) {
      op = {
        ...op,
        shape: [shape.reduce((a, b) => a * b, 1) / (op.shape[1] * op.shape[2]), op.shape[1], op.shape[2]],
      };
    }
    const r = op.kind === "add" || op.kind === "concat" || op.kind === "dot" ? inferJoin(op, inputs) : infer(op, shape);
    if ("error" in r) throw new Error(`shrinkSpec: layer ${i} of the ${n.name}: ${r.error.code}`);
    layers.push({ ...n.layers[i], op, inShape: shape, outShape: r.outShape, params: r.params, flops: r.flops });
    shape = r.outShape;
  });
  if (shape.join() !== outShape.join()) throw new Error(`shrinkSpec: the ${n.name} now outputs [${shape}]`);
  return { ...n, layers, inShape, outShape: shape };
}
