// Phase 2: a parsed spec to a CheckedSpec. Reports every problem it can find in one pass; returns a
// spec only when there is no error.
import type * as A from "../../ast.ts";
import { diag, type Diagnostic, hasErrors, type Span, withHint } from "../../diagnostics/diagnostic.ts";
import { closestWord, didYouMean, oneOf } from "../../diagnostics/suggest.ts";
import type * as M from "../../model.ts";
import { num, positiveInt, type Reader, readVariant, Reporter, word } from "./readers.ts";
import { readData } from "./data.ts";
import { averageVariants, initVariants, priorVariants, scheduleVariants } from "./schema.ts";
import { needsProbability, readLoss } from "./loss.ts";
import { Options, SECTIONS } from "./sections.ts";
import { layerName, shapeSize, showShape } from "./shapes.ts";
import { Scope } from "./values.ts";
import { MAX_LAYERS } from "./network.ts";
import { readBlock, readNetwork } from "./network-section.ts";

export { MAX_LAYERS };

export interface CheckOptions {
  /** The parse recovered from syntax errors: skip what missing pieces would make noise about. */
  partial?: boolean;
}

export interface CheckResult {
  spec?: M.CheckedSpec;
  diagnostics: Diagnostic[];
}

const REQUIRED = ["data", "latent", "generator", "discriminator", "optimizer", "train"] as const;
const NETS = ["generator", "discriminator"] as const;

const readInit: Reader<M.Init> = (r, v, what) => readVariant(r, v, initVariants, what, "initialiser");

