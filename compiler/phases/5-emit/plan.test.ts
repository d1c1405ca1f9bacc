// The plan's arena layout, asserted without a GPU: which updates are written in place.
import { expect, test } from "vitest";
import { lowerSource } from "../../index.ts";
import { planProgram } from "./plan.ts";

const mnist = () =>
  lowerSource(Deno.readTextFileSync(new URL("../../../specs/mnist-mlp.gan", import.meta.url))).program!;

test("updates are written straight into the state arena unless a later kernel still reads the old value", () => {
  const program = mnist();
  // texture operands: products read weights from textures packed before any update, so every update but
  // D's last layer (whose small products read its buffer) is written in place, with no copy
  const soft = planProgram(program, { target: "software" });
  expect(soft.phases[0].copies.map((c) => c.param)).toEqual(["D.6.weight"]);
  // buffer operands: the input-gradient products read D.4, D.6, G.2 and G.4 after their updates are computed
  const gpu = planProgram(program, { target: "gpu" });
  expect(gpu.phases[0].copies.map((c) => c.param).sort()).toEqual([
    "D.4.weight",
    "D.6.weight",
    "G.2.weight",
    "G.4.weight",
  ]);
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
