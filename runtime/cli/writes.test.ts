// Item 10 of the hostile round: where a command cannot write (a read-only file system, a file where a
// folder should be, a full disk), it says what and where in one line, loses nothing already written,
// and a training run says which checkpoint to resume from.
import { describe, expect, test } from "vitest";
import { gan, noTrace } from "./testing.ts";

describe("writes that fail are one line", () => {
  test("--out and -o on a read-only file system, on a file, on a folder of other files", async () => {
    const ro = await Deno.makeTempDir();
    // a read-only mount (mounting needs root, which this project's machines and CI have)
    const mount = await new Deno.Command("mount", { args: ["-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", ro] }).output();
    expect(mount.code, `mount a tmpfs: ${new TextDecoder().decode(mount.stderr)}`).toBe(0);
    try {
      const t = await gan("train", "specs/toy-1d.gan", "--steps", "1", "--out", `${ro}/run`);
      expect([t.code, t.stderr.trim()]).toEqual([1, `gan: mkdir '${ro}/run/samples': read-only file system`]);
      const c = await gan("compile", "specs/toy-1d.gan", "-o", `${ro}/gen`);
      expect([c.code, c.stderr.trim()]).toEqual([1, `gan: mkdir '${ro}/gen/kernels': read-only file system`]);
    } finally {
      await new Deno.Command("umount", { args: [ro] }).output();
      await Deno.remove(ro, { recursive: true });
    }
    const dir = await Deno.makeTempDir();
    try {
      await Deno.writeTextFile(`${dir}/file`, "mine");
      await Deno.mkdir(`${dir}/mine`);
      await Deno.writeTextFile(`${dir}/mine/trainer.ts`, "mine");
      const onFile = await gan("compile", "specs/toy-1d.gan", "-o", `${dir}/file`);
      expect([onFile.code, onFile.stderr.trim()]).toEqual([2, `gan: -o ${dir}/file: it is a file, not a folder`]);
      const foreign = await gan("compile", "specs/toy-1d.gan", "-o", `${dir}/mine`);
      expect([foreign.code, foreign.stderr.trim()]).toEqual([
        2,
        `gan: -o ${dir}/mine holds 1 other file(s) and no plan.json, so it is not a generated folder; give a new or empty folder`,
      ]);
      expect(Deno.readTextFileSync(`${dir}/file`) + Deno.readTextFileSync(`${dir}/mine/trainer.ts`)).toBe("minemine");
      // a generated folder is compiled over, and an empty one filled
      await Deno.mkdir(`${dir}/empty`);
      expect((await gan("compile", "specs/toy-1d.gan", "-o", `${dir}/empty`)).code).toBe(0);
      expect((await gan("compile", "specs/toy-1d.gan", "-o", `${dir}/empty`)).code).toBe(0);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });

  test("a full disk while writing a checkpoint: where to resume from, and the last checkpoint kept whole", async () => {
    const dir = await Deno.makeTempDir();
    const small = `${dir}/small`;
    await Deno.mkdir(small);
    // a 48 KiB file system: the run's marker, spec and metrics fit beside one 22 KB checkpoint, a second
    // checkpoint does not (mounting needs root, which this project's machines and CI have)
    const mount = await new Deno.Command("mount", { args: ["-t", "tmpfs", "-o", "size=48k", "tmpfs", small] })
      .output();
    expect(mount.code, `mount a tmpfs: ${new TextDecoder().decode(mount.stderr)}`).toBe(0);
    try {
      expect((await gan("train", "specs/toy-1d.gan", "--steps", "1000", "--out", `${dir}/run`)).code).toBe(0);
      await Deno.mkdir(`${small}/run/checkpoints`, { recursive: true });
      for (const f of [".gan-run", "spec.gan", "metrics.jsonl", "checkpoints/step-1000.safetensors"]) {
        await Deno.copyFile(`${dir}/run/${f}`, `${small}/run/${f}`);
      }
      const before = Deno.readFileSync(`${small}/run/checkpoints/step-1000.safetensors`);
      const checkpoint = `${small}/run/checkpoints/step-1000.safetensors`;
      const r = await gan("train", "--resume", checkpoint, "--steps", "1000");
      expect(r.code, r.stderr).toBe(1);
      const last = r.stderr.trim().split("\n").pop();
      expect(last).toBe(
        `gan: write '${small}/run/checkpoints/step-2000.safetensors': no space left on device; training stopped at step 2000; resume from ${checkpoint}`,
      );
      noTrace(r.stderr);
      // the checkpoint before is whole, and no temporary file is left
      expect(Deno.readFileSync(checkpoint)).toEqual(before);
      expect([...Deno.readDirSync(`${small}/run/checkpoints`)].map((e) => e.name)).toEqual(["step-1000.safetensors"]);
    } finally {
      await new Deno.Command("umount", { args: [small] }).output();
      await Deno.remove(dir, { recursive: true });
    }
  });

  test("a run folder is trained by one process at a time, and never written through a symbolic link", async () => {
    const dir = await Deno.makeTempDir();
    try {
      expect((await gan("train", "specs/toy-1d.gan", "--steps", "1", "--out", `${dir}/run`)).code).toBe(0);
      // a run in progress holds the lock of its marker (this process stands in for one)
      const other = await Deno.open(`${dir}/run/.gan-run`, { read: true });
      await other.lock(true);
      const twice = await gan("train", "--resume", `${dir}/run/checkpoints/step-1.safetensors`, "--steps", "1");
      other.close();
      expect([twice.code, twice.stderr.trim()]).toEqual([
        1,
        `gan: ${dir}/run is being trained by another gan process; wait for it to end, or give another --out`,
      ]);
      await Deno.writeTextFile(`${dir}/victim.txt`, "precious");
      await Deno.remove(`${dir}/run/metrics.jsonl`);
      await Deno.symlink(`${dir}/victim.txt`, `${dir}/run/metrics.jsonl`);
      const r = await gan("train", "--resume", `${dir}/run/checkpoints/step-1.safetensors`, "--steps", "1");
      expect([r.code, r.stderr.trim()]).toEqual([
        1,
        `gan: ${dir}/run/metrics.jsonl is a symbolic link (to ${dir}/victim.txt): a run writes only into its own folder; remove the link, or give a new --out`,
      ]);
      expect(Deno.readTextFileSync(`${dir}/victim.txt`)).toBe("precious");
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });
});