export function check(ast: A.SpecFile, opts: CheckOptions = {}): CheckResult {
  const out: Diagnostic[] = [];
  const scope = new Scope(out, new Set(ast.items.filter((i): i is A.Const => i.kind === "const").map((c) => c.name)));
  const r = new Reporter(out, () => scope.names());
  const sections = new Map<string, A.Section>();
  const optimizers = new Map<string, A.Section>(); // "" (both), "generator", "discriminator"
  const misspelt = new Set<string>();
  const blocks = new Map<string, A.Section>();

  for (const item of ast.items) {
    if (item.kind === "const") {
      scope.define(item);
      continue;
    }
    if (item.name === "block") {
      readBlock(r, item, blocks);
      continue;
    }
    if (item.params) r.report(diag("E207", item.paramsSpan!, `section \`${item.name}\` takes no parameters`));
    if (!(SECTIONS as readonly string[]).includes(item.name)) {
      const guess = closestWord(item.name, SECTIONS);
      if (guess) misspelt.add(guess);
      r.report(
        withHint(
          diag("E101", item.nameSpan, item.name),
          didYouMean(item.name, SECTIONS) ?? `sections are ${oneOf(SECTIONS)}`,
        ),
      );
      continue;
    }
    if (item.name === "optimizer") {
      const label = item.label ?? "";
      if (label && !(NETS as readonly string[]).includes(label)) {
        misspelt.add("optimizer");
        r.report(
          withHint(
            diag("E111", item.labelSpan!, label),
            didYouMean(label, NETS) ??
              "write `optimizer generator`, `optimizer discriminator`, or `optimizer` for both",
          ),
        );
        continue;
      }
      if (optimizers.has(label) || (label === "" && optimizers.size > 0) || (label !== "" && optimizers.has(""))) {
        misspelt.add("optimizer"); // the forms are mixed: what is "missing" is explained by this error
        r.report(
          withHint(
            diag("E102", item.nameSpan, label ? `optimizer ${label}` : "optimizer"),
            "give one `optimizer` for both networks, or one `optimizer generator` and one `optimizer discriminator`",
          ),
        );
        continue;
      }
      optimizers.set(label, item);
      continue;
    }
    if (item.label !== undefined) r.report(diag("E112", item.labelSpan!, item.name));
    if (sections.has(item.name)) {
      r.report(diag("E102", item.nameSpan, item.name));
      continue;
    }
    sections.set(item.name, item);
  }

  for (const extra of ast.extraHeaders ?? []) r.report(diag("E115", extra));
  // the name names folders (generated/<name>/, runs/<name>-<time>/): a path in it would write elsewhere
  const why = ast.name !== undefined ? nameProblem(ast.name) : undefined;
  if (why && ast.nameSpan) {
    r.report(withHint(diag("E116", ast.nameSpan, ast.name!, why), "a name may hold letters, digits, `-`, `_` and `.`"));
  }
  const fileStart: Span = ast.headerSpan ?? { start: 0, end: 0 };
  const missing = (name: string) => {
    // a section the user misspelt was reported as unknown, with this name as the hint
    if (!opts.partial && !misspelt.has(name)) r.report(diag("E103", fileStart, name));
  };
  for (const s of REQUIRED) if (s !== "optimizer" && !sections.has(s)) missing(s);

  const data = sections.has("data") ? readData(r, scope, sections.get("data")!) : undefined;
  const latent = sections.has("latent") ? readLatent(r, scope, sections.get("latent")!) : undefined;
  const loss = readLoss(r, scope, sections.get("loss"), ast.span);
  const train = sections.has("train") ? readTrain(r, scope, sections.get("train")!) : undefined;
  const optim = readOptimizers(r, scope, optimizers, opts.partial || misspelt.has("optimizer"), fileStart);

  // Networks are read even when their input shape is unknown, so their own mistakes are reported too.
  const used = new Set<string>();
  const net = (name: "generator" | "discriminator", shape: M.Shape | undefined) =>
    sections.has(name)
      ? readNetwork(r, scope, sections.get(name)!, name, shape, data, blocks, used, readInit)
      : undefined;
  const generator = net("generator", latent && [latent.dim]);
  const discriminator = net("discriminator", data?.shape);
  for (const [name, b] of blocks) if (!used.has(name)) out.push(diag("W002", b.labelSpan!, name));

  if (generator && data && !sameShape(generator.outShape, data.shape)) {
    const last = generator.layers[generator.layers.length - 1];
    const hint = shapeSize(generator.outShape) === shapeSize(data.shape) && data.shape.length === 3
      ? `end the generator with \`reshape(${data.shape.join(", ")})\``
      : undefined;
    r.report(
      withHint(diag("E304", last?.span ?? generator.span, showShape(generator.outShape), showShape(data.shape)), hint),
    );
  }
  if (loss?.auxiliary && discriminator && data) {
    // AC-GAN: class logits from D's value `aux`, one per class of the data
    const at = discriminator.values.aux;
    const want = data.classes ? `[${data.classes}]` : undefined;
    const why = !data.classes
      ? "needs labelled data: add `classes = 10` (say) to `data`"
      : at === undefined
      ? `reads D's class logits from a value named \`aux\`: add \`aux = dense(${data.classes})\` on a branch of the discriminator`
      : showShape(discriminator.layers[at].outShape) !== want
      ? `needs \`aux\` to hold ${want} class logits, not ${showShape(discriminator.layers[at].outShape)}`
      : undefined;
    if (why) r.report(diag("E207", loss.span, `the auxiliary classifier ${why}`));
  }
  if (discriminator) {
    const last = discriminator.layers[discriminator.layers.length - 1];
    if (!sameShape(discriminator.outShape, [1])) {
      r.report(
        withHint(
          diag("E305", last?.span ?? discriminator.span, showShape(discriminator.outShape)),
          "end it with `dense(1)` and `sigmoid`",
        ),
      );
    } else if (last && loss) {
      // binary cross-entropy reads a probability; the other losses read D's plain score
      const sigmoid = last.op.kind === "activation" && last.op.activation.kind === "sigmoid";
      if (needsProbability(loss.discriminator) && !sigmoid) r.report(diag("E307", last.span));
      if (!needsProbability(loss.discriminator) && sigmoid) {
        r.report(
          withHint(
            diag("E313", last.span, loss.discriminator),
            "remove the final `sigmoid`: the critic's output is unbounded",
          ),
        );
      }
    }
    const norm = discriminator.layers.find((l) => l.op.kind === "batchnorm");
    if (loss?.penalty && norm) {
      r.report(
        withHint(
          diag("E314", norm.span, loss.penalty.kind),
          "leave normalisation out of the critic, or use `layernorm`, as WGAN-GP does",
        ),
      );
    }
  }

  for (const c of scope.unused()) out.push(diag("W001", c.span, c.name));
  if (opts.partial) {
    // Error recovery dropped whatever it could not read: what is "missing" or "the wrong size" may be that.
    const echoes = new Set(["E103", "E106", "E304", "E305", "E307", "E308", "E313", "W001"]);
    const kept = out.filter((d) => !echoes.has(d.code));
    out.length = 0;
    out.push(...kept);
  }

  if (hasErrors(out) || !data || !latent || !generator || !discriminator || !loss || !train || !optim) {
    return { diagnostics: out };
  }
  const spec: M.CheckedSpec = {
    name: ast.name ?? "",
    data,
    latent,
    generator,
    discriminator,
    loss,
    optimizers: optim,
    train,
    constants: ast.items.filter((i): i is A.Const => i.kind === "const").map((c) => ({
      name: c.name,
      span: c.nameSpan,
    })),
  };
  return { spec, diagnostics: out };
}

