// Shape inference, parameter counts and FLOPs, one case per layer kind.
import type { LayerOp, Shape } from "../../model.ts";
import type { Code, CodeArgs } from "../../diagnostics/codes.ts";

export const showShape = (s: Shape) => `[${s.join(", ")}]`;
const size = (s: Shape) => s.reduce((a, b) => a * b, 1);

export type ShapeError = { [C in Code]: { code: C; args: CodeArgs<C>; hint?: string } }[Code];

export type Inferred = { outShape: Shape; params: number; flops: number } | { error: ShapeError };

const err = <C extends Code>(code: C, hint: string | undefined, ...args: CodeArgs<C>): Inferred => ({
  error: { code, args, hint } as ShapeError,
});

export function layerName(op: LayerOp): string {
  return op.kind === "activation" ? op.activation.kind : op.kind;
}

export function infer(op: LayerOp, input: Shape): Inferred {
  const name = layerName(op);
  const flat = input.length === 1;
  const needFlat = () => err("E301", `add \`flatten\` before \`${name}\``, name, showShape(input));
  const needImage = () => err("E302", "add `reshape(channels, height, width)` before it", name, showShape(input));
  switch (op.kind) {
    case "dense": {
      if (!flat) return needFlat();
      const i = input[0];
      return { outShape: [op.units], params: i * op.units + op.units, flops: 2 * i * op.units + op.units };
    }
    case "maxout": {
      if (!flat) return needFlat();
      const i = input[0];
      const lin = op.units * op.pieces;
      return { outShape: [op.units], params: i * lin + lin, flops: 2 * i * lin + lin + op.units * (op.pieces - 1) };
    }
    case "conv2d":
    case "conv2d_transpose": {
      if (flat) return needImage();
      const [c, h, w] = input;
      const k = op.kernel;
      const out = (x: number) =>
        op.kind === "conv2d"
          ? Math.floor((x + 2 * op.padding - k) / op.stride) + 1
          : (x - 1) * op.stride - 2 * op.padding + k + op.outputPadding;
      const outShape = [op.channels, out(h), out(w)];
      if (outShape[1] < 1 || outShape[2] < 1) {
        const why = op.kind === "conv2d"
          ? "the kernel is larger than the padded input"
          : "the padding crops away the whole output";
        return err("E306", undefined, name, showShape(outShape), why);
      }
      const macs = op.kind === "conv2d"
        ? c * k * k * op.channels * outShape[1] * outShape[2]
        : c * k * k * op.channels * h * w;
      return { outShape, params: c * k * k * op.channels + op.channels, flops: 2 * macs + size(outShape) };
    }
    case "batchnorm":
      return { outShape: input, params: 2 * input[0] * Math.max(1, op.classes ?? 1), flops: 2 * size(input) };
    case "embedding":
      return { outShape: [op.dim], params: op.classes * op.dim, flops: 0 };
    case "layernorm":
      return { outShape: input, params: 2 * input[0], flops: 2 * size(input) };
    case "instancenorm":
      if (flat) {
        return err(
          "E302",
          "instancenorm normalises each channel's pixels; use `layernorm` on flat input",
          name,
          showShape(input),
        );
      }
      return { outShape: input, params: 2 * input[0], flops: 2 * size(input) };
    case "dropout":
      return { outShape: input, params: 0, flops: size(input) };
    case "reshape":
      if (size(op.shape) !== size(input)) return err("E303", undefined, showShape(op.shape), showShape(input));
      return { outShape: op.shape, params: 0, flops: 0 };
    case "flatten":
      return { outShape: [size(input)], params: 0, flops: 0 };
    case "activation":
      return { outShape: input, params: 0, flops: op.activation.kind === "linear" ? 0 : size(input) };
    case "upsample":
      if (flat) return needImage();
      return { outShape: [input[0], input[1] * op.factor, input[2] * op.factor], params: 0, flops: 0 };
    case "avg_pool": {
      if (flat) return needImage();
      const [c, h, w] = input;
      if (h % op.size !== 0 || w % op.size !== 0) {
        return err(
          "E306",
          undefined,
          name,
          `[${c}, ${h / op.size}, ${w / op.size}]`,
          `${h}x${w} is not a multiple of ${op.size}`,
        );
      }
      return { outShape: [c, h / op.size, w / op.size], params: 0, flops: size(input) };
    }
    case "add":
    case "concat":
    case "dot":
      return inferJoin(op, [input]);
  }
}

/** add and concat: the shape of several inputs joined. */
export function inferJoin(op: LayerOp & { kind: "add" | "concat" | "dot" }, inputs: Shape[]): Inferred {
  const [first] = inputs;
  if (op.kind === "dot") {
    const other = inputs.find((s) => s.length !== 1 || showShape(s) !== showShape(first));
    if (other || inputs.length !== 2) {
      return err(
        "E207",
        "flatten both first",
        "`dot` needs two flat values of one size" + (other ? `, got ${showShape(first)} and ${showShape(other)}` : ""),
      );
    }
    return { outShape: [1], params: 0, flops: 2 * first[0] };
  }
  if (op.kind === "add") {
    const other = inputs.find((s) => showShape(s) !== showShape(first));
    if (other) {
      return err(
        "E315",
        "add a `shortcut { ... }` or a layer that makes the shapes equal",
        showShape(first),
        showShape(other),
      );
    }
    return { outShape: first, params: 0, flops: size(first) * (inputs.length - 1) };
  }
  const rest = (s: Shape) => showShape(s.slice(1));
  const other = inputs.find((s) => s.length !== first.length || rest(s) !== rest(first));
  if (other) return err("E316", undefined, showShape(first), showShape(other));
  return { outShape: [inputs.reduce((a, s) => a + s[0], 0), ...first.slice(1)], params: 0, flops: 0 };
}

export { size as shapeSize };
