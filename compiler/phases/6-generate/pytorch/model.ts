// generated/<name>/pytorch/model.py: the spec's two networks as PyTorch modules, for the PyTorch engine
// (issue: the same spec on a cluster). Each layer is a small module that holds its tensors under the
// checkpoint's names and in its layouts (a dense weight is [in, out], as the arenas hold it), so a
// `gan train` checkpoint loads with `load_state_dict(strict=True)` and back; each computes what
// compiler/phases/3-lower/network.ts lowers (batchnorm's biased variance and its running blend,
// dropout's `scale`, ReLU and leaky ReLU as max(x, 0) and max(x, a x) with the IR's gradient at 0, spectral norm's power iterations from a persistent u).
import type * as M from "../../../model.ts";
import { lower } from "../../3-lower/lower.ts";

/** The layer modules every model.py holds, whatever its spec uses. */
const PRELUDE = `import torch
from torch import nn
import torch.nn.functional as F


def _normalise(x):
    return x / torch.clamp(torch.linalg.vector_norm(x), min=1e-12)


class SpectralNorm(nn.Module):
    """W / sigma, sigma from power iterations on the persistent vector sn_u (its new value kept in training)."""

    def _normalised(self, w, matrix):
        u = self.sn_u.reshape(1, -1)
        t = matrix
        for _ in range(self.iterations):
            v = _normalise(u @ matrix).detach()
            t = matrix @ v.reshape(-1, 1)  # W live: the gradient reaches W through sigma
            u = _normalise(t).detach().reshape(1, -1)
        sigma = (t.reshape(-1) * u.reshape(-1)).sum()
        if self.training:
            with torch.no_grad():
                self.sn_u.copy_(u.reshape(-1))
        return w / sigma


class Dense(SpectralNorm):
    """x W + b, W [in, out]; maxout takes the max over \`pieces\` consecutive outputs."""

    def __init__(self, inputs, width, pieces=1, spectral_norm=0):
        super().__init__()
        self.weight = nn.Parameter(torch.zeros(inputs, width * pieces))
        self.bias = nn.Parameter(torch.zeros(width * pieces))
        self.pieces, self.iterations = pieces, spectral_norm
        if spectral_norm:
            self.register_buffer("sn_u", torch.zeros(width * pieces))

    def forward(self, x):
        w = self._normalised(self.weight, self.weight.t()) if self.iterations else self.weight
        h = x @ w + self.bias
        if self.pieces > 1:
            h = h.reshape(h.shape[0], -1, self.pieces).amax(2)
        return h


class Conv(SpectralNorm):
    """conv2d (weight [out, in, k, k]) or its transpose (weight [in, out, k, k]), as PyTorch lays them out."""

    def __init__(self, transpose, cin, cout, kernel, stride, padding, output_padding=0, spectral_norm=0):
        super().__init__()
        shape = (cin, cout, kernel, kernel) if transpose else (cout, cin, kernel, kernel)
        self.weight = nn.Parameter(torch.zeros(shape))
        self.bias = nn.Parameter(torch.zeros(cout))
        self.transpose, self.stride, self.padding, self.output_padding = transpose, stride, padding, output_padding
        self.iterations, self.cout = spectral_norm, cout
        if spectral_norm:
            self.register_buffer("sn_u", torch.zeros(cout))

    def forward(self, x):
        w = self.weight
        if self.iterations:
            m = (w.transpose(0, 1) if self.transpose else w).reshape(self.cout, -1)
            w = self._normalised(w, m)
        if self.transpose:
            return F.conv_transpose2d(x, w, self.bias, self.stride, self.padding, self.output_padding)
        return F.conv2d(x, w, self.bias, self.stride, self.padding)


class Embedding(nn.Module):
    def __init__(self, classes, dim):
        super().__init__()
        self.weight = nn.Parameter(torch.zeros(classes, dim))

    def forward(self, labels):
        return self.weight[labels]


class BatchNorm(nn.Module):
    """Batch statistics (biased variance) in training, blended into the running ones; running ones in eval."""

    def __init__(self, channels, momentum, eps, classes=0):
        super().__init__()
        shape = (classes, channels) if classes else (channels,)
        self.gamma = nn.Parameter(torch.ones(shape))
        self.beta = nn.Parameter(torch.zeros(shape))
        self.register_buffer("running_mean", torch.zeros(channels))
        self.register_buffer("running_var", torch.ones(channels))
        self.momentum, self.eps, self.classes = momentum, eps, classes

    def forward(self, x, labels=None):
        axes = [0, 2, 3] if x.dim() == 4 else [0]
        keep = [1, -1, 1, 1] if x.dim() == 4 else [1, -1]
        if self.training:
            mean = x.mean(axes)
            centred = x - mean.reshape(keep)
            var = (centred * centred).mean(axes)
            with torch.no_grad():
                m = self.momentum
                self.running_mean.copy_(self.running_mean * m + mean * (1 - m))
                self.running_var.copy_(self.running_var * m + var * (1 - m))
        else:
            mean, var = self.running_mean, self.running_var
            centred = x - mean.reshape(keep)
        h = centred * torch.reciprocal(torch.sqrt(var + self.eps)).reshape(keep)
        if self.classes:
            per = [x.shape[0], -1, 1, 1] if x.dim() == 4 else [x.shape[0], -1]
            return h * self.gamma[labels].reshape(per) + self.beta[labels].reshape(per)
        return h * self.gamma.reshape(keep) + self.beta.reshape(keep)


class Norm(nn.Module):
    """layernorm (each example's features) or instancenorm (each channel's pixels), then scale and shift."""

    def __init__(self, channels, eps, instance):
        super().__init__()
        self.gamma = nn.Parameter(torch.ones(channels))
        self.beta = nn.Parameter(torch.zeros(channels))
        self.eps, self.instance = eps, instance

    def forward(self, x):
        axes = [2, 3] if self.instance else list(range(1, x.dim()))
        centred = x - x.mean(axes, keepdim=True)
        var = (centred * centred).mean(axes, keepdim=True)
        keep = [1, -1, 1, 1] if x.dim() == 4 else [1, -1]
        h = centred * torch.reciprocal(torch.sqrt(var + self.eps))
        return h * self.gamma.reshape(keep) + self.beta.reshape(keep)


class Dropout(nn.Module):
    """x * (u < keep) * scale in training (u uniform, from \`draw\`); the identity in eval. \`index\`: the
    layer's position in its network, which names its random stream in train.py."""

    def __init__(self, keep, scale, index=0):
        super().__init__()
        self.keep, self.scale, self.index = keep, scale, index
        self.draw = lambda shape, like: torch.rand(shape, dtype=like.dtype, device=like.device)

    def forward(self, x):
        if not self.training:
            return x
        return x * (self.draw(x.shape, x) < self.keep).to(x.dtype) * self.scale


class Group(nn.Module):
    """A residual, shortcut or block: its layers are its children, named by position."""
`;

