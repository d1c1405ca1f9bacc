// Least privilege: each command's Deno permissions (permissions.mjs), and proof that they hold: code
// run with `gan check`'s permissions cannot write a file, with `gan train`'s cannot open a socket or
// write outside its run folders.
import { describe, expect, test } from "vitest";
import { parseArgs, permissionsFor } from "./permissions.mjs";

const cwd = "/home/u/work";
const tmp = "/tmp/gan-x";
const deno = "/opt/deno";
const flags = (...argv: string[]): string[] => permissionsFor(argv, { cwd, tmp, deno });
const writes = (...argv: string[]) => flags(...argv).find((f) => f.startsWith("--allow-write"))?.split("=")[1];

describe("each command's permissions", () => {
  test("arguments: the command, its positional arguments, the values of its options", () => {
    expect(parseArgs(["train", "a.gan", "--out", "r", "--steps=5", "--allow-nonfinite"])).toEqual({
      command: "train",
      positional: ["a.gan"],
      options: { "--out": "r", "--steps": "5" },
    });
    expect(parseArgs(["sample", "-o", "x.png", "c.safetensors"]).positional).toEqual(["c.safetensors"]);
  });

  test("check, summary, ir, diff write nothing (eval only its private temporary folder and the image cache); none but serve has the network", () => {
    const readers = [["check", "a.gan"], ["summary", "a.gan"], ["ir", "a.gan"], ["diff", "a.gan", "b.gan"]];
    for (const argv of [...readers, ["fmt", "--check", "a.gan"]]) {
      expect(writes(...argv), argv.join(" ")).toBeUndefined();
    }
    expect(writes("eval", "c.safetensors", "--parzen")).toBe(`${tmp},${cwd}/runs/.gan-cache`);
    expect(writes("eval", "c.safetensors", "--parzen", "--cache", "/c")).toBe(`${tmp},/c`);
    for (const c of ["check", "fmt", "summary", "ir", "compile", "train", "sample", "eval", "diff", "plot", "figure"]) {
      expect(flags(c, "x").some((f) => f.startsWith("--allow-net")), c).toBe(false);
      expect(flags(c, "x")).toContain("--no-prompt");
    }
    expect(flags("serve", "a.gan")).toEqual(expect.arrayContaining(["--allow-net=127.0.0.1", `--allow-run=${deno}`]));
    expect(flags("diff", "a.gan", "--rev", "HEAD")).toContain("--allow-run=git");
    expect(flags("diff", "a.gan", "b.gan").some((f) => f.startsWith("--allow-run"))).toBe(false);
    // the PyTorch engine runs its ranks' Python and binds a port on 127.0.0.1 for their rendezvous
    expect(flags("train", "a.gan", "--engine", "pytorch")).toEqual(
      expect.arrayContaining(["--allow-net=127.0.0.1", "--allow-run=python3,/usr/bin/python3"]),
    );
    expect(flags("train", "a.gan", "--engine", "pytorch", "--python", "/opt/py")).toContain("--allow-run=/opt/py");
    expect(writes("compile", "a.gan", "--engine", "pytorch", "--with-data")).toBe(
      `${cwd}/generated,${cwd}/runs/.gan-cache`,
    );
  });

  test("writers write where they are told", () => {
    expect(writes("fmt", "specs/a.gan")).toBe(`${cwd}/specs/a.gan,${cwd}/specs/a.gan.gan-fmt.tmp`);
    expect(writes("compile", "a.gan")).toBe(`${cwd}/generated`);
    expect(writes("compile", "a.gan", "-o", "/out/g")).toBe("/out/g");
    expect(writes("train", "a.gan")).toBe(`${cwd}/runs,${tmp},${cwd}/runs/.gan-cache`);
    expect(writes("train", "a.gan", "--out", "r1")).toBe(`${cwd}/r1,${tmp},${cwd}/runs/.gan-cache`);
    expect(writes("train", "a.gan", "--out", "r1", "--cache", "c")).toBe(`${cwd}/r1,${tmp},${cwd}/c`);
    // a loose checkpoint (not in a run folder's checkpoints/) gives no write access to its folder
    expect(writes("train", "--resume", "/home/u/Downloads/x.safetensors")).toBe(
      `${cwd}/runs,${tmp},${cwd}/runs/.gan-cache`,
    );
    expect(writes("sample", "c.safetensors", "-o", "out/s.png")).toBe(`${cwd}/out,${tmp}`);
    // RUN/curves.png for a run folder, ./curves.png beside a metrics file
    expect(writes("plot", "/tmp")).toBe("/tmp");
    expect(writes("plot", "runs/r/metrics.jsonl")).toBe(cwd);
    expect(writes("figure", "2", "runs/r", "-o", "f.png")).toBe(`${cwd},${tmp},${cwd}/runs/.gan-cache`);
    expect(writes("serve", "a.gan")).toBe(`${tmp},${cwd}/runs/.gan-cache`);
    // no escape for a comma in Deno's lists: refused rather than split into two paths
    expect(() => flags("compile", "a.gan", "-o", "a,b")).toThrow(
      `${cwd}/a,b: gan writes only to paths without a comma (Deno's permission lists are separated by commas); give another path`,
    );
  });
});

