// The plan's arena layout, asserted without a GPU: which updates are written in place, which weights keep their textures.
import { expect, test } from "vitest";
import { lowerSource } from "../../index.ts";
import { Op } from "../../ir/ops.ts";
import { planProgram, planProgramDetailed } from "./plan.ts";

const mnist = () =>
  lowerSource(Deno.readTextFileSync(new URL("../../../specs/mnist-mlp.gan", import.meta.url))).program!;

test("a training phase's updates follow every reader of the old values, so all are written in place", () => {
  const program = mnist();
  for (const target of ["software", "gpu"]) {
    // before this order, D.6.weight (software) and D.4, D.6, G.2 and G.4 (gpu: the input-gradient
    // products read them after their updates) were computed in temp and copied after the phase
    expect(planProgram(program, { target }).phases[0].copies, target).toEqual([]);
    const kernels = planProgramDetailed(program, { target }).details[1].kernels.map((k) => k.kernel);
    for (const u of program.phases[0].updates) {
      const at = kernels.findIndex((k) => k.root === u.value || k.extras?.includes(u.value));
      expect(at, u.param).toBeGreaterThanOrEqual(0);
      const later = kernels.slice(at + 1).filter((k) =>
        [...k.reads, ...(k.texReads ?? [])].some((n) => n.op === Op.PARAM && n.arg === u.param)
      );
      expect(later, `${target}: ${u.param} read after its update`).toEqual([]);
    }
  }
  const soft = planProgram(program, { target: "software" });
  // velocities and biases never need a copy; init writes every parameter in place but those whose first
  // value is shared with another (the zeros of velocities of one shape): those are copied
  const init = program.init.updates;
  const shared = (param: string) =>
    init.filter((u) => u.value === init.find((v) => v.param === param)!.value).length > 1;
  expect(soft.init.copies.length).toBeGreaterThan(0);
  for (const c of soft.init.copies) expect(shared(c.param), c.param).toBe(true);
  expect(init.filter((u) => !shared(u.param)).length).toBe(program.params.length - soft.init.copies.length);
});

test("a value that initialises several parameters (every batchnorm's gamma is the same ones) reaches each of them", () => {
  const { program } = lowerSource(Deno.readTextFileSync(new URL("../../../specs/dcgan-mnist.gan", import.meta.url)));
  const plan = planProgram(program!);
  const ones = program!.init.updates.filter((u) => u.param.endsWith(".gamma") || u.param.endsWith(".running_var"));
  expect(ones.length).toBe(6);
  expect(new Set(ones.map((u) => u.value)).size).toBe(2); // the ones of [128] and of [64], shared
  // none is written in place; each gets its own copy
  const copied = new Set(plan.init.copies.map((c) => c.param));
  for (const u of ones) expect(copied.has(u.param), u.param).toBe(true);
});

test("kernels name every arena offset they use: a constant per value, declared once, no bare numbers", () => {
  for (const target of ["software", "gpu"]) {
    const plan = planProgram(mnist(), { target });
    const kernels = [plan.init, ...plan.phases].flatMap((p) => p.kernels);
    for (const { label, wgsl } of kernels) {
      expect(wgsl, label).not.toMatch(/\b(?:state|temp)\[\(?\d/);
      const consts = [...wgsl.matchAll(/^const (\w+) = (\d+)u;$/gm)].map((m) => m[1]);
      expect(new Set(consts).size, label).toBe(consts.length);
      for (const c of consts) expect(wgsl, label).not.toMatch(new RegExp(`\\b(?:let|var) ${c}\\b`));
    }
    // parameters by name, optimiser state and temp values by what they hold
    const all = kernels.map((k) => k.wgsl).join("\n");
    const offset = (name: string) => plan.params.find((p) => p.name === name)!.offset;
    expect(all).toContain(`const G_0_weight = ${offset("G.0.weight")}u;`);
    expect(all).toContain(`const opt_G_0_weight_velocity = ${offset("opt.G.0.weight.velocity")}u;`);
    expect(all).toMatch(/const t_real_0 = \d+u;[^]*temp\[t_real_0 \+ i\] = v;/);
    expect(all).toMatch(/const t_G_0_dense_add = \d+u;/);
  }
});

test("a training plan keeps the MLP's weight textures across steps: the updates write them, repack fills them", () => {
  const program = mnist();
  const { plan, repack } = planProgramDetailed(program, { target: "software", persistWeights: true });
  const names = repack.map((r) => r.kernel.root.arg as string).sort();
  expect(names).toEqual(["D.2.weight", "D.4.weight", "G.0.weight", "G.2.weight", "G.4.weight"]);
  expect(plan.repack!.length).toBe(5);
  const step = plan.phases[0].kernels;
  // no step packs them; five update kernels write their textures (a write binding beside the reads)
  expect(step.filter((k) => names.some((n) => k.label.includes(`pack param`) && k.label.includes(n)))).toEqual([]);
  const writers = step.filter((k) => k.textures?.some((t) => t.access === "write") && k.label.includes("matmul"));
  expect(writers.length).toBe(5);
  for (const k of writers) expect(k.wgsl).toContain("textureStore(W,");
  // each persisting texture belongs to its weight alone
  const ids = plan.repack!.map((k) => k.textures![0].id);
  for (const k of step) {
    for (const t of k.textures ?? []) {
      if (t.access === "write" && !k.label.includes("matmul")) expect(ids).not.toContain(t.id);
    }
  }
  // without it (the default), or on buffer operands, weights are packed each step as before
  expect(planProgram(program, { target: "software" }).repack).toBeUndefined();
  expect(planProgram(program, { target: "gpu", persistWeights: true }).repack).toBeUndefined();
});
