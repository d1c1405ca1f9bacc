// Arenas larger than one storage binding. WebGPU binds at most maxStorageBufferBindingSize bytes of a
// buffer (128 MiB by default) and allocates at most maxBufferSize (256 MiB): a model whose parameters
// or step values exceed them (the paper's TFD and CIFAR-10 nets hold an 8000 x 8000 weight, 244 MiB)
// keeps each arena as several buffers of `chunk` floats, and each kernel binds windows of them: the
// ranges of the values it touches, each window within one buffer and one binding.
//
// A value inside one window is read as before, its offset constant rebased to the window's start
// (`state_1[G_2_weight + i]`). A value that spans windows (one larger than a binding, or one cut by a
// buffer's end) keeps its arena offset and is read and written through accessors that pick the window:
// `ld_state(G_1_weight + i)`, `st_state(G_1_weight + i, v)`. The kernel's arithmetic is unchanged, so a
// windowed plan computes bit for bit what the plain one does. Plans whose arenas fit one binding are
// not windowed at all.
import type { Arena, GroupBinding } from "../../support/webgpu.ts";
import type { Location } from "./frame.ts";

export type { Arena, GroupBinding };

/** The two limits arenas are laid out for, in bytes. */
export interface ArenaLimits {
  maxStorageBufferBindingSize: number;
  maxBufferSize: number;
}

/** WebGPU's default limits, which every adapter offers. */
export const DEFAULT_ARENA_LIMITS: ArenaLimits = {
  maxStorageBufferBindingSize: 134_217_728,
  maxBufferSize: 268_435_456,
};

/** Window starts and buffer sizes are multiples of 64 floats: 256 bytes, WebGPU's default offset alignment. */
export const WINDOW_ALIGN = 64;

const down = (x: number) => Math.floor(x / WINDOW_ALIGN) * WINDOW_ALIGN;
const up = (x: number) => Math.ceil(x / WINDOW_ALIGN) * WINDOW_ALIGN;

/** Floats per binding and per arena buffer under some limits; undefined where both arenas fit one binding. */
export function arenaChunks(
  limits: ArenaLimits,
  stateFloats: number,
  tempFloats: number,
): { binding: number; chunk: number } | undefined {
  if (4 * Math.max(stateFloats, tempFloats) <= limits.maxStorageBufferBindingSize) return undefined;
  const binding = down(limits.maxStorageBufferBindingSize / 4);
  const chunk = down(limits.maxBufferSize / 4);
  if (binding < WINDOW_ALIGN || chunk < binding) {
    throw new Error(`arena limits too small to lay out: ${JSON.stringify(limits)}`);
  }
  return { binding, chunk };
}

interface Window {
  start: number;
  end: number;
}

/** Disjoint windows over the values of one arena a kernel uses: each within `binding` floats and one buffer. */
export function windowsOf(locs: readonly Location[], binding: number, chunk: number, size: number): Window[] {
  const out: Window[] = [];
  let cur: Window | undefined;
  for (const l of [...locs].sort((a, b) => a.offset - b.offset)) {
    const end = Math.min(size, up(l.offset + Math.max(1, l.count ?? 1)));
    if (cur && end <= cur.end) continue;
    if (cur && end - cur.start <= binding && Math.floor(cur.start / chunk) === Math.floor((end - 1) / chunk)) {
      cur.end = end;
      continue;
    }
    let start = Math.max(down(l.offset), cur?.end ?? 0);
    while (start < end) {
      const stop = Math.min(end, start + binding, (Math.floor(start / chunk) + 1) * chunk);
      cur = { start, end: stop };
      out.push(cur);
      start = stop;
    }
  }
  return out;
}

const DECL = /^@group\(0\) @binding\((\d+)\) var<storage, (read|read_write)> (\w+): (.+);$/gm;

/**
 * A kernel bound to windows of the arenas: its text with the arena bindings replaced by one per window
 * (`state`, `state_1`, .., then `temp`, `temp_1`, ..), then clock, data and perm where it reads them,
 * numbered from 0; its offset constants rebased; accessors for values that span windows.
 */
