// The IR as stable, diffable text (`gan ir`). Nodes are numbered per listing in the order printed.
import { topo } from "./autodiff.ts";
import type { Node } from "./node.ts";
import { Op } from "./ops.ts";
import type { Phase, StepProgram } from "./program.ts";

function argText(n: Node): string {
  if (n.arg === null || n.arg === undefined) return "";
  if (n.op === Op.PARAM || n.op === Op.INPUT) return ` ${n.arg}`;
  if (n.op === Op.CONST) return ` ${Number((n.arg as number).toPrecision(12))}`;
  if (Array.isArray(n.arg)) return ` [${n.arg.join(", ")}]`;
  return " " + Object.entries(n.arg as Record<string, unknown>).map(([k, v]) => `${k}=${v}`).join(" ");
}

export interface PrintOptions {
  /** Include gradients and optimiser updates; otherwise only what the metrics need. */
  backward?: boolean;
}

export function printProgram(p: StepProgram, opts: PrintOptions = {}): string {
  const lines: string[] = [];
  lines.push(
    `program ${JSON.stringify(p.name)}: batch ${p.batch}, latent ${p.latentDim}, data [${p.dataShape.join(", ")}]`,
  );
  lines.push(`phases per step: ${p.phases.map((ph) => ph.name).join(", ")}`);
  lines.push("");
  for (const d of p.params) {
    lines.push(`param ${d.name} [${d.shape.join(", ")}] ${d.role}${d.trainable ? "" : " (state)"}`);
  }
  const phases = opts.backward ? [p.init, ...p.phases] : p.phases;
  for (const ph of phases) {
    lines.push("");
    for (const line of printPhase(ph, opts)) lines.push(line);
  }
  return lines.join("\n") + "\n";
}

/** A constant broadcast to a shape (expand of reshape of const) prints inline as its value. */
function constantValue(n: Node): number | undefined {
  let x = n;
  while (x.op === Op.EXPAND || x.op === Op.RESHAPE) x = x.src[0];
  return x.op === Op.CONST ? (x.arg as number) : undefined;
}

function printPhase(ph: Phase, opts: PrintOptions): string[] {
  const roots = [...Object.values(ph.metrics), ...(opts.backward ? ph.updates.map((u) => u.value) : [])];
  const order = topo(...roots).sort((a, b) => a.id - b.id).filter((n) =>
    n.op !== Op.PARAM && n.op !== Op.INPUT && constantValue(n) === undefined
  );
  const ids = new Map<Node, string>();
  const ref = (n: Node): string => {
    if (n.op === Op.PARAM || n.op === Op.INPUT) return String(n.arg);
    const c = constantValue(n);
    if (c !== undefined) return String(Number(c.toPrecision(12)));
    return ids.get(n)!;
  };
  const out = [`phase ${ph.name}${ph.realInputs.length ? ` (reads ${ph.realInputs.join(", ")})` : ""}:`];
  let lastTag: string | undefined;
  order.forEach((n, i) => {
    ids.set(n, `%${i}`);
    if (n.tag !== lastTag && n.tag) out.push(`  # ${n.tag}`);
    lastTag = n.tag;
    const srcs = n.src.map(ref).join(", ");
    out.push(
      `  %${i} = ${n.op}${argText(n).replace(/^ (PARAM|INPUT)/, "")}${srcs ? ` (${srcs})` : ""} : [${
        n.shape.join(", ")
      }]`,
    );
  });
  for (const [k, v] of Object.entries(ph.metrics)) out.push(`  metric ${k} = ${ref(v)}`);
  if (opts.backward) { for (const u of ph.updates) out.push(`  update ${u.param} = ${ref(u.value)}`); }
  return out;
}
