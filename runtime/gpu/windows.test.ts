// Arenas larger than one binding (compiler/phases/5-emit/windows.ts): a spec compiled for tiny limits
// (bindings of 32 KiB, buffers of 64 KiB) keeps its arenas as many buffers, binds windows of them, and
// reads the tensors that span windows through accessors. Its generated trainer must compute bit for bit
// what the plain one does, whose steps the float64 reference checks (train.test.ts).
import { describe, expect, test } from "vitest";
import { type ArenaLimits, compileChecked, lower } from "../../compiler/index.ts";
import { importFiles } from "../train/module.ts";
import { FAST_COMPILE_TARGET, gpu, randomData, smallSpec } from "./testing.ts";

const TINY: ArenaLimits = { maxStorageBufferBindingSize: 32768, maxBufferSize: 65536 };

/** A device with as many storage buffers per kernel as the adapter offers (tiny windows need more than 8). */
const device = gpu &&
  await gpu.adapter.requestDevice({
    requiredLimits: { maxStorageBuffersPerShaderStage: gpu.adapter.limits.maxStorageBuffersPerShaderStage },
  });

async function run(name: string, steps: number, limits?: ArenaLimits) {
  const spec = smallSpec(name);
  const { files, limits: problems } = await compileChecked(
    spec,
    lower(spec),
    `# ${name}, shrunk`,
    name,
    FAST_COMPILE_TARGET, // the windows are the point here, not the register blocks
    undefined,
    limits,
  );
  const plan = JSON.parse(files.get("plan.json")!);
  const wgsl = [...files].filter(([f]) => f.endsWith(".wgsl")).map(([, text]) => text);
  const { trainer: M } = await importFiles(files);
  const data = randomData(spec, 40);
  const trainer = await M.createTrainer(device!, { images: data.f32, labels: data.labels });
  const metrics = [];
  for (let s = 0; s < steps; s++) metrics.push(await trainer.train(1));
  const z = M.noise(7, 3);
  const samples = await trainer.sample(z);
  const tensors = await trainer.tensors();
  trainer.destroy();
  return { plan, wgsl, problems, metrics, samples, tensors };
}

describe.skipIf(!gpu)("arenas over several bindings and buffers", () => {
  for (const name of ["mnist-mlp.gan", "dcgan-mnist.gan"]) {
    test(
      `${name} at reduced width, in 32 KiB windows of 64 KiB buffers, trains bit-identically to the plain plan`,
      async () => {
        const plain = await run(name, 3);
        const tiny = await run(name, 3, TINY);
        expect(plain.plan.chunk).toBeUndefined();
        // the test means something only if the arenas are split and some tensor spans windows
        expect(tiny.plan.chunk).toBe(16384);
        expect(tiny.plan.stateSize + tiny.plan.tempSize).toBeGreaterThan(4 * tiny.plan.chunk);
        const kernels = [tiny.plan.init, ...tiny.plan.phases].flatMap((p: { kernels: unknown[] }) => p.kernels) as {
          bindings?: unknown[];
        }[];
        expect(kernels.every((k) => k.bindings)).toBe(true);
        expect(tiny.wgsl.filter((text) => /fn ld_(state|temp)/.test(text)).length).toBeGreaterThan(3);
        // windows this small need more buffers a kernel than WebGPU's default 8 (this device asked for more)
        expect(tiny.problems.filter((p: string) => !/^a kernel binds \d+ storage buffers/.test(p))).toEqual([]);
        expect(tiny.metrics).toEqual(plain.metrics);
        expect(tiny.samples).toEqual(plain.samples);
        expect([...tiny.tensors.keys()]).toEqual([...plain.tensors.keys()]);
        for (const [k, v] of plain.tensors) expect(tiny.tensors.get(k), k).toEqual(v);
      },
      600_000,
    );
  }
});
