// The network sections and `block` sections of a spec: each read whole by a NetworkReader, and the
// checks of a layer's arguments against the rest of the spec (the data's classes, data_logit).
import type * as A from "../../ast.ts";
import { diag, withHint } from "../../diagnostics/diagnostic.ts";
import type * as M from "../../model.ts";
import { type Reader, type Reporter } from "./readers.ts";
import { layerShapes } from "./schema.ts";
import { SECTIONS } from "./sections.ts";
import { shapeSize } from "./shapes.ts";
import type { Scope } from "./values.ts";
import { type Body, FORMS, MAX_LAYERS, NetworkReader } from "./network.ts";

/** A network section read whole: its layers in the order they run, the groups they nest in, shapes. */
export function readNetwork(
  r: Reporter,
  scope: Scope,
  s: A.Section,
  name: "generator" | "discriminator",
  inShape: M.Shape | undefined,
  data: M.DataSpec | undefined,
  blocks: ReadonlyMap<string, A.Section>,
  used: Set<string>,
  readInit: Reader<unknown>,
): M.Network | undefined {
  // a bound on the work of every later phase (compiling 1,000 layers takes about 20 s)
  if (s.body.length > MAX_LAYERS) {
    r.report(diag("E309", s.body[MAX_LAYERS].span, name, s.body.length, MAX_LAYERS));
    return undefined;
  }
  if (s.body.length === 0) {
    r.report(diag("E308", s.nameSpan, name));
    return undefined;
  }
  const reader = new NetworkReader(r, name, blocks, used, readInit, (st, op) => checkLayer(r, st, op, name, data));
  const body: Body = {
    scope,
    names: new Map(),
    own: new Set(),
    input: { at: -1, shape: inShape },
    prefix: "",
    depth: 0,
  };
  const out = reader.body(s.body, body, { at: -1, shape: inShape });
  if (!reader.ok || !out.shape || !inShape) return undefined;
  if (reader.layers.length === 0) {
    r.report(diag("E308", s.nameSpan, name));
    return undefined;
  }
  const values = Object.fromEntries([...body.names].filter(([, v]) => v.at >= 0).map(([k, v]) => [k, v.at]));
  return { name, layers: reader.layers, groups: reader.groups, values, inShape, outShape: out.shape, span: s.span };
}

/** A `block name(params) { ... }` section: named once, with parameters that are names or `name = default`. */
export function readBlock(r: Reporter, s: A.Section, blocks: Map<string, A.Section>) {
  if (!s.label || !s.labelSpan) {
    r.report(withHint(diag("E207", s.nameSpan, "a block needs a name"), "write `block res_up(ch) { ... }`"));
    return;
  }
  if (blocks.has(s.label)) return r.report(diag("E117", s.labelSpan, s.label));
  if (s.label in layerShapes || FORMS.includes(s.label) || (SECTIONS as readonly string[]).includes(s.label)) {
    return r.report(
      diag("E118", s.labelSpan, s.label, s.label in layerShapes || FORMS.includes(s.label) ? "layer" : "section"),
    );
  }
  const seen = new Set<string>();
  for (const a of s.params ?? []) {
    const name = a.name ?? (a.value.kind === "name" ? a.value.name : undefined);
    if (name === undefined) {
      r.report(
        withHint(diag("E207", a.span, "a block's parameters are names"), "write `block res(ch, stride = 1) { ... }`"),
      );
    } else if (seen.has(name)) r.report(diag("E105", a.nameSpan ?? a.span, name));
    seen.add(name ?? "");
  }
  blocks.set(s.label, s);
}

/** A layer's arguments against the rest of the spec: data_logit, and the classes a label-reading layer needs. */
function checkLayer(r: Reporter, st: A.Layer, op: M.LayerOp, net: string, data: M.DataSpec | undefined): boolean {
  if (op.kind === "embedding" || (op.kind === "batchnorm" && op.classes)) {
    const what = op.kind === "embedding" ? "`embedding`" : "`batchnorm(conditional = true)`";
    if (data && !data.classes) {
      r.report(
        withHint(
          diag("E207", st.span, `${what} reads each example's class, and the data has none`),
          "add `classes = 10` (say) to `data`, with a labelled source",
        ),
      );
      return false;
    }
    if (op.kind === "embedding" && data?.classes && op.classes !== data.classes) {
      r.report(diag("E207", st.span, `\`embedding\` has ${op.classes} classes, the data ${data.classes}`));
      return false;
    }
    if (op.kind === "batchnorm") op.classes = data?.classes ?? 2;
    return true;
  }
  checkInit(r, st, op, net, data);
  return true;
}

function checkInit(r: Reporter, st: A.Layer, op: M.LayerOp, net: string, data: M.DataSpec | undefined) {
  if ("init" in op && op.init.kind === "data_logit") {
    r.report(
      withHint(
        diag("E208", st.span, "data_logit", "initialises a bias, not weights"),
        "write `bias_init = data_logit()`",
      ),
    );
    return;
  }
  if (!("biasInit" in op) || op.biasInit.kind !== "data_logit") return;
  const why = net !== "generator"
    ? "is the generator's output bias: the logit of each feature's mean over the training set"
    : op.kind !== "dense"
    ? "needs a `dense` layer: one bias per data feature"
    : data && op.units !== shapeSize(data.shape)
    ? `needs one unit per data feature (${shapeSize(data.shape)}), not ${op.units}`
    : undefined;
  if (why) r.report(diag("E208", st.span, "data_logit", why));
}