/** The constructor of a layer's module, or undefined for layers without tensors. */
function moduleOf(layer: M.Layer): string | undefined {
  const op = layer.op;
  switch (op.kind) {
    case "dense":
      return `Dense(${layer.inShape[0]}, ${op.units}${op.spectralNorm ? `, spectral_norm=${op.spectralNorm}` : ""})`;
    case "maxout":
      return `Dense(${layer.inShape[0]}, ${op.units}, pieces=${op.pieces}${
        op.spectralNorm ? `, spectral_norm=${op.spectralNorm}` : ""
      })`;
    case "conv2d":
    case "conv2d_transpose":
      return `Conv(${op.kind === "conv2d_transpose" ? "True" : "False"}, ${
        layer.inShape[0]
      }, ${op.channels}, ${op.kernel}, ${op.stride}, ${op.padding}${
        op.kind === "conv2d_transpose" ? `, output_padding=${op.outputPadding}` : ""
      }${op.spectralNorm ? `, spectral_norm=${op.spectralNorm}` : ""})`;
    case "embedding":
      return `Embedding(${op.classes}, ${op.dim})`;
    case "batchnorm":
      return `BatchNorm(${layer.inShape[0]}, ${String(op.momentum)}, ${String(op.eps)}${
        op.classes ? `, classes=${op.classes}` : ""
      })`;
    case "layernorm":
    case "instancenorm":
      return `Norm(${layer.inShape[0]}, ${String(op.eps)}, instance=${op.kind === "instancenorm" ? "True" : "False"})`;
    case "dropout":
      return `Dropout(${String(op.keep)}, ${String(op.scale)}, index=${layer.index})`;
    default:
      return undefined;
  }
}

