// The body of every train.py: the same Python for every spec, reading the spec's facts from the SPEC
// literal that train.ts writes above it. It computes what compiler/phases/3-lower/lower.ts lowers
// (phases, losses on logits, penalties by double backward, the optimisers' exact update formulas, max
// norm and clipping, the generator average), draws its random numbers from the same Philox streams as
// the WebGPU trainer, and averages gradients over torch.distributed ranks.
export const TRAIN_BODY = String.raw`
import argparse
import json
import math
import os
import signal
import struct
import sys
import time
import zlib

import numpy as np
import torch
import torch.distributed as dist
from torch.utils.data.distributed import DistributedSampler

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import GAN, Dropout  # noqa: E402

__SPEC__

B = SPEC["batch"]
SHAPE = tuple(SPEC["data"]["shape"])
FEATURES = int(np.prod(SHAPE))
CLASSES = SPEC["data"]["classes"]
LOSS = SPEC["loss"]
PENALTY = LOSS["penalty"]

# Random streams (compiler/ir/program.ts Streams): the Philox key's second word
LATENT, SHUFFLE, PENALTY_STREAM, LABELS, AUGMENT, FIXED_NOISE = 1, 2, 4, 5, 6, 4


def dropout_stream(net, layer, pas):
    return 16 + (0 if net == "G" else 1) * 8192 + layer * 2 + pas


# ---- Philox4x32-10 (compiler/support/random.ts): the same numbers as the WebGPU trainer's ----

_U = np.uint64
_M0, _M1, _W0, _W1, _MASK = _U(0xD2511F53), _U(0xCD9E8D57), _U(0x9E3779B9), _U(0xBB67AE85), _U(0xFFFFFFFF)


def philox(blocks, c1, c2, seed, stream):
    """Philox4x32-10 of the counters (block, c1, c2, 0) under the key (seed, stream): [blocks, 4] words."""
    c0 = np.arange(blocks, dtype=np.uint64)
    c1 = np.full(blocks, c1 & 0xFFFFFFFF, dtype=np.uint64)
    c2 = np.full(blocks, c2 & 0xFFFFFFFF, dtype=np.uint64)
    c3 = np.zeros(blocks, dtype=np.uint64)
    k0, k1 = _U(seed & 0xFFFFFFFF), _U(stream & 0xFFFFFFFF)
    for r in range(10):
        if r:
            k0, k1 = (k0 + _W0) & _MASK, (k1 + _W1) & _MASK
        p0, p1 = _M0 * c0, _M1 * c2
        c0, c1, c2, c3 = (p1 >> _U(32)) ^ c1 ^ k0, p1 & _MASK, (p0 >> _U(32)) ^ c3 ^ k1, p0 & _MASK
    return np.stack([c0, c1, c2, c3], 1)


def _unit(words):
    return (words >> _U(8)).astype(np.float64) * 5.9604644775390625e-8  # 24 random bits, exact in float32


def uniform(seed, stream, step, draw, size):
    return _unit(philox((size + 3) // 4, step, draw, seed, stream).reshape(-1)[:size])


def normal(seed, stream, step, draw, size):
    w = philox((size + 1) // 2, step, draw, seed, stream)
    u1, u2 = 1 - _unit(w[:, 0::2]), _unit(w[:, 1::2])  # Box-Muller, two numbers a block
    return (np.sqrt(-2 * np.log(u1)) * np.cos(2 * np.pi * u2)).reshape(-1)[:size]


def permutation(seed, epoch, n):
    """The order in which an epoch visits n examples (ties, which never happen in practice, by index)."""
    keys = philox((n + 3) // 4, epoch, 0, seed, SHUFFLE).reshape(-1)[:n]
    return np.argsort(keys, kind="stable")


class PhiloxNoise:
    """Every random tensor of a step, whole-batch, by (stream, step, draw): ranks take their rows of it."""

    def __init__(self, seed):
        self.seed = seed

    def draw(self, stream, dist_, step, draw, shape):
        n = int(np.prod(shape))
        values = (uniform if dist_ == "uniform" else normal)(self.seed, stream, step, draw, n)
        return torch.from_numpy(values.reshape(shape))


# ---- the spec's schedules and update rules (compiler/phases/3-lower/optimize.ts) ----


def schedule(s, step, epoch):
    if s["kind"] == "constant":
        return s["value"]
    if s["kind"] == "exp_decay":
        return max(s["start"] / s["rate"] ** step, s["floor"])
    frac = min(max((epoch - s["fromEpoch"]) / (s["toEpoch"] - s["fromEpoch"]), 0), 1)
    return s["start"] + frac * (s["end"] - s["start"])


def softplus(x):
    return torch.clamp(x, min=0) + torch.log(1 + torch.exp(-x.abs()))


def relativistic(a, b):
    return softplus(b.mean() - a).mean() + softplus(b - a.mean()).mean()


def losses(real, fake):
    """D's and G's losses on D's logits (bce) or scores, and what D says of each batch."""
    out, bce = {}, LOSS["discriminator"] == "bce"
    if real is not None:
        if bce:
            real_bce = (softplus(real) - real * (1 - LOSS["labelSmoothing"])).mean()
            out["d_loss"] = (real_bce + softplus(fake).mean()) * LOSS["discriminatorScale"]
        elif LOSS["discriminator"] == "wasserstein":
            out["d_loss"] = fake.mean() - real.mean()
        elif LOSS["discriminator"] == "relativistic":
            out["d_loss"] = relativistic(real, fake)
        elif LOSS["discriminator"] == "hinge":
            out["d_loss"] = torch.relu(1 - real).mean() + torch.relu(fake + 1).mean()
        else:
            out["d_loss"] = ((real - 1) * (real - 1)).mean() * 0.5 + (fake * fake).mean() * 0.5
        out["d_real"] = torch.sigmoid(real).mean() if bce else real.mean()
    gl = LOSS["generator"]
    if gl == "non_saturating":
        out["g_loss"] = softplus(-fake).mean()
    elif gl == "minimax":
        out["g_loss"] = -softplus(fake).mean()
    elif gl == "least_squares":
        out["g_loss"] = ((fake - 1) * (fake - 1)).mean() * 0.5
    elif gl == "relativistic":
        out["g_loss"] = relativistic(fake, real)
    else:
        out["g_loss"] = -fake.mean()
    out["d_fake"] = torch.sigmoid(fake).mean() if bce else fake.mean()
    return out


def classify(logits, y):
    """Mean cross-entropy of class logits against labels, and the accuracy of their argmax (ties count)."""
    top = logits.amax(1, keepdim=True)
    lse = torch.log(torch.exp(logits - top.detach()).sum(1)) + top.detach().reshape(-1)
    picked = logits.gather(1, y.reshape(-1, 1)).reshape(-1)
    hit = (logits == top).to(logits.dtype).gather(1, y.reshape(-1, 1))
    return (lse - picked).mean(), hit.mean()


def snapshot(module):
    return [b.detach().clone() for b in module.buffers()]


def restore(module, saved):
    with torch.no_grad():
        for b, v in zip(module.buffers(), saved):
            b.copy_(v)


class Trainer:
    """One training step of the spec at a time, on this rank's share of each batch.

    gan: model.GAN(); noise: PhiloxNoise(seed) or anything with its draw(); rank/world: this process's
    place among the ranks, which average their gradients (all_reduce) before every update."""

    def __init__(self, gan, noise, rank=0, world=1):
        if B % world:
            raise SystemExit(f"train.py: the batch ({B}) does not split over {world} ranks")
        self.gan, self.noise, self.rank, self.world, self.local = gan, noise, rank, world, B // world
        p = next(gan.parameters())
        self.dtype, self.device = p.dtype, p.device
        self.named = dict(gan.named_parameters())
        self.named.update(gan.named_buffers())
        for name, shape, _, _ in SPEC["tensors"]:
            if name.startswith("opt.") or name.startswith("avg."):
                self.named[name] = torch.zeros(shape, dtype=self.dtype, device=self.device)
        missing = [t[0] for t in SPEC["tensors"] if t[0] not in self.named]
        if missing:
            raise SystemExit(f"train.py: model.py has no {', '.join(missing)}: recompile both together")
        self.trainable = {
            net: [t[0] for t in SPEC["tensors"] if t[3] and t[0].startswith(net + ".")] for net in "GD"
        }
        self.now = 0

    # -- the state, by checkpoint name --

    def tensors(self):
        return {t[0]: self.named[t[0]] for t in SPEC["tensors"]}

    def load(self, tensors):
        with torch.no_grad():
            for name, value in tensors.items():
                self.named[name].copy_(torch.as_tensor(value).reshape(self.named[name].shape))

    def initialise(self, seed, data_mean):
        """Every tensor's first value: G's and D's from model.py's INITIALISERS on the Philox streams, the
        optimisers' state zero, each average its tensor's first value."""
        self.gan.initialise(lambda kind, stream, n: torch.from_numpy((uniform if kind == "uniform" else normal)(seed, stream, 0, 0, n)), data_mean)
        with torch.no_grad():
            for name, *_ in SPEC["tensors"]:
                if name.startswith("opt."):
                    self.named[name].zero_()
                elif name.startswith("avg."):
                    self.named[name].copy_(self.named[name[4:]])

    # -- noise: whole-batch tensors, of which this rank takes rows rank, rank + world, ... of each part --

    def rows(self, t, parts=1):
        if self.world == 1:
            return t
        rest = tuple(t.shape[1:])
        return t.reshape((parts, self.local, self.world) + rest)[:, :, self.rank].reshape((parts * self.local,) + rest)

    def draw(self, stream, dist_, draw, shape, parts=1):
        t = self.noise.draw(stream, dist_, self.now, draw, (parts * B,) + tuple(shape))
        return self.rows(t.to(self.device, self.dtype), parts)

    def latent(self, draw):
        prior, dim = SPEC["latent"]["prior"], SPEC["latent"]["dim"]
        r = self.draw(LATENT, prior["kind"], draw, (dim,))
        return r * (prior["high"] - prior["low"]) + prior["low"] if prior["kind"] == "uniform" else r * prior["std"] + prior["mean"]

    def fake_labels(self, draw):
        if not CLASSES:
            return None
        u = self.draw(LABELS, "uniform", draw, ()) * CLASSES
        return torch.clamp(torch.floor(u), max=CLASSES - 1).long()

    # -- passes --

    def forward(self, net, x, labels, pas, draw, logits=False, values=False):
        module = self.gan.G if net == "G" else self.gan.D
        parts = x.shape[0] // self.local
        for m in module.modules():
            if isinstance(m, Dropout):
                stream = dropout_stream(net, m.index, pas)
                m.draw = lambda shape, like, s=stream: self.draw(s, "uniform", draw, tuple(shape[1:]), parts)
        return module(x, labels, logits=logits, values=values)

    def discriminate(self, x, fake, draw, mixed, y, yf, commit):
        """D on the real and the generated batch (and a penalty's interpolates): [(logits, values)] each.
        Without batchnorm they go through as one stacked batch; with it, one pass each, both from the
        state before the phase, and only the real pass's statistics kept (when commit)."""
        D, L = self.gan.D, self.local
        if SPEC["stacked"]:
            batch = [x, fake] + ([mixed] if mixed is not None else [])
            labels = None if y is None else torch.cat([y, yf] + ([y] if mixed is not None else []))
            before = None if commit else snapshot(D)
            out, values = self.forward("D", torch.cat(batch), labels, 0, draw, logits=True, values=True)
            if before is not None:
                restore(D, before)
            return [(out[i * L:(i + 1) * L], {k: v[i * L:(i + 1) * L] for k, v in values.items()}) for i in range(len(batch))]
        before = snapshot(D)
        real = self.forward("D", x, y, 0, draw, logits=True, values=True)
        after = snapshot(D)
        restore(D, before)
        gen = self.forward("D", fake, yf, 1, draw, logits=True, values=True)
        restore(D, after if commit else before)
        return [real, gen]

    def judge(self, x, fake, draw, y, yf, commit):
        """D's losses on a real and a generated batch, with the penalty on its input gradient if any."""
        mixed = None
        if PENALTY and PENALTY["kind"] == "gradient_penalty":
            u = self.draw(PENALTY_STREAM, "uniform", draw, (1,) * len(SHAPE))
            mixed = u * x + (1 - u) * fake
            if not mixed.requires_grad:
                mixed.requires_grad_(True)
        elif PENALTY and PENALTY["kind"] == "r1":
            x.requires_grad_(True)
        elif PENALTY and PENALTY["kind"] == "r2" and not fake.requires_grad:
            fake.requires_grad_(True)
        parts = self.discriminate(x, fake, draw, mixed, y, yf, commit)
        m = losses(parts[0][0], parts[1][0])
        if LOSS["auxiliary"] and y is not None:
            ce_real, m["acc_real"] = classify(parts[0][1]["aux"], y)
            ce_fake, m["acc_fake"] = classify(parts[1][1]["aux"], yf)
            m["d_loss"] = m["d_loss"] + (ce_real + ce_fake) * LOSS["auxiliary"]
            m["g_loss"] = m["g_loss"] + ce_fake * LOSS["auxiliary"]
        if PENALTY:
            at, out = (mixed, parts[2][0]) if mixed is not None else (x, parts[0][0]) if PENALTY["kind"] == "r1" else (fake, parts[1][0])
            (dx,) = torch.autograd.grad(out.sum(), at, create_graph=True)
            squared = (dx.reshape(dx.shape[0], -1) ** 2).sum(1)
            if PENALTY["kind"] == "gradient_penalty":
                off = torch.sqrt(squared + 1e-12) - PENALTY["target"]
                m["penalty"] = (off * off).mean() * PENALTY["weight"]
            else:
                m["penalty"] = squared.mean() * (PENALTY["gamma"] / 2)
            m["d_loss"] = m["d_loss"] + m["penalty"]
        return m

    # -- updates --

    def gradients(self, net, loss, retain=False):
        names = self.trainable[net]
        ts = [self.named[n] for n in names]
        gs = torch.autograd.grad(loss, ts, retain_graph=retain, allow_unused=True)
        gs = [torch.zeros_like(t) if g is None else g.detach() for t, g in zip(ts, gs)]
        if self.world > 1:  # data parallel: the mean of the ranks' gradients, as DistributedDataParallel takes
            flat = torch.cat([g.reshape(-1) for g in gs])
            dist.all_reduce(flat)
            flat /= self.world
            gs = list(torch.split(flat, [g.numel() for g in gs]))
        return {n: g.reshape(t.shape) for n, g, t in zip(names, gs, ts)}

    def apply(self, net, grads, count, step, epoch):
        opt = SPEC["optimizers"][net]
        lr = schedule(opt["lr"], step, epoch)
        with torch.no_grad():
            for name, g in grads.items():
                w, t = self.named[name], self.named
                if opt["kind"] == "sgd":  # v <- mu v - lr g; w <- w + v
                    v = t[f"opt.{name}.velocity"]
                    v.copy_(schedule(opt["momentum"], step, epoch) * v - lr * g)
                    new = w + v
                elif opt["kind"] == "rmsprop":  # v <- a v + (1 - a) g^2; w <- w - lr g / (sqrt(v) + eps)
                    v = t[f"opt.{name}.rms_v"]
                    v.copy_(v * opt["alpha"] + (g * g) * (1 - opt["alpha"]))
                    new = w - lr * (g / (torch.sqrt(v) + opt["eps"]))
                else:  # Adam, bias-corrected by this network's update count
                    m, v = t[f"opt.{name}.adam_m"], t[f"opt.{name}.adam_v"]
                    m.copy_(m * opt["beta1"] + g * (1 - opt["beta1"]))
                    v.copy_(v * opt["beta2"] + (g * g) * (1 - opt["beta2"]))
                    c1, c2 = 1 - opt["beta1"] ** count, 1 - opt["beta2"] ** count
                    new = w - lr * ((m / c1) / (torch.sqrt(v / c2) + opt["eps"]))
                rule = SPEC["constraints"].get(name)
                if rule and "max_norm" in rule:  # each unit's weights scaled back to at most max_norm
                    norms = torch.sqrt((new * new).sum(rule["axes"], keepdim=True))
                    new = new * (torch.clamp(norms, max=rule["max_norm"]) / (norms + 1e-7))
                if rule and "clip" in rule:
                    new = torch.clamp(new, -rule["clip"], rule["clip"])
                w.copy_(new)
            a = SPEC["average"]
            if net == "G" and a:  # avg <- avg + alpha (w - avg), the bias-corrected EMA from from_step
                n = max(step + 1 - a["fromStep"], 1)
                alpha = 1 / n if a["decay"] == 1 else (1 - a["decay"]) / (1 - a["decay"] ** n)
                for name in grads:
                    avg = self.named[f"avg.{name}"]
                    avg.copy_(avg + alpha * (self.named[name] - avg))

    def step(self, step, epoch, batches):
        """One training step: batches holds this rank's (x, labels or None) for each real batch the step reads."""
        self.now = step
        G, metrics = self.gan.G, {}
        if SPEC["schedule"] == "simultaneous":
            (x, y), yf = batches[0], self.fake_labels(0)
            fake = self.forward("G", self.latent(0), yf, 1, 0)
            m = self.judge(x, fake, 0, y, yf, commit=True)
            gd = self.gradients("D", m["d_loss"], retain=True)
            gg = self.gradients("G", m["g_loss"])
            self.apply("D", gd, step + 1, step, epoch)
            self.apply("G", gg, step + 1, step, epoch)
            metrics = m
        else:
            k = SPEC["k"]
            for j in range(k):
                (x, y), yf = batches[j], self.fake_labels(j)
                before = snapshot(G)
                with torch.no_grad():
                    fake = self.forward("G", self.latent(j), yf, 1, j)
                restore(G, before)  # G's statistics move in its own phase only
                m = self.judge(x, fake, j, y, yf, commit=True)
                self.apply("D", self.gradients("D", m["d_loss"]), step * k + j + 1, step, epoch)
                metrics.update({n: v for n, v in m.items() if n != "g_loss"})
            yf = self.fake_labels(k)
            fake = self.forward("G", self.latent(k), yf, 1, k)
            if LOSS["generator"] == "relativistic":
                x, y = batches[k]
                real, gen = self.discriminate(x, fake, k, None, y, yf, commit=False)
                m = losses(real[0], gen[0])
            else:
                before = snapshot(self.gan.D)
                gen = self.forward("D", fake, yf, 1, k, logits=True, values=True)
                restore(self.gan.D, before)
                m = losses(None, gen[0])
            if LOSS["auxiliary"]:
                m["g_loss"] = m["g_loss"] + classify(gen[1]["aux"], yf)[0] * LOSS["auxiliary"]
            self.apply("G", self.gradients("G", m["g_loss"]), step + 1, step, epoch)
            metrics["g_loss"] = m["g_loss"]
        if self.world > 1:  # batchnorm's running statistics: the ranks' mean, so every rank holds the same
            with torch.no_grad():
                for name, b in self.gan.named_buffers():
                    if name.endswith("running_mean") or name.endswith("running_var"):
                        dist.all_reduce(b)
                        b /= self.world
        return {n: v.detach() for n, v in metrics.items()}
`;
