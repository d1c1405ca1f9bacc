// `gan diff`: two checked specs compared by meaning. Each network's layers are aligned (a longest common
// subsequence of their descriptions, then unmatched layers of the same kind paired as changes); the data,
// latent prior, losses, optimisers and schedule are compared as the summary describes them; the compiled
// kernel plans are compared by what each kernel fuses. Formatting and comments never reach a checked
// spec, so they are never a difference.
import type * as M from "../model.ts";
import type { Plan } from "../phases/5-emit/plan.ts";
import { showShape } from "../phases/2-check/shapes.ts";
import { describeLoss } from "../phases/2-check/loss.ts";
import { describeAverage } from "../phases/2-check/schema.ts";
import {
  describeData,
  describeOptimizer,
  describePrior,
  describeSchedule1,
  layerRows,
  networkTotals,
} from "../summary/summary.ts";

export interface LayerRow {
  /** The layer's index in the order layers run; -1 for a group's header (a residual, shortcut or block use). */
  index: number;
  /** Its checkpoint path (`3`, `3.shortcut.0`), or the group's. */
  path: string;
  layer: string;
  kind: string;
  output: string;
  params: number;
  flops: number;
}

export type LayerChange =
  | { change: "same"; before: LayerRow; after: LayerRow }
  | { change: "changed"; before: LayerRow; after: LayerRow }
  | { change: "removed"; before: LayerRow }
  | { change: "added"; after: LayerRow };

export interface Totals {
  params: number;
  flops: number;
}

export interface NetworkDiff {
  name: "generator" | "discriminator";
  io: { before: string; after: string };
  layers: LayerChange[];
  before: Totals;
  after: Totals;
}

export interface SettingChange {
  setting: string;
  before: string;
  after: string;
}

/** The kernels of a compiled step: per phase, each kernel's label (what it computes and fuses). */
export interface PlanOutline {
  target: string;
  phases: { name: string; kernels: string[] }[];
}

/** A plan's outline; labels lose their phase and spec line numbers, which move when nothing else does. */
export function planOutline(plan: Plan): PlanOutline {
  const label = (l: string) => l.replace(/^[^:]*: /, "").replace(/ \(line \d+\)/g, "");
  return {
    target: plan.target,
    phases: plan.phases.map((p) => ({ name: p.name, kernels: p.kernels.map((k) => label(k.label)) })),
  };
}

export interface PlanDiff {
  target: string;
  before: { kernels: number; phases: Record<string, number> };
  after: { kernels: number; phases: Record<string, number> };
  removed: string[];
  added: string[];
}

export interface SpecDiff {
  same: boolean;
  networks: NetworkDiff[];
  settings: SettingChange[];
  plan?: PlanDiff;
  totals: { before: Totals; after: Totals };
}

// rows as `gan summary` shows them: groups as headers, nested layers indented, so alignment respects nesting
const rows = (n: M.Network): LayerRow[] =>
  layerRows(n).map(({ path, text, layer: l }) =>
    l
      ? {
        index: l.index,
        path,
        layer: text,
        kind: l.op.kind === "activation" ? l.op.activation.kind : l.op.kind,
        output: showShape(l.outShape),
        params: l.params,
        flops: l.flops,
      }
      : {
        index: -1,
        path,
        layer: text,
        kind: `group ${text.trim().replace(/\(.*/, "")}`,
        output: "",
        params: 0,
        flops: 0,
      }
  );

/** Pairs of equal items (by key) in order: a longest common subsequence. */
function lcs<T>(a: T[], b: T[], key: (x: T) => string): [number, number][] {
  const n = a.length;
  const m = b.length;
  const t = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      t[i][j] = key(a[i]) === key(b[j]) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
    }
  }
  const out: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    if (key(a[i]) === key(b[j])) out.push([i++, j++]);
    else if (t[i + 1][j] >= t[i][j + 1]) i++;
    else j++;
  }
  return out;
}

