// `gan export CKPT --onnx OUT.onnx`: G as an ONNX graph (opset 13, IR version 7) that any ONNX runtime
// loads. Each layer of the spec's generator becomes the ONNX operators that compute what the compiler's
// sampler computes (compiler/phases/3-lower/network.ts in inference mode: dropout off, batchnorm from
// its running statistics, spectral norm from its persistent vector), with the checkpoint's tensors as
// initializers under their own names (`G.0.weight`, or the average's `avg.G.0.weight`). The batch
// dimension is dynamic: inputs `z` [batch, latent] and, for a class-conditional spec, `labels` [batch]
// (int64); output `x` [batch, ...the spec's sample shape].
import type { Model as M } from "../../compiler/index.ts";
import { Message } from "./protobuf.ts";

const FLOAT = 1;
const INT64 = 7;
export const OPSET = 13;
const IR_VERSION = 7;

type Attr =
  | { i: number }
  | { f: number }
  | { s: string }
  | { ints: number[] };

function attribute(name: string, a: Attr): Message {
  const m = new Message().string(1, name);
  if ("i" in a) return m.int(3, a.i).int(20, 2);
  if ("f" in a) return m.float(2, a.f).int(20, 1);
  if ("s" in a) return m.string(4, a.s).int(20, 3);
  for (const v of a.ints) m.int(8, v);
  return m.int(20, 7);
}

function valueInfo(name: string, dims: (number | string)[], elem = FLOAT): Message {
  const shape = new Message();
  for (const d of dims) shape.message(1, typeof d === "string" ? new Message().string(2, d) : new Message().int(1, d));
  const tensor = new Message().int(1, elem).message(2, shape);
  return new Message().string(1, name).message(2, new Message().message(1, tensor));
}

/** The nodes and initializers of a graph being built, with fresh names for intermediate values. */
class GraphBuilder {
  readonly nodes: Message[] = [];
  readonly inits: Message[] = [];
  private readonly known = new Set<string>();
  private count = 0;

  /** A named initializer (once per name). */
  tensor(name: string, dims: number[], data: Float32Array | BigInt64Array): string {
    if (this.known.has(name)) return name;
    this.known.add(name);
    const t = new Message();
    for (const d of dims) t.int(1, d);
    t.int(2, data instanceof Float32Array ? FLOAT : INT64).string(8, name);
    t.bytes(9, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    this.inits.push(t);
    return name;
  }

  /** An int64 vector constant (shapes, axes). */
  ints(values: number[]): string {
    return this.tensor(
      `const.i64.${values.join("_").replace(/-/g, "m")}`,
      [values.length],
      BigInt64Array.from(values.map(BigInt)),
    );
  }

  node(op: string, inputs: string[], attrs: Record<string, Attr> = {}, hint = op.toLowerCase()): string {
    const out = `${hint}_${this.count++}`;
    const m = new Message();
    for (const i of inputs) m.string(1, i);
    m.string(2, out).string(3, out).string(4, op);
    for (const [k, a] of Object.entries(attrs)) m.message(5, attribute(k, a));
    this.nodes.push(m);
    return out;
  }

  /** The node computing `from` renamed to `name` (an Identity), for the graph's output. */
  output(from: string, name: string): void {
    this.nodes.push(new Message().string(1, from).string(2, name).string(3, name).string(4, "Identity"));
  }
}

/** Tensors by checkpoint name; with `averaged`, a trainable tensor is read from its average (`avg.NAME`). */
export type TensorSource = (name: string, trainable: boolean) => Float32Array;

/** W / sigma as network.ts's `spectral` computes it, in float64: power iterations from the persistent u. */
function spectralNormalised(
  w: Float32Array,
  matrix: (r: number, c: number) => number,
  rows: number,
  cols: number,
  u0: Float32Array,
  iterations: number,
): Float32Array {
  const normalise = (x: Float64Array) => {
    const n = Math.max(Math.sqrt(x.reduce((s, v) => s + v * v, 0)), 1e-12);
    return x.map((v) => v / n);
  };
  let u = Float64Array.from(u0);
  let t = new Float64Array(rows);
  for (let it = 0; it < iterations; it++) {
    const v = new Float64Array(cols);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) v[c] += u[r] * matrix(r, c);
    const vn = normalise(v);
    t = new Float64Array(rows);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[r] += matrix(r, c) * vn[c];
    u = normalise(t);
  }
  let sigma = 0;
  for (let r = 0; r < rows; r++) sigma += t[r] * u[r];
  return iterations ? w.map((x) => x / sigma) : w;
}

