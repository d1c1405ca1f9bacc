// The `data` section: the source, the range the values are scaled into, the classes of a labelled
// source and the augmentations of each real example.
import type * as A from "../../ast.ts";
import { diag } from "../../diagnostics/diagnostic.ts";
import type * as M from "../../model.ts";
import { isToySource } from "../../support/api.ts";
import { listOf, num, readVariant, type Reporter, word } from "./readers.ts";
import { sourceVariants } from "./schema.ts";
import { Options } from "./sections.ts";
import type { Scope } from "./values.ts";

export function readData(r: Reporter, scope: Scope, s: A.Section): M.DataSpec | undefined {
  const o = new Options(r, scope, s, "`data`", ["source", "range", "classes", "augment"]);
  const augment = o.get("augment", listOf(word(["flip"] as const, "augmentation")), []);
  const classes = o.get("classes", num({ int: true, min: 2, max: 1000 }), 0);
  const src = o.get("source", (r, v, what) => readVariant(r, v, sourceVariants, what, "data source"));
  const range = o.get("range", (r, v, what) => {
    if (v.kind === "bad") return undefined;
    const xs = (v.kind === "list" && v.items.length === 2)
      ? v.items.map((x, i) => num()(r, x, `${what}[${i}]`))
      : undefined;
    if (!xs) {
      return r.report(
        diag(
          "E201",
          v.span,
          what,
          "a list `[low, high]`",
          v.kind === "list" ? `a list of ${v.items.length}` : "something else",
        ),
      );
    }
    if (xs.some((x) => x === undefined)) return undefined;
    if (!(xs[0]! < xs[1]!)) return r.report(diag("E207", v.span, "`range` needs low < high"));
    return [xs[0]!, xs[1]!] as [number, number];
  }, [0, 1] as [number, number]);
  if (!src || !range || classes === undefined) return undefined;
  if (classes) {
    // the sources whose readers give labels: the bundled digits, CIFAR-10, IDX with a labels file, a folder
    // of images in one subfolder per class
    const k = src.source.kind;
    const why = k === "idx" && !src.source.labels
      ? 'an `idx` source needs its labels file: `idx("images", labels = "labels")`'
      : k !== "mnist" && k !== "idx" && k !== "cifar10" && k !== "images"
      ? `the \`${k}\` source has no labels`
      : undefined;
    // reported, and kept: the layers and losses that read the classes are still checked against them
    if (why) r.report(diag("E207", o.keySpan("classes") ?? s.nameSpan, `\`classes\` needs labelled data: ${why}`));
  }
  if (augment?.length) {
    const why = isToySource(src.source)
      ? `the \`${src.source.kind}\` source draws points, not images`
      : src.shape[2] < 2
      ? "examples one value wide have nothing to flip"
      : undefined;
    if (why) r.report(diag("E207", o.keySpan("augment") ?? s.nameSpan, `\`augment = [flip]\` flips images: ${why}`));
  }
  return {
    source: src.source,
    shape: src.shape,
    range,
    ...(classes ? { classes } : {}),
    ...(augment?.length ? { augment: [...new Set(augment)] } : {}),
    span: s.span,
  };
}
