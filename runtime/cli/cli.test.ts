// The real command line, through the npx wrapper: exit codes, messages, and no stack traces.
import { describe, expect, test } from "vitest";
import { decode } from "fast-png";
import { decodeNpy } from "../io/npy.ts";

import { gan, noTrace, root } from "./testing.ts";

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
    const ok = await gan(
      "check",
      "specs/mnist-mlp.gan",
      "specs/toy-1d.gan",
      "specs/dcgan-mnist.gan",
      "specs/cifar10-conv.gan",
    );
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
    await Deno.writeTextFile(
      file,
      Deno.readTextFileSync(`${root}specs/toy-1d.gan`).replace("dense(16)", "dense( 16 )   # odd spacing"),
    );
    expect((await gan("fmt", "--check", file)).code).toBe(1);
    expect((await gan("fmt", file)).code).toBe(0);
    expect((await gan("fmt", "--check", file)).code).toBe(0);
    expect(Deno.readTextFileSync(file)).toContain("dense(16)  # odd spacing");
    await Deno.remove(dir, { recursive: true });
  });

  test("train and sample: a missing data file, a truncated checkpoint, a bad flag are one line each", async () => {
    const dir = await Deno.makeTempDir();
    await Deno.writeTextFile(
      `${dir}/x.gan`,
      Deno.readTextFileSync(`${root}specs/mnist-mlp.gan`).replace(
        /source = mnist[^\n]*/,
        `source = idx("${dir}/missing.gz")`,
      ),
    );
    const missing = await gan("train", `${dir}/x.gan`, "--steps", "1");
    expect([missing.code, missing.stderr.trim()]).toEqual([1, `gan: ${dir}/missing.gz: no such file`]);
    await Deno.writeFile(`${dir}/bad.safetensors`, new Uint8Array([8, 0, 0, 0, 0, 0, 0, 0, 123, 34]));
    const bad = await gan("sample", `${dir}/bad.safetensors`, "-o", `${dir}/x.png`);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(new RegExp(`^gan: ${dir}/bad.safetensors: `));
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    const flag = await gan("train", "specs/toy-1d.gan", "--steps", "abc");
    expect([flag.code, flag.stderr.trim()]).toEqual([
      2,
      "gan: --steps abc: expected a whole number from 1 to 1,000,000,000",
    ]);
    await Deno.remove(dir, { recursive: true });
  });

  test("eval --parzen: the paper's protocol on a checkpoint, as JSON; a spec without held-out data or no --parzen is one line", async () => {
    const dir = await Deno.makeTempDir();
    const run = await gan("train", "specs/mnist-mlp.gan", "--steps", "2", "--out", `${dir}/run`);
    expect(run.code).toBe(0);
    const ckpt = `${dir}/run/checkpoints/step-2.safetensors`;
    const r = await gan("eval", ckpt, "--parzen", "--samples", "300", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.validation.map((v: { sigma: number }) => v.sigma)).toHaveLength(10);
    expect(out.validation.map((v: { sigma: number }) => v.sigma)).toContain(out.sigma);
    expect([out.samples, out.validationPoints, out.testPoints]).toEqual([300, 1000, 1000]);
    expect(Number.isFinite(out.mean) && out.stderr > 0).toBe(true);
    const none = await gan("eval", ckpt);
    expect([none.code, none.stderr.trim()]).toEqual([
      2,
      "gan: say which evaluation: --parzen (the paper's Parzen-window log-likelihood)",
    ]);
    const toy = await gan("train", "specs/toy-1d.gan", "--steps", "1", "--out", `${dir}/toy`);
    expect(toy.code).toBe(0);
    const held = await gan("eval", `${dir}/toy/checkpoints/step-1.safetensors`, "--parzen");
    expect(held.code).toBe(1);
    expect(held.stderr.trim()).toBe(
      "gan: Parzen evaluation is for image data; `gaussian` is a 1-D toy distribution (draw it with `gan figure 1`)",
    );

    // IDX data: held-out examples from --test, halved for sigma unless --validation is given
    const idx = (n: number, side: number) => {
      const b = new Uint8Array(16 + n * side * side);
      new DataView(b.buffer).setUint32(0, 0x803);
      [n, side, side].forEach((v, i) => new DataView(b.buffer).setUint32(4 + 4 * i, v));
      for (let i = 16; i < b.length; i++) b[i] = (i * 7919) % 251;
      return b;
    };
    Deno.writeFileSync(`${dir}/train.idx`, idx(200, 28));
    Deno.writeFileSync(`${dir}/test.idx`, idx(120, 28));
    Deno.writeFileSync(`${dir}/small.idx`, idx(10, 14));
    await Deno.writeTextFile(
      `${dir}/i.gan`,
      Deno.readTextFileSync(`${root}specs/mnist-mlp.gan`).replace(
        /source = mnist[^\n]*/,
        `source = idx("${dir}/train.idx")`,
      ),
    );
    expect((await gan("train", `${dir}/i.gan`, "--steps", "1", "--out", `${dir}/idx`)).code).toBe(0);
    const ick = `${dir}/idx/checkpoints/step-1.safetensors`;
    const needs = await gan("eval", ick, "--parzen");
    expect([needs.code, needs.stderr.trim()]).toEqual([
      1,
      "gan: Parzen evaluation needs held-out data: give --test FILE (and --validation FILE) in the spec's idx format, e.g. the t10k images of an IDX data set",
    ]);
    const halves = JSON.parse(
      (await gan("eval", ick, "--parzen", "--samples", "50", "--test", `${dir}/test.idx`, "--json")).stdout,
    );
    expect([halves.validationPoints, halves.testPoints, halves.data]).toEqual([
      60,
      60,
      `${dir}/test.idx: examples 1-60 (validation), 61-120 (test)`,
    ]);
    const both = JSON.parse(
      (await gan(
        "eval",
        ick,
        "--parzen",
        "--samples",
        "50",
        "--test",
        `${dir}/test.idx`,
        "--validation",
        `${dir}/train.idx`,
        "--json",
      )).stdout,
    );
    expect([both.validationPoints, both.testPoints]).toEqual([200, 120]);
    const shape = await gan("eval", ick, "--parzen", "--test", `${dir}/small.idx`);
    expect([shape.code, shape.stderr.trim()]).toEqual([
      1,
      `gan: --test ${dir}/small.idx: its examples are 1x14x14, the spec's data shape is 1x28x28`,
    ]);
    await Deno.remove(dir, { recursive: true });
  });

  test("plot and figures: curves of a run, Figure 1 from a toy run, Figures 2 and 3 from an MNIST checkpoint", async () => {
    const dir = await Deno.makeTempDir();
    const toy = await gan("train", "specs/toy-1d.gan", "--steps", "1000", "--out", `${dir}/toy`);
    expect(toy.code).toBe(0);
    // a run draws its own curves at each checkpoint
    const curves = decode(Deno.readFileSync(`${dir}/toy/curves.png`));
    expect(curves.width).toBeGreaterThan(800);
    const f1 = await gan("figure", "1", `${dir}/toy`, "-o", `${dir}/f1.svg`);
    expect([f1.code, f1.stderr.trim()]).toEqual([0, `Figure 1 at steps 0, 1000 -> ${dir}/f1.svg`]);
    const svg = Deno.readTextFileSync(`${dir}/f1.svg`);
    expect(svg).toContain(">step 0 (initialisation)</text>");
    expect(svg).toContain(">step 1,000</text>");
    const p = await gan("plot", `${dir}/toy`, "-o", `${dir}/c.png`);
    expect(p.code).toBe(0);
    expect(decode(Deno.readFileSync(`${dir}/c.png`)).height).toBeGreaterThan(300);
    const missing = await gan("figure", "1", `${dir}/toy`, "--steps", "0,500", "-o", `${dir}/x.png`);
    expect([missing.code, missing.stderr.trim()]).toEqual([
      2,
      `gan: ${dir}/toy: no checkpoint for step 500; it has 0, 1000`,
    ]);

    const mnist = await gan("train", "specs/mnist-mlp.gan", "--steps", "1", "--out", `${dir}/mnist`);
    expect(mnist.code).toBe(0);
    const f2 = await gan("figure", "2", `${dir}/mnist`, "--rows", "3", "--cols", "4", "-o", `${dir}/f2.png`);
    expect(f2.code).toBe(0);
    const img = decode(Deno.readFileSync(`${dir}/f2.png`));
    // 3 rows of 4 samples + the neighbour, 56-pixel cells, 3-pixel padding, RGB for the yellow frames
    expect([img.width, img.height, img.channels]).toEqual([5 * 59 + 3, 3 * 59 + 3, 3]);
    const yellow = (x: number, y: number) =>
      Array.from(img.data.subarray((y * img.width + x) * 3, (y * img.width + x) * 3 + 3));
    expect(yellow(4 * 59 + 1, 1)).toEqual([255, 210, 0]);
    expect(yellow(1, 1)).toEqual([128, 128, 128]);
    const f3 = await gan(
      "figure",
      "3",
      `${dir}/mnist/checkpoints/step-1.safetensors`,
      "--rows",
      "2",
      "--cols",
      "5",
      "-o",
      `${dir}/f3.png`,
    );
    expect(f3.code).toBe(0);
    expect(decode(Deno.readFileSync(`${dir}/f3.png`)).width).toBe(5 * 58 + 2);
    const wrong = await gan("figure", "1", `${dir}/mnist`, "-o", `${dir}/x.png`);
    expect([wrong.code, wrong.stderr.trim()]).toEqual([
      2,
      "gan: Figure 1 draws toy data (gaussian, mixture, ring or grid); mnist-mlp's data is mnist, 1x28x28",
    ]);
    const again = await gan("train", "specs/toy-1d.gan", "--steps", "1", "--out", `${dir}/toy`);
    expect(again.code).toBe(2);
    expect(again.stderr.trim()).toBe(
      `gan: ${dir}/toy already holds a run (metrics.jsonl, checkpoints); give another --out, or continue it with --resume ${dir}/toy/checkpoints/step-1000.safetensors`,
    );
    await Deno.remove(dir, { recursive: true });
  });

  test("cifar10-conv trains on a CIFAR-10 binary file given by path (a generated one)", async () => {
    const dir = await Deno.makeTempDir();
    const records = 200;
    const bytes = new Uint8Array(records * 3073);
    for (let i = 0; i < records; i++) {
      bytes[i * 3073] = i % 10; // the label, then 32x32 red, green and blue planes
      for (let j = 1; j < 3073; j++) bytes[i * 3073 + j] = (i * 31 + j * 7) % 256;
    }
    Deno.writeFileSync(`${dir}/batch.bin`, bytes);
    const spec = Deno.readTextFileSync(`${root}specs/cifar10-conv.gan`).replace(
      /cifar10\("[^"]*"\)/,
      `cifar10("${dir}/batch.bin")`,
    ).replace("batch = 128", "batch = 16")
      // the spec at 8 channels a layer: the same layers, strides and data path, a fraction of the work
      .replace("dense(4096", "dense(128").replace("reshape(256, 4, 4)", "reshape(8, 4, 4)").replace(
        /(conv2d(?:_transpose)?)\((64|128|256),/g,
        "$1(8,",
      );
    await Deno.writeTextFile(`${dir}/c.gan`, spec);
    // buffer kernels (--target gpu) compile in a fraction of the time of the texture kernels, whose
    // numbers the kernel tests check; this test is about the data path
    const r = await gan("train", `${dir}/c.gan`, "--steps", "2", "--out", `${dir}/run`, "--target", "gpu");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`cifar10-conv: 200 examples from ${dir}/batch.bin`);
    const ckpt = `${dir}/run/checkpoints/step-2.safetensors`;
    const s = await gan("sample", ckpt, "-n", "4", "-o", `${dir}/s.png`);
    expect(s.code).toBe(0);
    const img = decode(Deno.readFileSync(`${dir}/s.png`));
    expect(img.channels).toBe(3); // RGB samples
    // a truncated file is one clear line
    Deno.writeFileSync(`${dir}/batch.bin`, bytes.subarray(0, 3073 * 3 + 100));
    const bad = await gan("train", `${dir}/c.gan`, "--steps", "1", "--out", `${dir}/run2`, "--target", "gpu");
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toContain(`${dir}/batch.bin`);
    await Deno.remove(dir, { recursive: true });
  }, 300_000);

  test("generator_average: sample and eval read the average, --raw the trained weights, and say which", async () => {
    const dir = await Deno.makeTempDir();
    const spec = `${root}compiler/samples/valid/generator-average/input.gan`; // ema(decay = 0.9, from_step = 1)
    const r = await gan("train", spec, "--steps", "4", "--out", `${dir}/run`, "--target", "gpu");
    expect(r.code, r.stderr).toBe(0);
    const ckpt = `${dir}/run/checkpoints/step-4.safetensors`;
    const avg = await gan("sample", ckpt, "-n", "8", "-o", `${dir}/avg.npy`);
    const raw = await gan("sample", ckpt, "-n", "8", "-o", `${dir}/raw.npy`, "--raw");
    expect([avg.code, raw.code]).toEqual([0, 0]);
    expect(avg.stderr).toContain("(EMA of G's weights, decay 0.9 from step 1)");
    expect(raw.stderr).toContain("(G's trained weights)");
    const a = decodeNpy(Deno.readFileSync(`${dir}/avg.npy`), "avg").data;
    const b = decodeNpy(Deno.readFileSync(`${dir}/raw.npy`), "raw").data;
    expect(a.length).toBe(8 * 784);
    expect(a.some((x, i) => Math.abs(x - b[i]) > 1e-4)).toBe(true);
    const e = await gan("eval", ckpt, "--parzen", "--samples", "100", "--json");
    expect(e.code, e.stderr).toBe(0);
    expect(JSON.parse(e.stdout).weights).toBe("EMA of G's weights, decay 0.9 from step 1");
    await Deno.remove(dir, { recursive: true });
  }, 300_000);

  test("diff: exit 0 same, 1 different, 2 error; --json; --rev against a git revision; summary --textconv for git", async () => {
    const dir = await Deno.makeTempDir();
    const toy = Deno.readTextFileSync(`${root}specs/toy-1d.gan`);
    await Deno.writeTextFile(`${dir}/a.gan`, toy);
    await Deno.writeTextFile(
      `${dir}/same.gan`,
      toy.replace("# The paper's Figure 1", "# reworded: Figure 1").replace("dense(16)", "dense( 16 )"),
    );
    await Deno.writeTextFile(`${dir}/b.gan`, toy.replace("dense(16)", "dense(24)"));
    const same = await gan("diff", `${dir}/a.gan`, `${dir}/same.gan`);
    expect([same.code, same.stdout.trim().split("\n").pop()]).toEqual([
      0,
      "same architecture and setup (formatting and comments aside)",
    ]);
    const differ = await gan("diff", `${dir}/a.gan`, `${dir}/b.gan`);
    expect(differ.code).toBe(1);
    expect(differ.stdout).toContain("~  0  dense(16) => dense(24)  [16] => [24]");
    expect(differ.stdout).not.toContain("\x1b["); // no colour when not a terminal
    const json = JSON.parse((await gan("diff", `${dir}/a.gan`, `${dir}/b.gan`, "--json")).stdout);
    expect(json.same).toBe(false);
    expect(json.networks[0].layers[0]).toMatchObject({
      change: "changed",
      before: { layer: "dense(16)" },
      after: { layer: "dense(24)" },
    });
    expect(json.plan.after.kernels).toBeGreaterThan(10);
    const missing = await gan("diff", `${dir}/a.gan`, `${dir}/nope.gan`);
    expect([missing.code, missing.stderr.trim()]).toEqual([2, `gan: ${dir}/nope.gan: no such file`]);
    await Deno.writeTextFile(`${dir}/bad.gan`, toy.replace("dense(16)", "dense(-1)"));
    const bad = await gan("diff", `${dir}/a.gan`, `${dir}/bad.gan`);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.gan: 1 error; nothing compared/);
    // --rev: the working file against itself at a commit
    const git = (...args: string[]) =>
      new Deno.Command("git", { args: ["-C", dir, "-c", "user.name=t", "-c", "user.email=t@t", ...args] }).outputSync();
    git("init", "-q");
    git("add", "a.gan");
    git("commit", "-qm", "one");
    await Deno.writeTextFile(`${dir}/a.gan`, toy.replace("dense(16)", "dense(24)"));
    const rev = await gan("diff", `${dir}/a.gan`, "--rev", "HEAD");
    expect(rev.code).toBe(1);
    expect(rev.stdout).toContain(`--- ${dir}/a.gan@HEAD`);
    const norev = await gan("diff", `${dir}/a.gan`, "--rev", "HEAD~5");
    expect(norev.code).toBe(2);
    expect(norev.stderr).toMatch(/^gan: --rev HEAD~5: cannot read .*a\.gan at that revision: /);
    // git's diff driver: the summary of a good spec, the text of a bad one, never a failure
    const tc = await gan("summary", "--textconv", `${dir}/bad.gan`);
    expect([tc.code, tc.stdout.split("\n")[0]]).toEqual([0, `# ${dir}/bad.gan does not check (1 error); its text:`]);
    await Deno.remove(dir, { recursive: true });
  });

  test("hostile input, one line each: an unknown top-level flag, steps and seeds out of range, a spec named like a path", async () => {
    const bogus = await gan("--bogus");
    expect([bogus.code, bogus.stderr.trim()]).toEqual([
      2,
      "gan: unknown option `--bogus`; run `gan --help` for the commands and their options",
    ]);
    const steps = await gan("train", "specs/toy-1d.gan", "--steps", "1e20");
    expect([steps.code, steps.stderr.trim()]).toEqual([
      2,
      "gan: --steps 100000000000000000000: expected a whole number from 1 to 1,000,000,000",
    ]);
    const seed = await gan("train", "specs/toy-1d.gan", "--seed", "4294967296");
    expect([seed.code, seed.stderr.trim()]).toEqual([
      2,
      "gan: --seed 4294967296: expected a whole number from 0 to 4,294,967,295",
    ]);
    // an endless device file as data: refused by its kind at once, not read until memory runs out
    const zero = await gan("train", "specs/mnist-mlp.gan", "--data", "/dev/zero", "--steps", "1");
    expect([zero.code, zero.stderr.trim()]).toEqual([
      1,
      "gan: /dev/zero: is not a regular file (a device, pipe or socket); give a data file",
    ]);
    // 200,000 errors: the first 50 are shown, the rest counted
    const dir0 = await Deno.makeTempDir();
    await Deno.writeTextFile(`${dir0}/many.gan`, 'gan "x"\n' + "a {}\n".repeat(200_000));
    const many = await gan("check", `${dir0}/many.gan`);
    expect(many.code).toBe(1);
    expect(many.stderr.match(/^error\[E1\d\d\]/gm)?.length).toBe(50);
    expect(many.stderr).toContain(`${dir0}/many.gan: 199,957 more not shown (the first 50 are above;`);
    expect(many.stderr.trim().split("\n").pop()).toBe(`${dir0}/many.gan: 200,007 errors`);
    await Deno.remove(dir0, { recursive: true });
    // a revision is not a git option (`--output=FILE` would have git write a file)
    const inject = await gan("diff", "specs/toy-1d.gan", "--rev=--output=/tmp/gan-injected");
    expect([inject.code, inject.stderr.trim()]).toEqual([
      2,
      "gan: --rev --output=/tmp/gan-injected: give a git revision such as HEAD~1 or a commit (not an option)",
    ]);
    // nor as a spec or a checkpoint
    for (const args of [["check", "/dev/zero"], ["sample", "/dev/zero", "-o", "never.png"]]) {
      const out = await gan(...args);
      expect([out.code, out.stderr.trim()]).toEqual([
        2,
        "gan: /dev/zero is not a regular file (a device, pipe or socket)",
      ]);
    }
    // a spec's name is a name: `gan compile` and `gan train` refuse one that would write outside their folders
    const dir = await Deno.makeTempDir();
    await Deno.mkdir(`${dir}/a/b`, { recursive: true });
    const text = Deno.readTextFileSync(`${root}specs/toy-1d.gan`).replace('gan "toy-1d"', 'gan "../../victim"');
    await Deno.writeTextFile(`${dir}/a/b/evil.gan`, text);
    for (const args of [["compile", "evil.gan"], ["train", "evil.gan", "--steps", "1"]]) {
      const out = await new Deno.Command("node", {
        args: [`${root}runtime/cli/bin.mjs`, ...args],
        cwd: `${dir}/a/b`,
        env: { NO_COLOR: "1" },
      }).output();
      const err = new TextDecoder().decode(out.stderr);
      expect(out.code, err).toBe(1);
      expect(err).toContain('error[E116]: the spec\'s name "../../victim" holds a path separator');
      noTrace(err);
    }
    expect([...Deno.readDirSync(dir)].map((e) => e.name)).toEqual(["a"]);
    expect([...Deno.readDirSync(`${dir}/a/b`)].map((e) => e.name)).toEqual(["evil.gan"]);
    await Deno.remove(dir, { recursive: true });
  });

  test("outputs: -o makes its folder or says why not; gan compile removes only its own stale kernels; a busy port is one line", async () => {
    const dir = await Deno.makeTempDir();
    const line = (step: number) =>
      JSON.stringify({ step, epoch: 0, d_loss: 0.6, g_loss: 0.7, d_real: 0.5, d_fake: 0.5, lr: 0.1, ms_per_step: 1 });
    await Deno.writeTextFile(`${dir}/metrics.jsonl`, `${line(100)}\n${line(200)}\n`);
    const made = await gan("plot", dir, "-o", `${dir}/new/deeper/curves.png`);
    expect(made.code, made.stderr).toBe(0);
    expect(Deno.statSync(`${dir}/new/deeper/curves.png`).size).toBeGreaterThan(1000);
    await Deno.writeTextFile(`${dir}/file`, "");
    const blocked = await gan("plot", dir, "-o", `${dir}/file/curves.png`);
    expect([blocked.code, blocked.stderr.trim()]).toEqual([
      2,
      `gan: -o ${dir}/file/curves.png: ${dir}/file is a file, not a folder`,
    ]);

    // a generated folder (it has a plan.json) where a user keeps notes beside an older compile's kernels
    expect((await gan("compile", "specs/toy-1d.gan", "-o", `${dir}/out`)).code).toBe(0);
    await Deno.writeTextFile(`${dir}/out/kernels/notes.txt`, "mine");
    await Deno.writeTextFile(`${dir}/out/kernels/999-stale.wgsl`, "// from an older compile");
    await Deno.writeTextFile(`${dir}/out/kernels/1234-stale.wgsl`, "// a ResNet's: four digits");
    const c = await gan("compile", "specs/toy-1d.gan", "-o", `${dir}/out`);
    expect(c.code, c.stderr).toBe(0);
    expect(Deno.readTextFileSync(`${dir}/out/kernels/notes.txt`)).toBe("mine");
    expect(() => Deno.statSync(`${dir}/out/kernels/999-stale.wgsl`)).toThrow();
    expect(() => Deno.statSync(`${dir}/out/kernels/1234-stale.wgsl`)).toThrow();
    expect(Deno.statSync(`${dir}/out/trainer.ts`).isFile).toBe(true);

    // gan serve from a folder other than the project's: the page's script still bundles
    const serving = new Deno.Command("node", {
      args: [`${root}runtime/cli/bin.mjs`, "serve", `${root}specs/toy-1d.gan`, "--port", "0"],
      cwd: dir,
      env: { NO_COLOR: "1" },
      stderr: "piped",
    }).spawn();
    const reader = serving.stderr.pipeThrough(new TextDecoderStream()).getReader();
    let said = "";
    while (!/http:\/\/127\.0\.0\.1:\d+\//.test(said)) {
      const { value, done } = await reader.read();
      if (done) break;
      said += value;
    }
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(said)?.[0];
    expect(url, said).toBeDefined();
    const app = await fetch(`${url}app.js`);
    expect(app.status).toBe(200);
    expect(await app.text()).toContain("createTrainer");
    serving.kill("SIGTERM");
    await serving.status;
    await reader.cancel();

    const busy = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    const port = (busy.addr as Deno.NetAddr).port;
    const s = await gan("serve", "specs/toy-1d.gan", "--port", String(port));
    busy.close();
    expect([s.code, s.stderr.trim().split("\n").at(-1)]).toEqual([
      2,
      `gan: --port ${port}: 127.0.0.1:${port} is in use; give another port, or --port 0 for a free one`,
    ]);
    noTrace(s.stderr);
    await Deno.remove(dir, { recursive: true });
  });

  test("signals: Ctrl-C to the wrapper stops within a moment and saves; killing the wrapper ends Deno too", async () => {
    const dir = await Deno.makeTempDir();
    // nothing is logged, sampled or saved on its own for a million steps: only the stop can end the run
    const text = Deno.readTextFileSync(`${root}specs/toy-1d.gan`).replace("steps = 4000", "steps = 1000000")
      .replace("log_every = 100", "log_every = 1000000").replace("sample_every = 500", "sample_every = 1000000")
      .replace("checkpoint_every = 1000", "checkpoint_every = 1000000");
    await Deno.writeTextFile(`${dir}/long.gan`, text);
    const start = async (out: string) => {
      const child = new Deno.Command("node", {
        args: [`${root}runtime/cli/bin.mjs`, "train", `${dir}/long.gan`, "--out", out],
        cwd: root,
        env: { NO_COLOR: "1" },
        stderr: "piped",
      }).spawn();
      let err = "";
      const reader = child.stderr.pipeThrough(new TextDecoderStream()).getReader();
      while (!err.includes("pipelines ready")) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`gan train ended early: ${err}`);
        err += value;
      }
      const rest = (async () => {
        for (let r = await reader.read(); !r.done; r = await reader.read()) err += r.value;
        return err;
      })();
      await new Promise((r) => setTimeout(r, 1500)); // training
      return { child, rest };
    };

    const a = await start(`${dir}/a`);
    const sent = performance.now();
    a.child.kill("SIGINT");
    const status = await a.child.status;
    const seconds = (performance.now() - sent) / 1000;
    const err = await a.rest;
    expect(status.code, err).toBe(130);
    expect(seconds, err).toBeLessThan(5);
    const stopped = /stopped at step (\d+)/.exec(err);
    expect(stopped, err).not.toBeNull();
    expect(Deno.statSync(`${dir}/a/checkpoints/step-${stopped![1]}.safetensors`).size).toBeGreaterThan(0);

    const b = await start(`${dir}/b`);
    const ps = await new Deno.Command("pgrep", { args: ["-P", String(b.child.pid)], stdout: "piped" }).output();
    const deno = Number(new TextDecoder().decode(ps.stdout).trim().split("\n")[0]);
    expect(deno).toBeGreaterThan(0);
    b.child.kill("SIGTERM");
    expect((await b.child.status).code).toBe(143);
    await b.rest;
    await new Promise((r) => setTimeout(r, 500));
    const alive = await new Deno.Command("ps", { args: ["-p", String(deno)], stdout: "null" }).output();
    expect(alive.code, `Deno (pid ${deno}) still runs after its wrapper was killed`).not.toBe(0);
    await Deno.remove(dir, { recursive: true });
  });

  test("a corrupt generated folder is one line: a kernel that does not compile names itself; a missing file says which", async () => {
    const dir = await Deno.makeTempDir();
    const copy = async (to: string) => {
      await new Deno.Command("cp", { args: ["-r", `${root}generated/toy-1d`, to] }).output();
    };
    await copy(`${dir}/bad-kernel`);
    const kernels = Deno.readTextFileSync(`${dir}/bad-kernel/kernels.ts`);
    Deno.writeTextFileSync(`${dir}/bad-kernel/kernels.ts`, kernels.replace("@compute", "@compute oops"));
    const k = await gan("train", `${dir}/bad-kernel`, "--steps", "1", "--out", `${dir}/run1`);
    expect(k.code, k.stderr).toBe(1);
    expect(k.stderr).toMatch(/gan: the kernel "init: .*" does not compile on this device: /);
    noTrace(k.stderr);
    await copy(`${dir}/no-kernels`);
    await Deno.remove(`${dir}/no-kernels/kernels.ts`);
    const m = await gan("train", `${dir}/no-kernels`, "--steps", "1", "--out", `${dir}/run2`);
    expect(m.code, m.stderr).toBe(1);
    expect(m.stderr).toContain(`gan: ${dir}/no-kernels: its trainer.ts does not load (`);
    noTrace(m.stderr);
    await Deno.remove(dir, { recursive: true });
  });

  test("run folders: --out never writes into a folder that is not a run; a loose checkpoint continues in a new run folder", async () => {
    const dir = await Deno.makeTempDir();
    await Deno.mkdir(`${dir}/mine`);
    await Deno.writeTextFile(`${dir}/mine/spec.gan`, "mine");
    await Deno.writeTextFile(`${dir}/mine/curves.png`, "mine");
    const r = await gan("train", "specs/toy-1d.gan", "--steps", "1", "--out", `${dir}/mine`);
    expect([r.code, r.stderr.trim()]).toEqual([
      2,
      `gan: --out ${dir}/mine: it holds files and is not a run folder (no .gan-run); give a new or empty folder`,
    ]);
    expect(Deno.readTextFileSync(`${dir}/mine/spec.gan`) + Deno.readTextFileSync(`${dir}/mine/curves.png`)).toBe(
      "minemine",
    );
    const onFile = await gan("train", "specs/toy-1d.gan", "--steps", "1", "--out", `${dir}/mine/spec.gan`);
    expect([onFile.code, onFile.stderr.trim()]).toEqual([
      2,
      `gan: --out ${dir}/mine/spec.gan: it is a file, not a folder`,
    ]);

    // a checkpoint downloaded beside a user's unrelated checkpoints/ and metrics.jsonl
    expect((await gan("train", "specs/toy-1d.gan", "--steps", "100", "--out", `${dir}/run`)).code).toBe(0);
    expect((await gan("train", "specs/toy-1d.gan", "--steps", "200", "--out", `${dir}/whole`)).code).toBe(0);
    await Deno.mkdir(`${dir}/home/Downloads`, { recursive: true });
    await Deno.mkdir(`${dir}/home/checkpoints`);
    await Deno.mkdir(`${dir}/work`);
    await Deno.copyFile(
      `${dir}/run/checkpoints/step-100.safetensors`,
      `${dir}/home/Downloads/toy-step-100.safetensors`,
    );
    await Deno.writeTextFile(`${dir}/home/checkpoints/step-200.safetensors`, "unrelated");
    await Deno.writeTextFile(`${dir}/home/metrics.jsonl`, "unrelated\n");
    const out = await new Deno.Command("node", {
      args: [
        `${root}runtime/cli/bin.mjs`,
        "train",
        "--resume",
        `${dir}/home/Downloads/toy-step-100.safetensors`,
        "--steps",
        "100",
      ],
      cwd: `${dir}/work`,
      env: { NO_COLOR: "1" },
    }).output();
    const err = new TextDecoder().decode(out.stderr);
    expect(out.code, err).toBe(0);
    expect(err).toContain(
      "toy-step-100.safetensors is not in a run folder's checkpoints/: the run continues in runs/toy-1d-",
    );
    expect(Deno.readTextFileSync(`${dir}/home/checkpoints/step-200.safetensors`)).toBe("unrelated");
    expect(Deno.readTextFileSync(`${dir}/home/metrics.jsonl`)).toBe("unrelated\n");
    const [made] = [...Deno.readDirSync(`${dir}/work/runs`)].map((e) => e.name);
    // a checkpoint cut off by kill -9 leaves its temporary file: the next run in the folder removes it,
    // and keeps a live process's
    const dead = `${dir}/run/checkpoints/step-150.safetensors.tmp-999999-a1b2c3d4`;
    const live = `${dir}/run/checkpoints/step-150.safetensors.tmp-${Deno.pid}-a1b2c3d4`;
    await Deno.writeTextFile(dead, "half a checkpoint");
    await Deno.writeTextFile(live, "being written");
    // a live writer holds its temporary file's lock until the rename (this process stands in for one)
    const writer = await Deno.open(live, { read: true, write: true });
    await writer.lock(true);
    const again = await gan("train", "--resume", `${dir}/run/checkpoints/step-100.safetensors`, "--steps", "1");
    writer.close();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain("removed 1 unfinished temporary file of a run killed while writing");
    expect(() => Deno.statSync(dead)).toThrow();
    expect(Deno.readTextFileSync(live)).toBe("being written");
    // and it continues bit for bit
    expect(Deno.readFileSync(`${dir}/work/runs/${made}/checkpoints/step-200.safetensors`)).toEqual(
      Deno.readFileSync(`${dir}/whole/checkpoints/step-200.safetensors`),
    );
    await Deno.remove(dir, { recursive: true });
  });

  test("a checkpoint holding a NaN is refused with the tensor's name, unless --allow-nonfinite", async () => {
    const dir = await Deno.makeTempDir();
    expect((await gan("train", "specs/toy-1d.gan", "--steps", "1", "--out", `${dir}/run`)).code).toBe(0);
    const { decodeSafetensors, encodeSafetensors } = await import("../io/safetensors.ts");
    const st = decodeSafetensors(Deno.readFileSync(`${dir}/run/checkpoints/step-1.safetensors`));
    (st.tensors["G.0.weight"].data as Float32Array)[3] = NaN;
    Deno.writeFileSync(`${dir}/nan.safetensors`, encodeSafetensors(st.tensors, st.metadata));
    const message =
      `gan: ${dir}/nan.safetensors: tensor G.0.weight holds 1 NaN or infinite value of 16; give --allow-nonfinite to use it anyway`;
    const sample = await gan("sample", `${dir}/nan.safetensors`, "-o", `${dir}/x.npy`);
    expect([sample.code, sample.stderr.trim()]).toEqual([1, message]);
    const resume = await gan("train", "--resume", `${dir}/nan.safetensors`, "--steps", "1", "--out", `${dir}/r`);
    expect([resume.code, resume.stderr.trim()]).toEqual([1, message]);
    const allowed = await gan("sample", `${dir}/nan.safetensors`, "-o", `${dir}/x.npy`, "--allow-nonfinite");
    expect(allowed.code, allowed.stderr).toBe(0);
    await Deno.remove(dir, { recursive: true });
  });
});
