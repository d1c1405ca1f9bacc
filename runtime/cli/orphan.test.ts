// The one signal the wrapper cannot pass on: SIGKILL of the `gan` process. Deno notices that its parent
// is gone and stops as Ctrl-C stops it: a checkpoint saved, the process ended, nothing left training.
import { expect, test } from "vitest";
import { root } from "./testing.ts";

/** Pids of processes whose command line holds `text`. */
function processesWith(text: string): number[] {
  const pids: number[] = [];
  for (const e of Deno.readDirSync("/proc")) {
    if (!/^\d+$/.test(e.name)) continue;
    try {
      if (Deno.readTextFileSync(`/proc/${e.name}/cmdline`).includes(text)) pids.push(Number(e.name));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

test("SIGKILL of the gan wrapper mid-run: Deno saves a checkpoint and ends within seconds", async () => {
  const dir = await Deno.makeTempDir();
  const out = `${dir}/orphan-run`;
  const wrapper = new Deno.Command("node", {
    args: [`${root}runtime/cli/bin.mjs`, "train", "specs/toy-1d.gan", "--steps", "1000000", "--out", out],
    cwd: root,
    env: { NO_COLOR: "1" },
    stderr: "null",
    stdout: "null",
  }).spawn();
  try {
    // training has begun once the first metrics are logged
    for (let t = 0; t < 600; t++) {
      const logged = (() => {
        try {
          return Deno.readTextFileSync(`${out}/metrics.jsonl`).length > 0;
        } catch {
          return false;
        }
      })();
      if (logged) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const deno = processesWith(out).filter((p) => p !== wrapper.pid);
    expect(deno.length).toBe(1);
    wrapper.kill("SIGKILL");
    await wrapper.status;
    const t0 = performance.now();
    while (processesWith(out).length && performance.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 100));
    expect(processesWith(out)).toEqual([]);
    const saved = [...Deno.readDirSync(`${out}/checkpoints`)].map((e) => e.name);
    expect(saved.length).toBe(1);
    expect(saved[0]).toMatch(/^step-\d+\.safetensors$/);
  } finally {
    for (const p of processesWith(out)) Deno.kill(p, "SIGKILL");
    await Deno.remove(dir, { recursive: true });
  }
}, 120_000);