/** One network as a module class: its layers' modules under their paths, and a forward pass over the graph. */
function networkClass(name: string, net: M.Network): string {
  const init: string[] = [];
  const made = new Set<string>();
  const groupOf = (path: string) => {
    const parts = path.split(".");
    for (let i = 1; i < parts.length; i++) {
      const p = parts.slice(0, i).join(".");
      if (made.has(p)) continue;
      made.add(p);
      const parent = parts.slice(0, i - 1).join(".");
      init.push(
        `        ${parent ? `self.get_submodule("${parent}")` : "self"}.add_module("${parts[i - 1]}", Group())`,
      );
    }
  };
  const body: string[] = [];
  const v = (at: number, input: string) => (at < 0 ? input : `v${at}`);
  for (const layer of net.layers) {
    const m = moduleOf(layer);
    const parts = layer.path.split(".");
    if (m) {
      groupOf(layer.path);
      const parent = parts.slice(0, -1).join(".");
      init.push(`        ${parent ? `self.get_submodule("${parent}")` : "self"}.add_module("${parts.at(-1)}", ${m})`);
    }
    const x = v(layer.inputs[0], "x");
    const call = `self.get_submodule("${layer.path}")`;
    const op = layer.op;
    const n = layer.index;
    let e: string;
    switch (op.kind) {
      case "embedding":
        e = `${call}(labels)`;
        break;
      case "batchnorm":
        e = op.classes ? `${call}(${x}, labels)` : `${call}(${x})`;
        break;
      case "dot":
        e = `(${x} * ${v(layer.inputs[1], "x")}).sum(1, keepdim=True)`;
        break;
      case "reshape":
      case "flatten":
        e = `${x}.reshape(${x}.shape[0], ${layer.outShape.join(", ")})`;
        break;
      case "upsample":
        e = `F.interpolate(${x}, scale_factor=${op.factor}, mode="nearest")`;
        break;
      case "avg_pool":
        e = `F.avg_pool2d(${x}, ${op.size})`;
        break;
      case "add":
        e = layer.inputs.map((i) => v(i, "x")).join(" + ");
        break;
      case "concat":
        e = `torch.cat([${layer.inputs.map((i) => v(i, "x")).join(", ")}], 1)`;
        break;
      case "activation": {
        const a = op.activation;
        const last = layer === net.layers.at(-1);
        // max(x, 0) and max(x, a x) whose gradient at a tie (x = 0) is 1, as the IR's max gives it
        e = a.kind === "relu"
          ? `torch.where(${x} < 0, 0.0, ${x})`
          : a.kind === "leaky_relu"
          ? `torch.where(${x} < ${x} * ${String(a.alpha)}, ${x} * ${String(a.alpha)}, ${x})`
          : a.kind === "sigmoid" && last
          ? `${x} if logits else torch.sigmoid(${x})` // a loss on logits folds the last sigmoid in
          : a.kind === "sigmoid"
          ? `torch.sigmoid(${x})`
          : a.kind === "tanh"
          ? `torch.tanh(${x})`
          : x;
        break;
      }
      default:
        e = `${call}(${x})`;
    }
    body.push(
      `        v${n} = ${e}  # ${name[0]}.${layer.path} ${op.kind === "activation" ? op.activation.kind : op.kind}`,
    );
  }
  const out = net.layers.length ? `v${net.layers.at(-1)!.index}` : "x";
  return [
    `class ${name}(nn.Module):`,
    `    """${
      name === "Generator"
        ? "G: latent vectors [n, dim] (and labels [n]) to samples"
        : "D: samples (and labels) to logits or scores"
    } [n, ${net.outShape.join(", ")}]."""`,
    "",
    "    def __init__(self):",
    "        super().__init__()",
    ...(init.length ? init : ["        pass"]),
    "",
    "    def forward(self, x, labels=None, logits=False, values=False):",
    `        """\`logits\`: leave out a final sigmoid; \`values\`: also return the named values (${
      Object.keys(net.values ?? {}).join(", ") || "none"
    })."""`,
    ...body,
    `        return (${out}, {${
      Object.entries(net.values ?? {}).map(([k, at]) => `"${k}": v${at}`).join(", ")
    }}) if values else ${out}`,
  ].join("\n");
}

