// The plan's arena layout, asserted without a GPU: which updates are written in place.
import { expect, test } from "vitest";
import { lowerSource } from "../../index.ts";
import { planProgram } from "./plan.ts";

const mnist = () => lowerSource(Deno.readTextFileSync(new URL("../../../specs/mnist-mlp.gan", import.meta.url))).program!;

test("updates are written straight into the state arena unless a later kernel still reads the old value", () => {
  const program = mnist();
  // texture operands: products read weights from textures packed before any update, so every update but
  // D's last layer (whose small products read its buffer) is written in place, with no copy
  const soft = planProgram(program, { target: "software" });
  expect(soft.phases[0].copies.map((c) => c.param)).toEqual(["D.6.weight"]);
  // buffer operands: the input-gradient products read D.4, D.6, G.2 and G.4 after their updates are computed
  const gpu = planProgram(program, { target: "gpu" });
  expect(gpu.phases[0].copies.map((c) => c.param).sort()).toEqual(["D.4.weight", "D.6.weight", "G.2.weight", "G.4.weight"]);
  // velocities and biases never need a copy; init writes every parameter in place
  expect(soft.init.copies).toEqual([]);
});
