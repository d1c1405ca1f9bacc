// The entry point of a generated trainer (generated/<name>/trainer.ts): it trains from the folder's own
// plan.json and kernels/*.wgsl, exactly the files CI checks against the compiler.
import type { Plan } from "../../compiler/phases/5-emit/plan.ts";
import type { PlanOnDisk } from "../../compiler/phases/6-generate/generate.ts";
import { main } from "../cli/main.ts";

export async function loadPlan(dir: URL): Promise<Plan> {
  const onDisk = JSON.parse(await Deno.readTextFile(new URL("plan.json", dir))) as PlanOnDisk;
  const kernel = async ({ file, ...k }: PlanOnDisk["phases"][number]["kernels"][number]) => ({
    ...k,
    wgsl: await Deno.readTextFile(new URL(file, dir)),
  });
  const phase = async (p: PlanOnDisk["phases"][number]) => ({
    ...p,
    kernels: await Promise.all(p.kernels.map(kernel)),
  });
  const { sampler, ...rest } = onDisk;
  return {
    ...rest,
    init: await phase(onDisk.init),
    phases: await Promise.all(onDisk.phases.map(phase)),
    ...(sampler ? { sampler: { ...sampler, kernels: await Promise.all(sampler.kernels.map(kernel)) } } : {}),
  };
}

/** `deno run ... trainer.ts [flags]` is `gan train <this folder> [flags]`. */
export async function runGenerated(dir: URL, args: string[]): Promise<number> {
  return await main(["train", dir.pathname, ...args]);
}
