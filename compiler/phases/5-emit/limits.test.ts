import { expect, test } from "vitest";
import { lowerSource, planForTraining } from "../../index.ts";
import { checkLimits, WEBGPU_DEFAULTS } from "./limits.ts";

const plan = (name: string) => {
  const { program, spec } = lowerSource(Deno.readTextFileSync(new URL(`../../../specs/${name}`, import.meta.url)));
  return planForTraining(program!, spec!);
};

test("the bundled specs fit WebGPU's default limits; a tighter adapter is refused with the numbers", () => {
  for (
    const s of ["mnist-mlp.gan", "toy-1d.gan", "dcgan-mnist.gan", "cifar10-conv.gan", "tfd-mlp.gan", "cifar10-fc.gan"]
  ) {
    expect(checkLimits(plan(s)), s).toEqual([]);
  }
  const p = plan("mnist-mlp.gan");
  const small = { ...WEBGPU_DEFAULTS, maxStorageBufferBindingSize: 1 << 20, maxStorageBuffersPerShaderStage: 4 };
  const problems = checkLimits(p, small, 31_360_000);
  expect(problems.join("\n")).toMatch(
    /the parameters and optimiser state need \d+\.\d MiB, over the adapter's storage buffer limit of 1\.0 MiB/,
  );
  expect(problems.join("\n")).toContain("the training data needs 29.9 MiB");
  expect(problems.join("\n")).toContain("a kernel binds 5 storage buffers, the adapter allows 4");
});
