// `npm run bench:compile [-- SPEC]`: what a cold start pays for each kernel. lavapipe compiles a
// kernel's machine code at its first dispatch (and Mesa keeps it in its shader cache), so with the cache
// pointed at an empty folder, each kernel of the training plan (init, the step's phases, the repacks) is
// dispatched alone twice, and the difference is its compilation. Prints the kernels slowest first,
// with their WGSL's length, and the total. Not part of `npm test`.
import { lowerSource, planForTraining } from "../../compiler/index.ts";
import { acquireDevice } from "../gpu/device.ts";
import { GpuExecutor, NO_BATCHES } from "../gpu/executor.ts";

const specPath = Deno.args.find((a) => !a.startsWith("-")) ?? "specs/mnist-mlp.gan";
const cache = await Deno.makeTempDir({ prefix: "gan-mesa-cache-" });
Deno.env.set("MESA_SHADER_CACHE_DIR", cache); // read by Mesa when the adapter is first requested
try {
  const { device, target, description } = await acquireDevice();
  const { program, spec } = lowerSource(await Deno.readTextFile(specPath));
  if (!program) throw new Error(`${specPath} does not compile`);
  const plan = planForTraining(program, spec!, target);
  const features = plan.dataShape.reduce((a, b) => a * b, 1);
  const n = 4 * plan.batch;
  const ex = new GpuExecutor(device, plan, { values: new Float32Array(features * n), n }, NO_BATCHES);
  let t = performance.now();
  await ex.createPipelines();
  const createMs = performance.now() - t;
  const kernels = [...plan.init.kernels, ...plan.phases.flatMap((p) => p.kernels), ...(plan.repack ?? [])];
  const rows: { ms: number; chars: number; label: string }[] = [];
  for (const k of kernels) {
    const time = async () => {
      t = performance.now();
      ex.runKernels([k]);
      await device.queue.onSubmittedWorkDone();
      return performance.now() - t;
    };
    const first = await time();
    rows.push({ ms: first - (await time()), chars: k.wgsl.length, label: k.label });
  }
  ex.destroy();
  rows.sort((a, b) => b.ms - a.ms);
  const total = rows.reduce((a, r) => a + r.ms, 0);
  console.log(`${specPath} on ${description}: ${rows.length} kernels (init, step, repack)`);
  console.log(`createComputePipeline for all: ${createMs.toFixed(0)} ms; compilation at first dispatch:`);
  console.log("| ms | WGSL chars | kernel |\n|---:|---:|---|");
  for (const r of rows) console.log(`| ${r.ms.toFixed(0)} | ${r.chars} | ${r.label} |`);
  console.log(`total: ${(total / 1000).toFixed(2)} s of compilation at first dispatch`);
} finally {
  await Deno.remove(cache, { recursive: true });
}
Deno.exit(0);
