// Runs that end badly, with real processes: a run killed with SIGKILL mid-run leaves a readable last
// checkpoint from which --resume reproduces the uninterrupted run's losses exactly; a diverging run
// stops with the step and the first non-finite tensor, keeping its last good checkpoint.
import { describe, expect, test } from "vitest";
import { gpu } from "../gpu/testing.ts";
import { parseMetrics } from "../plot/curves.ts";
import { decodeCheckpoint, listCheckpoints } from "./checkpoint.ts";

const root = new URL("../../", import.meta.url).pathname;
const TOY = Deno.readTextFileSync(`${root}specs/toy-1d.gan`);

/** `gan ARGS` as Deno itself (no npx wrapper), so a signal reaches the trainer and not a parent. */
function gan(args: string[], env: Record<string, string> = {}): Deno.ChildProcess {
  return new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-all",
      "--quiet",
      "--unstable-webgpu",
      "--config",
      `${root}deno.json`,
      `${root}runtime/cli/main.ts`,
      ...args,
    ],
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1", ...env },
  }).spawn();
}

async function finish(p: Deno.ChildProcess) {
  const out = await p.output();
  return { code: out.code, signal: out.signal, stderr: new TextDecoder().decode(out.stderr) };
}

const checkpoints = (dir: string) => listCheckpoints(dir).map((c) => c.step);

describe.skipIf(!gpu)("runs that end badly", () => {
  test(
    "SIGKILL at a random moment: the last checkpoint reads back, and --resume reproduces the uninterrupted losses exactly",
    async () => {
      const dir = await Deno.makeTempDir();
      const spec = TOY.replace("log_every = 100", "log_every = 50").replace(
        "checkpoint_every = 1000",
        "checkpoint_every = 250",
      );
      await Deno.writeTextFile(`${dir}/toy.gan`, spec);
      // the uninterrupted run
      expect((await finish(gan(["train", `${dir}/toy.gan`, "--steps", "1500", "--out", `${dir}/whole`]))).code).toBe(0);
      const whole = parseMetrics(Deno.readTextFileSync(`${dir}/whole/metrics.jsonl`), "whole");
      // the killed run: SIGKILL once it has written a checkpoint or two, at a moment the test does not choose
      const p = gan(["train", `${dir}/toy.gan`, "--steps", "1500", "--out", `${dir}/killed`]);
      const killAfter = Math.floor(Math.random() * 400);
      for (let waited = 0; waited < 120_000; waited += 50) {
        await new Promise((r) => setTimeout(r, 50));
        let n = 0;
        try {
          n = checkpoints(`${dir}/killed`).length;
        } catch { /* not yet */ }
        if (n >= 1) break;
      }
      await new Promise((r) => setTimeout(r, killAfter));
      p.kill("SIGKILL");
      const killed = await finish(p);
      expect(killed.signal).toBe("SIGKILL");
      const steps = checkpoints(`${dir}/killed`);
      expect(steps.length).toBeGreaterThan(0);
      const last = steps[steps.length - 1];
      expect(last).toBeLessThan(1500); // it really was cut short
      const path = `${dir}/killed/checkpoints/step-${last}.safetensors`;
      expect(decodeCheckpoint(Deno.readFileSync(path), path).step).toBe(last);
      // no temporary file of an interrupted write is mistaken for a checkpoint
      for (const e of Deno.readDirSync(`${dir}/killed/checkpoints`)) {
        expect(e.name).toMatch(/^step-\d+\.safetensors(\.tmp.*)?$/);
      }
      const resumed = await finish(gan(["train", "--resume", path, "--steps", String(1500 - last)]));
      expect(resumed.code, resumed.stderr).toBe(0);
      const after = parseMetrics(Deno.readTextFileSync(`${dir}/killed/metrics.jsonl`), "killed");
      const want = whole.filter((r) => r.step > last);
      expect(want.length).toBeGreaterThan(0);
      for (const r of want) expect(after.find((a) => a.step === r.step), `step ${r.step}`).toEqual(r);
      await Deno.remove(dir, { recursive: true });
    },
    300_000,
  );

  test(
    "a diverging run stops with the step and the first non-finite tensor, keeping the last good checkpoint",
    async () => {
      const dir = await Deno.makeTempDir();
      // plain SGD at lr 1e38: the losses overflow within a few steps (here at step 2, after one checkpoint)
      const sgd = (net: string) => `optimizer ${net} {\n  method = sgd\n  lr = 1e38\n}`;
      const spec = TOY.replace(/optimizer discriminator \{[^}]*\}/, sgd("discriminator")).replace(
        /optimizer generator \{[^}]*\}/,
        sgd("generator"),
      )
        .replace("log_every = 100", "log_every = 1").replace("checkpoint_every = 1000", "checkpoint_every = 1");
      await Deno.writeTextFile(`${dir}/bad.gan`, spec);
      const r = await finish(gan(["train", `${dir}/bad.gan`, "--steps", "500", "--out", `${dir}/run`]));
      expect(r.code).toBe(1);
      const line = r.stderr.trim().split("\n").pop()!;
      const m =
        /^gan: (d_loss|g_loss|d_real|d_fake) became (NaN|Infinity|-Infinity) by step (\d+): training diverged; (the first non-finite tensor is ([A-Za-z.0-9_]+) \(|every weight is still finite).*; the last good checkpoint is (.*)$/
          .exec(line);
      expect(m, line).not.toBeNull();
      const step = Number(m![3]);
      const good = m![6];
      expect(good).toMatch(/step-\d+\.safetensors$/);
      {
        // the checkpoint named is from before the divergence, and it is finite
        const c = decodeCheckpoint(Deno.readFileSync(good), good);
        expect(c.step).toBeLessThan(step);
        for (const [name, t] of c.tensors) expect(t.every(Number.isFinite), name).toBe(true);
      }
      expect(checkpoints(`${dir}/run`).every((s) => s < step)).toBe(true);
      await Deno.remove(dir, { recursive: true });
    },
    120_000,
  );
});

describe.skipIf(!gpu)("a lost device", () => {
  test("ends the run with one message and where to resume from", async () => {
    const dir = await Deno.makeTempDir();
    await Deno.writeTextFile(
      `${dir}/toy.gan`,
      TOY.replace("log_every = 100", "log_every = 50").replace("checkpoint_every = 1000", "checkpoint_every = 100"),
    );
    const p = gan(["train", `${dir}/toy.gan`, "--steps", "400", "--out", `${dir}/run`], {
      GAN_FAULT_LOSE_DEVICE_AFTER_STEP: "130",
    });
    const r = await finish(p);
    expect(r.code).toBe(1);
    const line = r.stderr.trim().split("\n").pop()!;
    expect(line).toMatch(
      new RegExp(
        `^gan: the GPU device was lost at step 1[3-5]0 \\(.*\\); resume from ${dir}/run/checkpoints/step-100\\.safetensors$`,
      ),
    );
    expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/); // no stack trace
    await Deno.remove(dir, { recursive: true });
  }, 120_000);
});
