// `gan export CKPT --onnx OUT.onnx [--raw]`: G of a checkpoint as an ONNX model (export/onnx.ts), the
// average of its weights where the spec keeps one (as `gan sample` reads), else the trained weights.
import { averageName } from "../../compiler/index.ts";
import { prepareOutput, UsageError } from "../cli/io.ts";
import { writeFileAtomic } from "../io/atomic.ts";
import { openCheckpoint, weightsUsed } from "../train/generate.ts";
import { generatorOnnx, OPSET } from "./onnx.ts";

export interface ExportOptions {
  checkpoint: string;
  onnx: string;
  /** G's trained weights even when the spec keeps an average. */
  raw?: boolean;
  allowNonfinite?: boolean;
}

export async function exportCommand(o: ExportOptions): Promise<number> {
  if (!/\.onnx$/i.test(o.onnx)) throw new UsageError(`--onnx ${o.onnx}: the output must end in .onnx`);
  const c = await openCheckpoint(o.checkpoint, { raw: o.raw, allowNonfinite: o.allowNonfinite });
  const averaged = !!c.spec.train.generatorAverage && !o.raw;
  const get = (name: string, trainable: boolean) => {
    const key = averaged && trainable ? averageName(name) : name;
    const t = c.ckpt.tensors.get(key);
    if (!t) throw new UsageError(`${o.checkpoint}: the checkpoint holds no tensor ${key}`, 1);
    return t;
  };
  const doc = `G of ${c.spec.name} at step ${c.ckpt.step} (${weightsUsed(c)}), exported by gan from ${o.checkpoint}`;
  const bytes = generatorOnnx(c.spec, get, doc);
  await prepareOutput("--onnx", o.onnx);
  await writeFileAtomic(o.onnx, bytes);
  const classes = c.spec.data.classes ? ` and labels [batch] (int64)` : "";
  console.error(
    `G of ${c.spec.name} (step ${c.ckpt.step}, ${weightsUsed(c)}) -> ${o.onnx}: ONNX opset ${OPSET}, ${
      (bytes.length / 1e6).toFixed(1)
    } MB; input z [batch, ${c.spec.latent.dim}]${classes}, output x [batch, ${c.spec.data.shape.join(", ")}]`,
  );
  return 0;
}