const sameShape = (a: M.Shape, b: M.Shape) => a.length === b.length && a.every((x, i) => x === b[i]);

function readLatent(r: Reporter, scope: Scope, s: A.Section): M.LatentSpec | undefined {
  const o = new Options(r, scope, s, "`latent`", ["dim", "prior"]);
  const dim = o.get("dim", positiveInt);
  const prior = o.get("prior", (r, v, what) => readVariant(r, v, priorVariants, what, "prior"));
  if (dim === undefined || !prior) return undefined;
  return { dim, prior, span: s.span };
}

const OPTIMIZER_KEYS = ["method", "lr", "momentum", "beta1", "beta2", "alpha", "eps"] as const;
const KEY_OWNER: Record<string, readonly ("sgd" | "adam" | "rmsprop")[]> = {
  momentum: ["sgd"],
  beta1: ["adam"],
  beta2: ["adam"],
  alpha: ["rmsprop"],
  eps: ["adam", "rmsprop"],
};

function readSchedule(value: Reader<number>, end: Reader<number> = value): Reader<M.Schedule> {
  return (r, v, what) => {
    if (v.kind === "num" || v.kind === "bad") {
      const x = value(r, v, what);
      return x === undefined ? undefined : { kind: "constant", value: x };
    }
    if (v.kind === "word" && r.constants().length > 0 && didYouMean(v.name, r.constants())) {
      value(r, v, what); // reports the likely misspelt constant
      return undefined;
    }
    return readVariant(r, v, scheduleVariants(value, end), what, "schedule");
  };
}

function readOptimizer(r: Reporter, scope: Scope, s: A.Section, where: string): M.Optimizer | undefined {
  const o = new Options(r, scope, s, where, OPTIMIZER_KEYS);
  const method = o.get("method", word(["sgd", "adam", "rmsprop"] as const, "optimizer"));
  if (!method) return undefined;
  for (const [key, owners] of Object.entries(KEY_OWNER)) {
    if (o.has(key) && !owners.includes(method)) {
      r.report(diag("E205", o.keySpan(key)!, key, owners.join(" and "), method));
    }
  }
  // a learning rate is positive, but may decay linearly to 0 (a common default since the Transformer)
  const lr = o.get("lr", readSchedule(num({ min: 0, minOpen: true }), num({ min: 0 })));
  if (method === "sgd") {
    const momentum = o.get(
      "momentum",
      readSchedule(num({ min: 0, max: 1, maxOpen: true })),
      { kind: "constant", value: 0 } as M.Schedule,
    );
    if (!lr || !momentum) return undefined;
    return { kind: "sgd", lr, momentum, span: s.span };
  }
  const beta = num({ min: 0, max: 1, maxOpen: true });
  if (method === "rmsprop") {
    const alpha = o.get("alpha", beta, 0.99);
    const eps = o.get("eps", num({ min: 0, minOpen: true }), 1e-8);
    if (!lr || alpha === undefined || eps === undefined) return undefined;
    return { kind: "rmsprop", lr, alpha, eps, span: s.span };
  }
  const beta1 = o.get("beta1", beta, 0.9);
  const beta2 = o.get("beta2", beta, 0.999);
  const eps = o.get("eps", num({ min: 0, minOpen: true }), 1e-8);
  if (!lr || beta1 === undefined || beta2 === undefined || eps === undefined) return undefined;
  return { kind: "adam", lr, beta1, beta2, eps, span: s.span };
}

