// Kernels name what they touch: every arena offset a kernel uses is a module-scope constant named for
// the value it holds, declared after the bindings, so `state[G_0_weight + i]` reads without plan.json.
import type { Node } from "../../ir/node.ts";
import type { Location } from "./frame.ts";

/**
 * A location's name as a WGSL identifier: a parameter's name with every run of other characters as
 * `_` (`opt.G.0.weight.velocity` -> `opt_G_0_weight_velocity`), a temp value's behind `t_`. Kernels'
 * own names (i, v0, acc0_0, ci4_0, rand_uniform, state, A, ...) and WGSL's reserved words never start
 * with `G_`, `D_`, `opt_`, `avg_` or `t_`; a parameter name that would not start so gets `s_`.
 */
function identifier(loc: Location): string {
  const words = loc.name.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  if (loc.arena === "temp") return `t_${words}`;
  return /^(?:G|D|opt|avg)_/.test(words) ? words : `s_${words}`;
}

/**
 * The offsets one kernel uses. `where` hands the emitter locations whose `name` is the constant to
 * write (unique within the kernel: a second `t_add` is `t_add_2`); `declare` adds the constants the
 * kernel's text uses after its bindings.
 */
export class OffsetNames {
  private readonly byPlace = new Map<string, Location>();
  private readonly taken = new Set<string>();
  constructor(private readonly of: (n: Node) => Location | undefined = () => undefined) {}

  readonly where = (n: Node): Location | undefined => {
    const loc = this.of(n);
    return loc && this.named(loc);
  };

  named(loc: Location): Location {
    const place = `${loc.arena}:${loc.offset}`;
    let hit = this.byPlace.get(place);
    if (!hit) {
      const base = identifier(loc);
      let name = base;
      for (let k = 2; this.taken.has(name); k++) name = `${base}_${k}`;
      this.taken.add(name);
      hit = { ...loc, name };
      this.byPlace.set(place, hit);
    }
    return hit;
  }

  /** The locations a kernel's text uses, state then temp, each by offset. */
  used(wgsl: string): Location[] {
    return [...this.byPlace.values()]
      .filter((l) => new RegExp(`\\b${l.name}\\b`).test(wgsl))
      .sort((a, b) => (a.arena === b.arena ? a.offset - b.offset : a.arena === "state" ? -1 : 1));
  }

  /** The kernel with `const NAME = OFFSETu;` for each offset it uses, after its bindings: state, then temp. */
  declare(wgsl: string): string {
    const used = this.used(wgsl);
    if (!used.length) return wgsl;
    const bindings = /(?:^@group\(.*\n)+/m.exec(wgsl);
    if (!bindings) throw new Error("a kernel without bindings uses the arenas");
    const at = bindings.index + bindings[0].length;
    const consts = used.map((l) => `const ${l.name} = ${l.offset}u;`).join("\n");
    return `${
      wgsl.slice(0, at)
    }\n// offsets (in floats) into the arenas of the values this kernel reads and writes\n${consts}\n${wgsl.slice(at)}`;
  }
}
