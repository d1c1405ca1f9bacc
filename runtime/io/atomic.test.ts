import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { writeFileAtomic, writeFileAtomicSync } from "./atomic.ts";

let dir = "";
beforeEach(async () => {
  dir = await Deno.makeTempDir({ prefix: "gan-atomic-" });
});
afterEach(async () => {
  await Deno.remove(dir, { recursive: true });
});

const names = (d: string) => [...Deno.readDirSync(d)].map((e) => e.name).sort();
const filled = (n: number, v: number) => new Uint8Array(n).fill(v);
/** Byte equality without the matcher's per-element diffing, which is slow on megabytes. */
function same(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

describe.each(
  [
    ["writeFileAtomic", writeFileAtomic],
    ["writeFileAtomicSync", async (p: string, b: Uint8Array | string) => writeFileAtomicSync(p, b)],
  ] as const,
)("%s", (_, write) => {
  test("creates, then replaces, a file; text is written as UTF-8; no temporary file stays", async () => {
    const target = join(dir, "step-1.safetensors");
    await write(target, Uint8Array.of(1, 2, 3));
    expect([...Deno.readFileSync(target)]).toEqual([1, 2, 3]);
    await write(target, "spec ✓\n");
    expect(Deno.readTextFileSync(target)).toBe("spec ✓\n");
    await write(target, new Uint8Array(0));
    expect(Deno.readFileSync(target).length).toBe(0);
    expect(names(dir)).toEqual(["step-1.safetensors"]);
  });

  test("writes all of a large buffer, and a view into a larger one", async () => {
    const target = join(dir, "big.bin");
    const big = new Uint8Array(3_000_000).map((_, i) => i * 7);
    await write(target, big);
    expect(same(Deno.readFileSync(target), big)).toBe(true);
    await write(target, big.subarray(10, 20));
    expect([...Deno.readFileSync(target)]).toEqual([...big.subarray(10, 20)]);
  });

  test("a failed rename leaves the target as it was and removes the temporary file", async () => {
    const target = join(dir, "taken");
    Deno.mkdirSync(target);
    Deno.writeTextFileSync(join(target, "keep"), "old");
    await expect(write(target, "new")).rejects.toThrow();
    expect(Deno.readTextFileSync(join(target, "keep"))).toBe("old");
    expect(names(dir)).toEqual(["taken"]);
  });

  test("a missing folder is an error, and nothing is created", async () => {
    await expect(write(join(dir, "no", "such", "file"), "x")).rejects.toThrow(Deno.errors.NotFound);
    expect(names(dir)).toEqual([]);
  });
});

describe("atomicity", () => {
  test("a writer killed at a random moment leaves the whole old or the whole new content", async () => {
    // A child process rewrites a 4 MB file in a loop and is killed with SIGKILL mid-way: the target must
    // hold one version whole. (Written with Deno.writeFile instead, this catches torn files almost every
    // round.) A hard kill can leave the temporary file behind; nothing can remove it.
    const target = join(dir, "ckpt");
    const atomic = new URL("./atomic.ts", import.meta.url).href;
    const child = `
      import { writeFileAtomic } from ${JSON.stringify(atomic)};
      const versions = [new Uint8Array(4 << 20).fill(1), new Uint8Array(4 << 20).fill(2)];
      await writeFileAtomic(${JSON.stringify(target)}, versions[0]);
      console.log("ready");
      for (let k = 1; ; k++) await writeFileAtomic(${JSON.stringify(target)}, versions[k % 2]);`;
    for (let round = 0; round < 4; round++) {
      const proc = new Deno.Command(Deno.execPath(), { args: ["eval", child], stdout: "piped", stderr: "inherit" })
        .spawn();
      const reader = proc.stdout.getReader();
      await reader.read(); // the first version is complete
      await new Promise((r) => setTimeout(r, 10 + 25 * round));
      proc.kill("SIGKILL");
      await proc.status;
      reader.releaseLock();
      await proc.stdout.cancel();
      const got = Deno.readFileSync(target);
      expect(got.length, `round ${round}`).toBe(4 << 20);
      expect(same(got, filled(4 << 20, got[0])), `round ${round}`).toBe(true);
    }
  });

  test("concurrent writers of one target: one of them wins whole, no temporary files remain", async () => {
    const target = join(dir, "spec.gan");
    const contents = Array.from({ length: 12 }, (_, i) => filled(100_000 + i, i));
    await Promise.all(contents.map((c) => writeFileAtomic(target, c)));
    const got = Deno.readFileSync(target);
    expect(contents.some((c) => same(got, c))).toBe(true);
    expect(names(dir)).toEqual(["spec.gan"]);
  });
});