function readOptimizers(
  r: Reporter,
  scope: Scope,
  found: Map<string, A.Section>,
  partial: boolean | undefined,
  at: Span,
) {
  const both = found.get("");
  if (both) {
    const opt = readOptimizer(r, scope, both, "`optimizer`");
    return opt ? { generator: opt, discriminator: opt } : undefined;
  }
  const g = found.get("generator");
  const d = found.get("discriminator");
  for (const [name, s] of [["generator", g], ["discriminator", d]] as const) {
    if (!s && !partial) {
      r.report(withHint(diag("E103", at, `optimizer ${name}`), "or one `optimizer` section for both networks"));
    }
  }
  const go = g && readOptimizer(r, scope, g, "`optimizer generator`");
  const dopt = d && readOptimizer(r, scope, d, "`optimizer discriminator`");
  return go && dopt ? { generator: go, discriminator: dopt } : undefined;
}

function readTrain(r: Reporter, scope: Scope, s: A.Section): M.TrainSpec | undefined {
  const keys = [
    "schedule",
    "k",
    "batch",
    "epochs",
    "steps",
    "seed",
    "log_every",
    "sample_every",
    "checkpoint_every",
    "generator_average",
  ];
  const o = new Options(r, scope, s, "`train`", keys);
  const schedule = o.get("schedule", word(["alternating", "simultaneous"] as const, "schedule"), "alternating");
  const k = o.get("k", positiveInt, 1);
  if (schedule === "simultaneous" && k !== undefined && k !== 1) {
    const at = o.keySpan("k") ?? s.nameSpan;
    r.report(
      withHint(
        diag("E207", at, "a simultaneous schedule takes both updates from one minibatch, so it needs `k = 1`"),
        "use `schedule = alternating` for k > 1",
      ),
    );
  }
  const batch = o.get("batch", positiveInt);
  if (o.has("epochs") && o.has("steps")) r.report(diag("E206", o.keySpan("steps")!, "epochs", "steps"));
  const epochs = o.has("epochs") ? o.get("epochs", positiveInt) : undefined;
  const steps = o.has("steps") ? o.get("steps", positiveInt) : undefined;
  const seed = o.get("seed", num({ int: true, min: 0, max: 2 ** 32 - 1 }), 0);
  const logEvery = o.get("log_every", positiveInt, 100);
  const sampleEvery = o.get("sample_every", positiveInt, 1000);
  const checkpointEvery = o.get("checkpoint_every", positiveInt, 5000);
  const average = o.has("generator_average")
    ? o.get("generator_average", (r, v, what) => readVariant(r, v, averageVariants, what, "average"))
    : undefined;
  if (o.has("generator_average") && !average) return undefined;
  if (
    !schedule || k === undefined || batch === undefined || seed === undefined || logEvery === undefined ||
    sampleEvery === undefined || checkpointEvery === undefined
  ) return undefined;
  if ((o.has("epochs") && epochs === undefined) || (o.has("steps") && steps === undefined)) return undefined;
  return {
    schedule,
    k,
    batch,
    seed,
    logEvery,
    sampleEvery,
    checkpointEvery,
    span: s.span,
    ...(epochs !== undefined ? { epochs } : {}),
    ...(steps !== undefined ? { steps } : {}),
    ...(average ? { generatorAverage: average } : {}),
  };
}

export { layerName };

/** Why a spec's name cannot name a folder, if it cannot: it is a name, never a path. */
function nameProblem(name: string): string | undefined {
  if (/[/\\]/.test(name)) return "holds a path separator";
  if (name === "." || name === ".." || name.includes("..")) return "holds `..`";
  if (/[\u0000-\u001f\u007f]/.test(name)) return "holds a control character";
  if (name.startsWith("-")) return "starts with `-`";
  if (name.length > 100) return `is ${name.length} characters long, over 100`;
  return undefined;
}
