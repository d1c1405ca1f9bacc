// The `loss` section: which objective each network minimises. D's loss and G's come in families that
// must match (a critic trained for the Wasserstein distance gives G no log-probability to maximise), and
// each family needs its own kind of D output: a probability (ending in `sigmoid`) for binary
// cross-entropy, a plain score for the others.
import type * as A from "../../ast.ts";
import { diag, type Span, withHint } from "../../diagnostics/diagnostic.ts";
import { didYouMean, oneOf } from "../../diagnostics/suggest.ts";
import type * as M from "../../model.ts";
import { type Args, type CallShape, num, readVariant, type Reporter, word } from "./readers.ts";
import { Options } from "./sections.ts";
import { formatNumber, type Scope, type Value } from "./values.ts";

export const GENERATOR_LOSSES = [
  "non_saturating",
  "minimax",
  "wasserstein",
  "hinge",
  "least_squares",
  "relativistic",
] as const;
export const DISCRIMINATOR_LOSSES = ["bce", "wasserstein", "hinge", "least_squares", "relativistic"] as const;

/** The generator losses that go with each discriminator loss; the first is the default. */
const PARTNERS: Record<M.DiscriminatorLoss, readonly M.GeneratorLoss[]> = {
  bce: ["non_saturating", "minimax"],
  wasserstein: ["wasserstein", "hinge"],
  hinge: ["hinge", "wasserstein"],
  least_squares: ["least_squares"],
  relativistic: ["relativistic"],
};

/** Whether a discriminator loss reads D's output as a probability (D ends in `sigmoid`). */
export const needsProbability = (d: M.DiscriminatorLoss): boolean => d === "bce";

const bceShape: CallShape = {
  name: "bce",
  params: [{ name: "scale", read: num({ min: 0, minOpen: true }), default: 0.5 }],
};
const plain = (name: string): CallShape => ({ name, params: [] });
const nonNegative = num({ min: 0 });

export const PENALTIES = ["gradient_penalty", "r1", "r2"] as const;

/** `penalty = gradient_penalty(weight = 10, target = 1)`, `r1(gamma = 10)` or `r2(gamma = 10)`. */
const readPenalty = (r: Reporter, v: Value, what: string): M.Penalty | undefined => {
  if (!supported(r, v, PENALTIES, "penalty")) return undefined;
  const gamma = (name: "r1" | "r2") => ({
    shape: { name, params: [{ name: "gamma", read: nonNegative, default: 10 }] },
    build: (a: Args) => ({ kind: name, gamma: a.gamma as number }),
  });
  return readVariant<M.Penalty>(
    r,
    v,
    {
      gradient_penalty: {
        shape: {
          name: "gradient_penalty",
          params: [{ name: "weight", read: nonNegative, default: 10 }, {
            name: "target",
            read: nonNegative,
            default: 1,
          }],
        },
        build: (a: Args) => ({ kind: "gradient_penalty", weight: a.weight as number, target: a.target as number }),
      },
      r1: gamma("r1"),
      r2: gamma("r2"),
    },
    what,
    "penalty",
  );
};