type InitForm = [string, ...number[]];

/** A tensor's initialiser as model.py draws it: uniform/normal with their bounds, constant, data_logit. */
function initForm(init: M.Init, [fanIn, fanOut]: [number, number]): InitForm {
  switch (init.kind) {
    case "uniform":
      return ["uniform", init.low, init.high];
    case "normal":
      return ["normal", init.mean, init.std];
    case "xavier": {
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      return init.distribution === "uniform"
        ? ["uniform", -limit, limit]
        : ["normal", 0, Math.sqrt(2 / (fanIn + fanOut))];
    }
    case "he":
      return init.distribution === "uniform"
        ? ["uniform", -Math.sqrt(6 / fanIn), Math.sqrt(6 / fanIn)]
        : ["normal", 0, Math.sqrt(2 / fanIn)];
    case "constant":
      return ["constant", init.value];
    case "data_logit":
      return ["data_logit", init.clip];
  }
}

/** INITIALISERS: each G. and D. tensor's initialiser and its random stream (its position among the run's tensors). */
function initialisers(spec: M.CheckedSpec): string {
  const inits = new Map<string, { init: M.Init; fans: [number, number] }>();
  const program = lower(spec, { inits });
  const rows = program.params.flatMap((p, index) => {
    const i = inits.get(p.name);
    if (!i || !/^[GD]\./.test(p.name)) return [];
    const form = initForm(i.init, i.fans);
    return [
      `    "${p.name}": (${JSON.stringify(form[0])}, ${form.slice(1).map(String).join(", ")}, ${(1 << 20) + index}),`,
    ];
  });
  return [
    "# Each tensor's initialiser and the Philox stream it draws from: uniform(low, high), normal(mean, std),",
    "# constant(value), or data_logit(clip), the logit of each feature's training-set mean clipped to [clip, 1 - clip].",
    "INITIALISERS = {",
    ...rows,
    "}",
  ].join("\n");
}

const INITIALISE = `
    def initialise(self, draw, data_mean=None):
        """Every tensor's first value, as INITIALISERS says: draw(kind, stream, n) gives n uniform [0, 1) or
        standard normal numbers (train.py draws the WebGPU trainer's Philox streams, so both start alike)."""
        named = dict(self.named_parameters())
        named.update(self.named_buffers())
        with torch.no_grad():
            for name, (kind, *args) in INITIALISERS.items():
                t, n = named[name], named[name].numel()
                if kind == "uniform":
                    v = draw("uniform", args[2], n) * (args[1] - args[0]) + args[0]
                elif kind == "normal":
                    v = draw("normal", args[2], n) * args[1] + args[0]
                elif kind == "constant":
                    v = torch.full((n,), float(args[0]), dtype=torch.float64)
                else:
                    m = torch.clamp(torch.as_tensor(data_mean, dtype=torch.float64), args[0], 1 - args[0])
                    v = torch.log(m / (1 - m))
                t.copy_(v.reshape(t.shape))
`;

/** model.py of a checked spec. */
export function pytorchModel(spec: M.CheckedSpec, specPath: string): string {
  return [
    `# Generated by \`gan compile ${specPath} --engine pytorch\`; do not edit: recompile instead.`,
    `# ${spec.name}: G and D as PyTorch modules whose tensors carry the checkpoint's names and layouts.`,
    PRELUDE,
    "",
    networkClass("Generator", spec.generator),
    "",
    "",
    networkClass("Discriminator", spec.discriminator),
    "",
    "",
    initialisers(spec),
    "",
    "",
    "class GAN(nn.Module):",
    '    """G and D under the names the checkpoint gives them: G.0.weight, D.2.bias, ..."""',
    "",
    "    def __init__(self):",
    "        super().__init__()",
    '        self.add_module("G", Generator())',
    '        self.add_module("D", Discriminator())',
    INITIALISE,
  ].join("\n");
}