export function bindWindows(
  wgsl: string,
  uses: readonly Location[],
  layout: { binding: number; chunk: number; sizes: Record<Arena, number> },
): { wgsl: string; bindings: GroupBinding[] } {
  const decls = [...wgsl.matchAll(DECL)];
  if (decls.length !== 5) throw new Error("a kernel without the arenas' five bindings");
  const type = new Map(decls.map((m) => [m[3], m[4]]));
  const bindings: GroupBinding[] = [];
  const lines: string[] = [];
  /** For each location by constant name: the binding its accesses go to, or "split" for accessors. */
  const target = new Map<string, { arena: Arena; binding?: string }>();
  const rebased = new Map<string, number>();
  const accessors: string[] = [];
  for (const arena of ["state", "temp"] as const) {
    const locs = uses.filter((l) => l.arena === arena);
    const wins = windowsOf(locs, layout.binding, layout.chunk, layout.sizes[arena]);
    const names = wins.map((_, j) => (j ? `${arena}_${j}` : arena));
    const vec = type.get(arena) === "array<vec4<f32>>";
    let split = false;
    for (const l of locs) {
      const end = l.offset + Math.max(1, l.count ?? 1);
      const hit = wins.map((w, j) => [w, j] as const).filter(([w]) => w.start < end && l.offset < w.end);
      if (hit.length === 1) {
        const [w, j] = hit[0];
        target.set(l.name, { arena, binding: names[j] });
        rebased.set(l.name, l.offset - w.start);
      } else {
        target.set(l.name, { arena });
        split = true;
      }
    }
    wins.forEach((w, j) => {
      lines.push(`@group(0) @binding(${bindings.length}) var<storage, read_write> ${names[j]}: ${type.get(arena)};`);
      bindings.push([arena, w.start, w.end - w.start]);
    });
    if (split) accessors.push(accessorsFor(arena, wins, names, vec));
  }
  for (const [, , mode, name, t] of decls) {
    if (name === "state" || name === "temp") continue;
    if (!new RegExp(`\\b${name}\\[`).test(wgsl)) continue;
    lines.push(`@group(0) @binding(${bindings.length}) var<storage, ${mode}> ${name}: ${t};`);
    bindings.push([name as "clock" | "data" | "perm"]);
  }
  const first = decls[0].index!;
  const last = decls[4].index! + decls[4][0].length;
  let text = wgsl.slice(0, first) + lines.join("\n") + rewriteAccesses(wgsl.slice(last), target);
  text = text.replace(/^const (\w+) = (\d+)u;$/gm, (all, name: string) => {
    const at = rebased.get(name);
    return at === undefined ? all : `const ${name} = ${at}u;`;
  });
  return { wgsl: accessors.length ? `${text}\n${accessors.join("\n")}` : text, bindings };
}

/** ld_ARENA(i) and st_ARENA(i, v): element i of the arena (in its array's elements), from whichever window holds it. */
function accessorsFor(arena: Arena, wins: Window[], names: string[], vec: boolean): string {
  const unit = vec ? 4 : 1;
  const t = vec ? "vec4<f32>" : "f32";
  const at = (j: number) => `${names[j]}[i - ${wins[j].start / unit}u]`;
  const ld: string[] = [];
  const st: string[] = [];
  wins.forEach((w, j) => {
    if (j === wins.length - 1) {
      ld.push(`  return ${at(j)};`);
      st.push(`  ${at(j)} = v;`);
    } else {
      ld.push(`  if (i < ${w.end / unit}u) { return ${at(j)}; }`);
      st.push(`  if (i < ${w.end / unit}u) { ${at(j)} = v; return; }`);
    }
  });
  return [
    `// ${arena} over ${wins.length} windows: element i from the one that holds it`,
    `fn ld_${arena}(i: u32) -> ${t} {`,
    ...ld,
    "}",
    `fn st_${arena}(i: u32, v: ${t}) {`,
    ...st,
    "}",
  ].join("\n");
}

/** The index of the bracket matching the one at `open`. */
function matching(text: string, open: number, left: string, right: string): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === left) depth++;
    else if (text[i] === right && --depth === 0) return i;
  }
  throw new Error(`unbalanced ${left} in a kernel`);
}

/** Every `state[...]` and `temp[...]`: to its window's binding, or through the accessors. */
function rewriteAccesses(wgsl: string, target: Map<string, { arena: Arena; binding?: string }>): string {
  let out = "";
  let from = 0;
  const site = /\b(state|temp)\[/g;
  for (let m = site.exec(wgsl); m; m = site.exec(wgsl)) {
    if (m.index < from || /[\w.]/.test(wgsl[m.index - 1] ?? "")) continue;
    const open = m.index + m[1].length;
    const close = matching(wgsl, open, "[", "]");
    const index = wgsl.slice(open + 1, close);
    const name = /^\(?\s*([A-Za-z_]\w*)/.exec(index)?.[1];
    const t = name ? target.get(name) : undefined;
    if (!t || t.arena !== m[1]) throw new Error(`a kernel indexes ${m[1]} without a named offset: ${m[1]}[${index}]`);
    out += wgsl.slice(from, m.index);
    if (t.binding) {
      out += `${t.binding}[${index}]`;
      from = close + 1;
      continue;
    }
    const rest = /^\s*([+\-*/]?=)(?!=)/.exec(wgsl.slice(close + 1));
    if (!rest) {
      out += `ld_${m[1]}(${index})`;
      from = close + 1;
    } else {
      if (rest[1] !== "=") throw new Error(`a kernel updates ${m[1]} with ${rest[1]}`);
      const value = close + 1 + rest[0].length;
      const semi = statementEnd(wgsl, value);
      out += `st_${m[1]}(${index}, ${wgsl.slice(value, semi).trim()})`;
      from = semi;
    }
    site.lastIndex = from;
  }
  return out + wgsl.slice(from);
}

/** Where the statement starting at `at` ends: its `;` outside any brackets. */
function statementEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === ";" && depth === 0) return i;
  }
  throw new Error("a kernel statement without its ;");
}