export function readLoss(r: Reporter, scope: Scope, s: A.Section | undefined, whole: Span): M.LossSpec | undefined {
  const defaults: M.LossSpec = {
    generator: "non_saturating",
    discriminator: "bce",
    discriminatorScale: 0.5,
    labelSmoothing: 0,
    span: s?.span ?? whole,
  };
  if (!s) return defaults;
  const o = new Options(r, scope, s, "`loss`", [
    "generator",
    "discriminator",
    "label_smoothing",
    "penalty",
    "auxiliary",
  ]);
  const gValue = o.value("generator");
  const generator = gValue && supported(r, gValue, GENERATOR_LOSSES, "generator loss")
    ? word(GENERATOR_LOSSES, "generator loss")(r, gValue, "`generator`")
    : undefined;
  const dRead = o.has("discriminator")
    ? o.get("discriminator", (r, v, what) => {
      if (!supported(r, v, DISCRIMINATOR_LOSSES, "discriminator loss")) return undefined;
      return readVariant<{ kind: M.DiscriminatorLoss; scale: number }>(
        r,
        v,
        {
          bce: { shape: bceShape, build: (a: Args) => ({ kind: "bce" as const, scale: a.scale as number }) },
          wasserstein: { shape: plain("wasserstein"), build: () => ({ kind: "wasserstein" as const, scale: 1 }) },
          hinge: { shape: plain("hinge"), build: () => ({ kind: "hinge" as const, scale: 1 }) },
          least_squares: {
            shape: plain("least_squares"),
            build: () => ({ kind: "least_squares" as const, scale: 1 }),
          },
          relativistic: {
            shape: plain("relativistic"),
            build: () => ({ kind: "relativistic" as const, scale: 1 }),
          },
        },
        what,
        "discriminator loss",
      );
    })
    : undefined;
  const smoothing = o.get("label_smoothing", num({ min: 0, max: 1, maxOpen: true }), 0);
  const penalty = o.has("penalty") ? o.get("penalty", readPenalty) : undefined;
  const auxiliary = o.has("auxiliary")
    ? o.get("auxiliary", (r, v, what) =>
      readVariant<{ weight: number }>(
        r,
        v,
        {
          cross_entropy: {
            shape: {
              name: "cross_entropy",
              params: [{ name: "weight", read: num({ min: 0, minOpen: true }), default: 1 }],
            },
            build: (a: Args) => ({ weight: a.weight as number }),
          },
        },
        what,
        "auxiliary loss",
      ))
    : undefined;
  if (o.has("auxiliary") && !auxiliary) return undefined;
  if ((gValue && !generator) || (o.has("discriminator") && !dRead) || smoothing === undefined) return undefined;
  if (o.has("penalty") && !penalty) return undefined;
  // one side given: the other is its natural partner
  const discriminator: M.DiscriminatorLoss = dRead?.kind ??
    (generator ? partnerOf(generator) : "bce");
  const g: M.GeneratorLoss = generator ?? PARTNERS[discriminator][0];
  if (!PARTNERS[discriminator].includes(g)) {
    const at = o.keySpan("generator") ?? s.nameSpan;
    return r.report(
      withHint(
        diag("E310", at, g, discriminator),
        `a \`${discriminator}\` discriminator goes with ${oneOf(PARTNERS[discriminator])}`,
      ),
    );
  }
  if (smoothing > 0 && discriminator !== "bce") {
    return r.report(
      withHint(
        diag("E311", o.keySpan("label_smoothing") ?? s.nameSpan, discriminator),
        "label smoothing softens cross-entropy's target of 1; leave it out",
      ),
    );
  }
  return {
    generator: g,
    discriminator,
    discriminatorScale: dRead?.kind === "bce" ? dRead.scale : 0.5,
    labelSmoothing: smoothing,
    ...(penalty ? { penalty } : {}),
    ...(auxiliary ? { auxiliary } : {}),
    span: s.span,
  };
}

/** The discriminator loss a generator loss implies when only G's is given. */
function partnerOf(g: M.GeneratorLoss): M.DiscriminatorLoss {
  return g === "non_saturating" || g === "minimax" ? "bce" : g;
}

/** A loss the language lacks: say so and list what it has (a did-you-mean alone would suggest it exists). */
function supported(r: Reporter, v: Value, names: readonly string[], noun: string): boolean {
  const name = v.kind === "word" || v.kind === "call" ? v.name : undefined;
  if (name === undefined || names.includes(name)) return true;
  const span = v.kind === "call" ? v.nameSpan : v.span;
  const close = didYouMean(name, names);
  r.report(withHint(diag("E312", span, name, noun), `supported: ${oneOf(names)}${close ? `; ${close}` : ""}`));
  return false;
}

/** The losses in words, for `gan summary` and `gan diff`. */
export function describeLoss(l: M.LossSpec): { g: string; d: string } {
  const f = formatNumber;
  const g = {
    non_saturating: "non-saturating -log D(G(z))",
    minimax: "minimax log(1 - D(G(z)))",
    wasserstein: "Wasserstein -D(G(z))",
    hinge: "hinge -D(G(z))",
    least_squares: "least squares (D(G(z)) - 1)^2 / 2",
    relativistic: "relativistic average -log s(D(G(z)) - mean D(x)) - log(1 - s(D(x) - mean D(G(z))))",
  }[l.generator];
  const d = {
    bce: `${f(l.discriminatorScale)} x [BCE(D(x), ${f(1 - l.labelSmoothing)}) + BCE(D(G(z)), 0)]`,
    wasserstein: "Wasserstein D(G(z)) - D(x)",
    hinge: "hinge max(0, 1 - D(x)) + max(0, 1 + D(G(z)))",
    least_squares: "least squares [(D(x) - 1)^2 + D(G(z))^2] / 2",
    relativistic: "relativistic average -log s(D(x) - mean D(G(z))) - log(1 - s(D(G(z)) - mean D(x)))",
  }[l.discriminator];
  const p = l.penalty;
  const penalty = !p
    ? ""
    : p.kind === "gradient_penalty"
    ? ` + ${f(p.weight)} x (|grad D(x^)| - ${f(p.target)})^2 on interpolates x^ (WGAN-GP)`
    : ` + ${f(p.gamma / 2)} x |grad D(${p.kind === "r1" ? "x" : "G(z)"})|^2 (${p.kind.toUpperCase()})`;
  const aux = l.auxiliary ? ` + ${f(l.auxiliary.weight)} x CE(aux, class) on real and generated (AC-GAN)` : "";
  return { g: g + (l.auxiliary ? ` + ${f(l.auxiliary.weight)} x CE(aux, class)` : ""), d: d + penalty + aux };
}
