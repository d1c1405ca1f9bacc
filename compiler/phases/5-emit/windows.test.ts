// Arena windows: how they are cut, and how a kernel's text is bound to them.
import { describe, expect, test } from "vitest";
import { lowerSource, planForTraining } from "../../index.ts";
import { checkLimits } from "./limits.ts";
import type { Location } from "./frame.ts";
import { HEADER } from "./frame.ts";
import { bindWindows, WINDOW_ALIGN, windowsOf } from "./windows.ts";

/** Deterministic pseudo-random integers. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

describe("windowsOf", () => {
  test("windows are aligned, disjoint, within a binding and a buffer, and cover every value", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = lcg(seed);
      const binding = WINDOW_ALIGN * (1 + r(40));
      const chunk = binding * (1 + r(4));
      const size = chunk * (1 + r(5));
      const locs: Location[] = Array.from({ length: 1 + r(8) }, (_, i) => {
        const offset = 4 * r(size / 4 - 1);
        return { arena: "state", offset, count: 1 + r(Math.min(size - offset, 3 * binding)), name: `v${i}` };
      });
      const wins = windowsOf(locs, binding, chunk, size);
      for (const [i, w] of wins.entries()) {
        expect(w.start % WINDOW_ALIGN).toBe(0);
        expect(w.end - w.start).toBeLessThanOrEqual(binding);
        expect(w.end).toBeGreaterThan(w.start);
        expect(Math.floor(w.start / chunk)).toBe(Math.floor((w.end - 1) / chunk));
        if (i) expect(w.start).toBeGreaterThanOrEqual(wins[i - 1].end);
      }
      for (const l of locs) {
        for (let x = l.offset; x < l.offset + l.count!; x += 1 + Math.floor(l.count! / 7)) {
          expect(wins.some((w) => w.start <= x && x < w.end), `seed ${seed}: ${l.name}[${x}]`).toBe(true);
        }
      }
    }
  });
});

describe("bindWindows", () => {
  const kernel = `// a kernel
${HEADER.trim()}
const G_small = 8u;
const G_big = 512u;
const t_out = 64u;

fn main(i: u32) {
  let a = state[G_small + (i)] + state[G_big + (i * 2u)];
  temp[t_out + i] = a * f32(clock[2u]);
  state[G_big + (i)] = temp[t_out + (i)];
}
`;
  const uses: Location[] = [
    { arena: "state", offset: 8, count: 16, name: "G_small" },
    { arena: "state", offset: 512, count: 700, name: "G_big" },
    { arena: "temp", offset: 64, count: 32, name: "t_out" },
  ];

  test("a value within one window reads its binding from a rebased offset; one over several, through accessors", () => {
    const out = bindWindows(kernel, uses, { binding: 256, chunk: 512, sizes: { state: 2048, temp: 256 } });
    // state: [0, 64) for G_small, then G_big's [512, 1216) cut at 256 floats: 512, 768, 1024..1216
    expect(out.bindings).toEqual([
      ["state", 0, 64],
      ["state", 512, 256],
      ["state", 768, 256],
      ["state", 1024, 192],
      ["temp", 64, 64],
      ["clock"],
    ]);
    expect(out.wgsl).toContain("@group(0) @binding(3) var<storage, read_write> state_3: array<f32>;");
    expect(out.wgsl).toContain("@group(0) @binding(5) var<storage, read> clock: array<u32>;");
    expect(out.wgsl).not.toMatch(/\b(data|perm)\b/);
    expect(out.wgsl).toContain("const G_small = 8u;"); // window 0 starts at 0
    expect(out.wgsl).toContain("const G_big = 512u;"); // through accessors: its arena offset
    expect(out.wgsl).toContain("const t_out = 0u;"); // rebased to its window
    expect(out.wgsl).toContain("let a = state[G_small + (i)] + ld_state(G_big + (i * 2u));");
    expect(out.wgsl).toContain("temp[t_out + i] = a * f32(clock[2u]);");
    expect(out.wgsl).toContain("st_state(G_big + (i), temp[t_out + (i)]);");
    expect(out.wgsl).toContain("if (i < 768u) { return state_1[i - 512u]; }");
    expect(out.wgsl).toContain("state_3[i - 1024u] = v;");
  });

  test("an arena access without a named offset is a compiler error, not a wrong kernel", () => {
    const bad = kernel.replace("temp[t_out + i] =", "temp[i] =");
    expect(() => bindWindows(bad, uses, { binding: 256, chunk: 512, sizes: { state: 2048, temp: 256 } }))
      .toThrow(/indexes temp without a named offset/);
  });
});

describe("the paper's fully connected TFD and CIFAR-10 models", () => {
  for (const name of ["tfd-mlp", "cifar10-fc"]) {
    test(
      `${name}.gan plans within WebGPU's default limits: arenas in buffers of 256 MiB, bindings of 128 MiB, at most 8 buffers a kernel`,
      () => {
        const text = Deno.readTextFileSync(new URL(`../../../specs/${name}.gan`, import.meta.url));
        const { program, spec } = lowerSource(text);
        const plan = planForTraining(program!, spec!);
        expect(4 * plan.stateSize).toBeGreaterThan(256 * 2 ** 20); // over one buffer, let alone one binding
        expect(plan.chunk).toBe(2 ** 26);
        expect(checkLimits(plan)).toEqual([]);
        const kernels = [plan.init, ...plan.phases].flatMap((p) => p.kernels).concat(plan.sampler!.kernels);
        expect(Math.max(...kernels.map((k) => k.bindings!.length))).toBeLessThanOrEqual(8);
        // the 8000 x 8000 weight spans windows: its kernels read it through accessors
        expect(kernels.some((k) => k.wgsl.includes("ld_state(G_2_weight"))).toBe(true);
      },
      120_000,
    );
  }
});