/** Aligns two layer lists: equal layers first, then, between them, layers of one kind as changes. */
export function alignLayers(a: LayerRow[], b: LayerRow[]): LayerChange[] {
  const pairs = lcs(a, b, (r) => r.layer);
  const out: LayerChange[] = [];
  let i = 0;
  let j = 0;
  const gap = (iEnd: number, jEnd: number) => {
    const removed = a.slice(i, iEnd);
    const added = b.slice(j, jEnd);
    // pair layers of the same kind in order (dense(1200) -> dense(1000)); the rest were removed or added
    const kinds = lcs(removed, added, (r) => r.kind);
    let x = 0;
    let y = 0;
    for (const [p, q] of [...kinds, [removed.length, added.length] as [number, number]]) {
      while (x < p) out.push({ change: "removed", before: removed[x++] });
      while (y < q) out.push({ change: "added", after: added[y++] });
      if (p < removed.length && q < added.length) {
        out.push({ change: "changed", before: removed[x++], after: added[y++] });
      }
    }
    [i, j] = [iEnd, jEnd];
  };
  for (const [p, q] of pairs) {
    gap(p, q);
    const [before, after] = [a[p], b[q]];
    // the same layer can still change shape, and so parameters, when something before it changed
    const same = before.output === after.output && before.params === after.params && before.flops === after.flops;
    out.push({ change: same ? "same" : "changed", before, after });
    [i, j] = [p + 1, q + 1];
  }
  gap(a.length, b.length);
  return out;
}

function settings(s: M.CheckedSpec): Record<string, string> {
  const loss = s.loss;
  return {
    name: s.name || "(unnamed)",
    data: describeData(s.data),
    latent: describePrior(s.latent),
    "G loss": describeLoss(loss).g,
    "D loss": describeLoss(loss).d,
    "G optimizer": describeOptimizer(s.optimizers.generator),
    "D optimizer": describeOptimizer(s.optimizers.discriminator),
    schedule: describeSchedule1(s.train),
    sampling: s.train.generatorAverage ? describeAverage(s.train.generatorAverage) : "G's trained weights",
  };
}

/** Kernel labels without their phase's prefix, so one kernel moved between phases still matches by content. */
function planDiff(a: PlanOutline, b: PlanOutline): PlanDiff {
  const count = (p: PlanOutline) => ({
    kernels: p.phases.reduce((s, ph) => s + ph.kernels.length, 0),
    phases: Object.fromEntries(p.phases.map((ph) => [ph.name, ph.kernels.length])),
  });
  const bag = (p: PlanOutline) => p.phases.flatMap((ph) => ph.kernels);
  const left = new Map<string, number>();
  for (const k of bag(a)) left.set(k, (left.get(k) ?? 0) + 1);
  const added: string[] = [];
  for (const k of bag(b)) {
    const c = left.get(k) ?? 0;
    if (c > 0) left.set(k, c - 1);
    else added.push(k);
  }
  const removed = [...left].flatMap(([k, c]) => new Array<string>(c).fill(k));
  return { target: b.target, before: count(a), after: count(b), removed, added };
}

export function diffSpecs(a: M.CheckedSpec, b: M.CheckedSpec, plans?: [PlanOutline, PlanOutline]): SpecDiff {
  const networks = (["generator", "discriminator"] as const).map((name): NetworkDiff => {
    const [na, nb] = [a[name], b[name]];
    return {
      name,
      io: {
        before: `${showShape(na.inShape)} -> ${showShape(na.outShape)}`,
        after: `${showShape(nb.inShape)} -> ${showShape(nb.outShape)}`,
      },
      layers: alignLayers(rows(na), rows(nb)),
      before: networkTotals(na),
      after: networkTotals(nb),
    };
  });
  const [sa, sb] = [settings(a), settings(b)];
  const changed = Object.keys(sa).filter((k) => sa[k] !== sb[k]).map((k) => ({
    setting: k,
    before: sa[k],
    after: sb[k],
  }));
  const sum = (s: M.CheckedSpec) => {
    const [g, d] = [networkTotals(s.generator), networkTotals(s.discriminator)];
    return { params: g.params + d.params, flops: g.flops + d.flops };
  };
  const same = changed.length === 0 && networks.every((n) => n.layers.every((l) => l.change === "same"));
  return {
    same,
    networks,
    settings: changed,
    ...(plans ? { plan: planDiff(...plans) } : {}),
    totals: { before: sum(a), after: sum(b) },
  };
}

export interface Paint {
  added: (s: string) => string;
  removed: (s: string) => string;
  changed: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
}

