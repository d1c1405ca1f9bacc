// `npm run bench`'s cold start: `gan train` as a user runs it, in a process of its own whose Mesa shader
// cache is an empty folder (MESA_SHADER_CACHE_DIR), as on a new machine or in CI. lavapipe compiles each
// kernel's machine code at its first dispatch, so a cold cache shows in the time to the first step and
// in the first steps' average; the same command with the cache it filled shows the warm start.
const BIN = new URL("../cli/bin.mjs", import.meta.url).pathname;
const ROOT = new URL("../../", import.meta.url).pathname;

export interface ColdStart {
  spec: string;
  /** Seconds from starting `gan train --steps 1` to its step-1 line, with an empty shader cache. */
  coldFirstStepS: number;
  /** The same with the cache that run filled. */
  warmFirstStepS: number;
  /** With a second empty cache, `--steps 2N` (N the spec's log_every): ms per step over steps 1..N and N+1..2N. */
  firstStepsMs: number;
  nextStepsMs: number;
  logEvery: number;
  /** Mesa's cache after the cold run, in MiB: what a new machine compiles before its first step. */
  cacheMiB: number;
}

async function folderBytes(dir: string): Promise<number> {
  let n = 0;
  for await (const e of Deno.readDir(dir)) {
    const p = `${dir}/${e.name}`;
    n += e.isDirectory ? await folderBytes(p) : e.isFile ? (await Deno.stat(p)).size : 0;
  }
  return n;
}

/** Runs `gan train SPEC --steps N --out OUT` with Mesa's cache in `cache`; seconds to the line with `until`. */
async function train(spec: string, steps: number, out: string, cache: string, until: string): Promise<number> {
  const start = performance.now();
  const child = new Deno.Command("node", {
    args: [BIN, "train", spec, "--steps", String(steps), "--out", out],
    cwd: ROOT,
    env: { MESA_SHADER_CACHE_DIR: cache },
    stdout: "null",
    stderr: "piped",
  }).spawn();
  let seen: number | undefined;
  let text = "";
  const dec = new TextDecoder();
  for await (const chunk of child.stderr) {
    text += dec.decode(chunk, { stream: true });
    if (seen === undefined && text.includes(until)) seen = performance.now();
  }
  const status = await child.status;
  if (!status.success || seen === undefined) {
    throw new Error(`gan train ${spec} --steps ${steps} failed (exit ${status.code}): ${text.slice(-400)}`);
  }
  return (seen - start) / 1000;
}

export async function benchColdStart(spec: string, logEvery: number, log: (s: string) => void): Promise<ColdStart> {
  const dir = await Deno.makeTempDir({ prefix: "gan-cold-" });
  try {
    const coldFirstStepS = await train(spec, 1, `${dir}/a`, `${dir}/cache-a`, "] 1/1 ");
    const cacheMiB = (await folderBytes(`${dir}/cache-a`)) / 2 ** 20;
    log(`cold start (empty shader cache) to the end of the first step: ${coldFirstStepS.toFixed(2)} s`);
    const warmFirstStepS = await train(spec, 1, `${dir}/b`, `${dir}/cache-a`, "] 1/1 ");
    const steps = 2 * logEvery;
    await train(spec, steps, `${dir}/c`, `${dir}/cache-c`, `] ${steps}/${steps} `);
    const records = (await Deno.readTextFile(`${dir}/c/metrics.jsonl`)).trim().split("\n").map((l) => JSON.parse(l));
    const at = (s: number) => records.find((r) => r.step === s)?.ms_per_step as number;
    const [firstStepsMs, nextStepsMs] = [at(logEvery), at(steps)];
    log(
      `cold start: steps 1-${logEvery} ${firstStepsMs.toFixed(1)} ms/step, ${logEvery + 1}-${steps} ${
        nextStepsMs.toFixed(1)
      }`,
    );
    return { spec, coldFirstStepS, warmFirstStepS, firstStepsMs, nextStepsMs, logEvery, cacheMiB };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** The benchmark's lines, as `npm run bench` prints them. */
export function coldStartLines(c: ColdStart): string[] {
  const f = (x: number, d = 1) => x.toFixed(d);
  return [
    `\ncold start, ${c.spec} (\`gan train\` in a process of its own, Mesa's shader cache an empty folder):`,
    `- to the end of the first step: ${f(c.coldFirstStepS, 2)} s cold, ${
      f(c.warmFirstStepS, 2)
    } s with the cache that run filled (${f(c.cacheMiB)} MiB)`,
    `- steps 1-${c.logEvery} from an empty cache: ${f(c.firstStepsMs)} ms/step, steps ${c.logEvery + 1}-${
      2 * c.logEvery
    }: ${f(c.nextStepsMs)} ms/step (${f(c.firstStepsMs / c.nextStepsMs, 2)}x)`,
  ];
}
