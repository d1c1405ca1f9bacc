// The real command line, through the npx wrapper: exit codes, messages, and no stack traces.
import { describe, expect, test } from "vitest";

const root = new URL("../../", import.meta.url).pathname;

async function gan(...args: string[]) {
  const out = await new Deno.Command("node", { args: [`${root}runtime/cli/bin.mjs`, ...args], cwd: root, env: { NO_COLOR: "1" } }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

const noTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .*:\d+:\d+/);

describe("gan CLI", () => {
  test("--help lists the commands; COMMAND --help describes one", async () => {
    const r = await gan("--help");
    expect(r.code).toBe(0);
    for (const c of ["check", "fmt", "summary", "ir"]) expect(r.stdout).toContain(c);
    const c = await gan("fmt", "--help");
    expect(c.code).toBe(0);
    expect(c.stdout).toContain("--check");
  });

  test("check: silent and 0 on the bundled specs, 1 with framed diagnostics on a bad one", async () => {
    const ok = await gan("check", "specs/mnist-mlp.gan", "specs/toy-1d.gan", "specs/dcgan-mnist.gan", "specs/cifar10-conv.gan");
    expect([ok.code, ok.stdout, ok.stderr]).toEqual([0, "", ""]);
    const bad = await gan("check", "compiler/samples/invalid/many-errors-in-one-file/input.gan");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("error[E110]: unknown prior `normall`");
    expect(bad.stderr).toContain("--> compiler/samples/invalid/many-errors-in-one-file/input.gan:4:");
    expect(bad.stderr).toMatch(/\d+ errors/);
    noTrace(bad.stderr);
  });

  test("check --json gives positions as data", async () => {
    const r = await gan("check", "--json", "compiler/samples/invalid/k-below-one/input.gan");
    expect(r.code).toBe(1);
    const ds = JSON.parse(r.stdout);
    expect(ds[0]).toMatchObject({ code: "E202", line: 35, column: 7 });
  });

  test("summary and ir print; a missing file, an unknown command or flag is one line and exit 2", async () => {
    const s = await gan("summary", "specs/mnist-mlp.gan");
    expect(s.code).toBe(0);
    expect(s.stdout).toContain("3,735,425 parameters");
    const ir = await gan("ir", "specs/toy-1d.gan");
    expect(ir.code).toBe(0);
    expect(ir.stdout).toContain("phase d0 (reads real.0):");
    for (const args of [["check", "nope.gan"], ["frobnicate"], ["check", "--bogus", "specs/toy-1d.gan"], ["summary"]]) {
      const r = await gan(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(r.stderr).toMatch(/^gan: /);
    }
  });

  test("fmt --check finds an unformatted file and fmt fixes it in place, keeping comments", async () => {
    const dir = await Deno.makeTempDir();
    const file = `${dir}/x.gan`;
    await Deno.writeTextFile(file, Deno.readTextFileSync(`${root}specs/toy-1d.gan`).replace("dense(16)", "dense( 16 )   # odd spacing"));
    expect((await gan("fmt", "--check", file)).code).toBe(1);
    expect((await gan("fmt", file)).code).toBe(0);
    expect((await gan("fmt", "--check", file)).code).toBe(0);
    expect(Deno.readTextFileSync(file)).toContain("dense(16)  # odd spacing");
    await Deno.remove(dir, { recursive: true });
  });
});