const n = (x: number) => x.toLocaleString("en-US");
const delta = (a: number, b: number) => (a === b ? n(a) : `${n(a)} -> ${n(b)} (${b > a ? "+" : ""}${n(b - a)})`);

/** A row's shape and size for the text: nothing for a group's header. */
const tail = (r: LayerRow, flops = false) =>
  r.index < 0 ? "" : `  ${r.output}  ${n(r.params)} params${flops ? `, ${n(r.flops)} FLOPs` : ""}`;

/** The diff as text: every layer of a changed network, marked `=` `~` `-` `+`; settings; the plan; totals. */
export function renderDiff(d: SpecDiff, nameA: string, nameB: string, c: Paint): string {
  const out: string[] = [`--- ${nameA}`, `+++ ${nameB}`];
  if (d.same) return [...out, "same architecture and setup (formatting and comments aside)"].join("\n") + "\n";
  for (const net of d.networks) {
    const unchanged = net.layers.every((l) => l.change === "same");
    if (unchanged) {
      out.push("", c.dim(`${net.name}: unchanged (${net.layers.length} layers, ${n(net.after.params)} parameters)`));
      continue;
    }
    const io = net.io.before === net.io.after ? net.io.after : `${net.io.before} => ${net.io.after}`;
    out.push(
      "",
      c.bold(
        `${net.name}: ${io}; parameters ${delta(net.before.params, net.after.params)}; FLOPs per example ${
          delta(net.before.flops, net.after.flops)
        }`,
      ),
    );
    for (const l of net.layers) {
      if (l.change === "same") {
        out.push(
          c.dim(
            `    ${l.after.path.padStart(2)}  ${l.after.layer}${tail(l.after)}`,
          ),
        );
      } else if (l.change === "removed") {
        out.push(
          c.removed(
            `  - ${l.before.path.padStart(2)}  ${l.before.layer}${tail(l.before, true)}`,
          ),
        );
      } else if (l.change === "added") {
        out.push(
          c.added(
            `  + ${l.after.path.padStart(2)}  ${l.after.layer}${tail(l.after, true)}`,
          ),
        );
      } else {
        const what = l.before.layer === l.after.layer
          ? l.after.layer
          : `${l.before.layer} => ${l.after.layer.trimStart()}`;
        const shape = l.before.output === l.after.output ? l.after.output : `${l.before.output} => ${l.after.output}`;
        out.push(
          c.changed(
            `  ~ ${l.after.path.padStart(2)}  ${what}  ${shape}  params ${
              delta(l.before.params, l.after.params)
            }, FLOPs ${delta(l.before.flops, l.after.flops)}`,
          ),
        );
      }
    }
  }
  if (d.settings.length) {
    out.push("", c.bold("setup:"));
    for (const s of d.settings) out.push(c.changed(`  ~ ${s.setting}: ${s.before} => ${s.after}`));
  }
  if (d.plan) {
    const p = d.plan;
    const phases = [...new Set([...Object.keys(p.before.phases), ...Object.keys(p.after.phases)])];
    out.push(
      "",
      c.bold(`kernel plan (${p.target} target): ${delta(p.before.kernels, p.after.kernels)} kernels per step`),
    );
    out.push(
      `  per phase: ${
        phases.map((ph) => `${ph} ${delta(p.before.phases[ph] ?? 0, p.after.phases[ph] ?? 0)}`).join("; ")
      }`,
    );
    const most = 12;
    for (const k of p.removed.slice(0, most)) out.push(c.removed(`  - ${k}`));
    if (p.removed.length > most) {
      out.push(c.removed(`  - ... ${p.removed.length - most} more removed (--json lists them all)`));
    }
    for (const k of p.added.slice(0, most)) out.push(c.added(`  + ${k}`));
    if (p.added.length > most) out.push(c.added(`  + ... ${p.added.length - most} more added (--json lists them all)`));
  }
  out.push(
    "",
    c.bold(
      `totals: parameters ${delta(d.totals.before.params, d.totals.after.params)}; FLOPs per example (G + D) ${
        delta(d.totals.before.flops, d.totals.after.flops)
      }`,
    ),
  );
  return out.join("\n") + "\n";
}