/** G of a checked spec as an ONNX model's bytes. */
export function generatorOnnx(spec: M.CheckedSpec, get: TensorSource, doc = ""): Uint8Array {
  const b = new GraphBuilder();
  const net = spec.generator;
  const classes = spec.data.classes ?? 0;
  const inputs = [valueInfo("z", ["batch", spec.latent.dim])];
  if (classes) inputs.push(valueInfo("labels", ["batch"], INT64));
  const values: string[] = [];
  for (const layer of net.layers) {
    const op = layer.op;
    const prefix = `G.${layer.path}`;
    const read = (at: number) => (at < 0 ? "z" : values[at]);
    const w = (name: string, dims: number[], trainable = true) => b.tensor(name, dims, get(name, trainable));
    let h = read(layer.inputs[0]);
    const chw = layer.inShape.length === 3;
    const broadcastShape = (c: number) => (chw ? [1, c, 1, 1] : [1, c]);
    switch (op.kind) {
      case "dense":
      case "maxout": {
        const inF = layer.inShape[0];
        const width = op.kind === "dense" ? op.units : op.units * op.pieces;
        let weight = get(`${prefix}.weight`, true);
        if (op.spectralNorm) {
          const raw = weight;
          weight = spectralNormalised(
            raw,
            (r, c) => raw[c * width + r],
            width,
            inF,
            get(`${prefix}.sn_u`, false),
            op.spectralNorm,
          );
        }
        const wn = b.tensor(op.spectralNorm ? `${prefix}.weight.normalised` : `${prefix}.weight`, [inF, width], weight);
        h = b.node("Gemm", [h, wn, w(`${prefix}.bias`, [width])], {}, "dense");
        if (op.kind === "maxout") {
          h = b.node("Reshape", [h, b.ints([0, op.units, op.pieces])]);
          h = b.node("ReduceMax", [h], { axes: { ints: [2] }, keepdims: { i: 0 } }, "maxout");
        }
        break;
      }
      case "conv2d":
      case "conv2d_transpose": {
        const [c] = layer.inShape;
        const [o] = layer.outShape;
        const k = op.kernel;
        const dims = op.kind === "conv2d" ? [o, c, k, k] : [c, o, k, k];
        let weight = get(`${prefix}.weight`, true);
        if (op.spectralNorm) {
          const raw = weight;
          const ck = c * k * k;
          const at = op.kind === "conv2d"
            ? (r: number, q: number) => raw[r * ck + q]
            : (r: number, q: number) => raw[Math.floor(q / (k * k)) * o * k * k + r * k * k + (q % (k * k))];
          weight = spectralNormalised(raw, at, o, ck, get(`${prefix}.sn_u`, false), op.spectralNorm);
        }
        const wn = b.tensor(op.spectralNorm ? `${prefix}.weight.normalised` : `${prefix}.weight`, dims, weight);
        const attrs: Record<string, Attr> = {
          kernel_shape: { ints: [k, k] },
          strides: { ints: [op.stride, op.stride] },
          pads: { ints: [op.padding, op.padding, op.padding, op.padding] },
        };
        if (op.kind === "conv2d_transpose") attrs.output_padding = { ints: [op.outputPadding, op.outputPadding] };
        h = b.node(op.kind === "conv2d" ? "Conv" : "ConvTranspose", [h, wn, w(`${prefix}.bias`, [o])], attrs, op.kind);
        break;
      }
      case "embedding":
        h = b.node("Gather", [w(`${prefix}.weight`, [op.classes, op.dim]), "labels"], { axis: { i: 0 } }, "embedding");
        break;
      case "dot":
        // (ReduceSum takes its axes as an input from opset 13)
        h = b.node(
          "ReduceSum",
          [b.node("Mul", [h, read(layer.inputs[1])]), b.ints([1])],
          { keepdims: { i: 1 } },
          "dot",
        );
        break;
      case "batchnorm": {
        const c = layer.inShape[0];
        const rm = get(`${prefix}.running_mean`, false);
        const rv = get(`${prefix}.running_var`, false);
        // (x - mean) * (1 / sqrt(var + eps)) * gamma + beta, the sampler's order
        const inv = Float32Array.from(rv, (v) => 1 / Math.sqrt(Math.fround(v + op.eps)));
        h = b.node("Sub", [h, b.tensor(`${prefix}.running_mean.b`, broadcastShape(c), rm)]);
        h = b.node("Mul", [h, b.tensor(`${prefix}.inv_std.b`, broadcastShape(c), inv)]);
        const affine = (name: string) => {
          if (!op.classes) return b.tensor(`${prefix}.${name}.b`, broadcastShape(c), get(`${prefix}.${name}`, true));
          // conditional: each example's row of the table, picked by its label
          const rows = b.node("Gather", [w(`${prefix}.${name}`, [op.classes, c]), "labels"], { axis: { i: 0 } });
          return chw ? b.node("Unsqueeze", [rows, b.ints([2, 3])]) : rows;
        };
        h = b.node("Mul", [h, affine("gamma")]);
        h = b.node("Add", [h, affine("beta")], {}, "batchnorm");
        break;
      }
      case "layernorm":
      case "instancenorm": {
        const c = layer.inShape[0];
        const axes = op.kind === "instancenorm" ? [2, 3] : chw ? [1, 2, 3] : [1];
        const mean = b.node("ReduceMean", [h], { axes: { ints: axes }, keepdims: { i: 1 } });
        const centred = b.node("Sub", [h, mean]);
        const variance = b.node("ReduceMean", [b.node("Mul", [centred, centred])], {
          axes: { ints: axes },
          keepdims: { i: 1 },
        });
        const eps = b.tensor(`${prefix}.eps`, [], Float32Array.of(op.eps));
        const inv = b.node("Reciprocal", [b.node("Sqrt", [b.node("Add", [variance, eps])])]);
        h = b.node("Mul", [
          b.node("Mul", [centred, inv]),
          b.tensor(`${prefix}.gamma.b`, broadcastShape(c), get(`${prefix}.gamma`, true)),
        ]);
        h = b.node(
          "Add",
          [h, b.tensor(`${prefix}.beta.b`, broadcastShape(c), get(`${prefix}.beta`, true))],
          {},
          op.kind,
        );
        break;
      }
      case "dropout":
        break; // inference: the identity (kept inputs were scaled by 1 / keep in training)
      case "reshape":
      case "flatten":
        h = b.node("Reshape", [h, b.ints([-1, ...layer.outShape])], {}, op.kind);
        break;
      case "activation": {
        const a = op.activation;
        if (a.kind === "relu") h = b.node("Relu", [h]);
        else if (a.kind === "leaky_relu") {
          // max(x, alpha x), as the sampler computes it (LeakyRelu for 0 <= alpha <= 1)
          h = b.node(
            "Max",
            [h, b.node("Mul", [h, b.tensor(`const.f32.${a.alpha}`, [], Float32Array.of(a.alpha))])],
            {},
            "leaky_relu",
          );
        } else if (a.kind === "sigmoid") h = b.node("Sigmoid", [h]);
        else if (a.kind === "tanh") h = b.node("Tanh", [h]);
        break;
      }
      case "upsample": {
        const scales = b.tensor(`const.scales.${op.factor}`, [4], Float32Array.of(1, 1, op.factor, op.factor));
        h = b.node("Resize", [h, "", scales], {
          mode: { s: "nearest" },
          coordinate_transformation_mode: { s: "asymmetric" },
          nearest_mode: { s: "floor" },
        }, "upsample");
        break;
      }
      case "avg_pool":
        h = b.node("AveragePool", [h], {
          kernel_shape: { ints: [op.size, op.size] },
          strides: { ints: [op.size, op.size] },
        }, "avg_pool");
        break;
      case "add":
        for (const at of layer.inputs.slice(1)) h = b.node("Add", [h, read(at)]);
        break;
      case "concat":
        h = b.node("Concat", [h, ...layer.inputs.slice(1).map(read)], { axis: { i: 1 } }, "concat");
        break;
    }
    values.push(h);
  }
  b.output(values.at(-1) ?? "z", "x");
  const graph = new Message();
  for (const n of b.nodes) graph.message(1, n);
  graph.string(2, spec.name);
  for (const t of b.inits) graph.message(5, t);
  if (doc) graph.string(10, doc);
  for (const i of inputs) graph.message(11, i);
  graph.message(12, valueInfo("x", ["batch", ...spec.data.shape]));
  return new Message()
    .int(1, IR_VERSION)
    .string(2, "gan")
    .string(3, "0.1.0")
    .message(7, graph)
    .message(8, new Message().string(1, "").int(2, OPSET))
    .finish();
}