/** Runs `code` under the permissions of a command line; what each attempt gave: "ok" or the error's name. */
async function underPermissionsOf(argv: string[], dir: string, code: string): Promise<Record<string, string>> {
  const probe = `${dir}/probe.ts`;
  await Deno.writeTextFile(
    probe,
    `const out: Record<string, string> = {};
     const attempt = async (what: string, f: () => unknown) => {
       try { await f(); out[what] = "ok"; } catch (e) { out[what] = (e as Error).name; }
     };
     ${code}
     console.log(JSON.stringify(out));`,
  );
  const f = permissionsFor(argv, { cwd: dir, tmp: `${dir}/tmp`, deno: Deno.execPath() });
  const r = await new Deno.Command(Deno.execPath(), { args: ["run", "--quiet", ...f, probe], cwd: dir }).output();
  expect(r.code, new TextDecoder().decode(r.stderr)).toBe(0);
  return JSON.parse(new TextDecoder().decode(r.stdout));
}

describe("the permissions hold", () => {
  test("with `gan check`'s permissions nothing can be written; with `gan train`'s no socket opened", async () => {
    const dir = await Deno.makeTempDir();
    try {
      await Deno.mkdir(`${dir}/runs`);
      const check = await underPermissionsOf(
        ["check", "a.gan"],
        dir,
        `await attempt("write", () => Deno.writeTextFile("${dir}/x.txt", "x"));
         await attempt("read", () => Deno.readTextFile("${dir}/probe.ts"));
         await attempt("listen", () => Deno.listen({ hostname: "127.0.0.1", port: 0 }).close());`,
      );
      expect(check).toEqual({ write: "NotCapable", read: "ok", listen: "NotCapable" });
      const train = await underPermissionsOf(
        ["train", "a.gan"],
        dir,
        `await attempt("listen", () => Deno.listen({ hostname: "127.0.0.1", port: 0 }).close());
         await attempt("connect", async () => (await Deno.connect({ hostname: "127.0.0.1", port: 9 })).close());
         await attempt("fetch", () => fetch("http://example.com/"));
         await attempt("run", () => new Deno.Command("true").output());
         await attempt("write outside", () => Deno.writeTextFile("${dir}/x.txt", "x"));
         await attempt("write in runs/", () => Deno.writeTextFile("${dir}/runs/x.txt", "x"));`,
      );
      expect(train).toEqual({
        listen: "NotCapable",
        connect: "NotCapable",
        fetch: "NotCapable",
        run: "NotCapable",
        "write outside": "NotCapable",
        "write in runs/": "ok",
      });
      const serve = await underPermissionsOf(
        ["serve", "a.gan"],
        dir,
        `await attempt("listen", () => Deno.listen({ hostname: "127.0.0.1", port: 0 }).close());
         await attempt("listen on every interface", () => Deno.listen({ hostname: "0.0.0.0", port: 0 }).close());
         await attempt("write", () => Deno.writeTextFile("${dir}/x.txt", "x"));`,
      );
      expect(serve).toEqual({ listen: "ok", "listen on every interface": "NotCapable", write: "NotCapable" });
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });
});
