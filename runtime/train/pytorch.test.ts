// `gan train --engine pytorch` end to end through the CLI: the paper's MNIST GAN trained by PyTorch
// writes a run folder that gan sample, gan eval --parzen and gan train --resume (WebGPU) read; a
// WebGPU checkpoint continues under PyTorch; the two engines, from the same seed, take the same steps
// (float32 rounding apart); two local ranks give the one-rank run's weights. Skipped with a warning
// without Debian's python3-torch.
import { describe, expect, test } from "vitest";
import { decodeCheckpoint } from "./checkpoint.ts";
import { gan, noTrace } from "../cli/testing.ts";
import { decodeNpy } from "../io/npy.ts";
import { findPython } from "./pytorch.ts";

const found = await findPython().catch(() => undefined);
const haveTorch = found !== undefined;
if (!haveTorch) console.warn("gan train --engine pytorch tests skipped: install python3-torch (Debian)");

const metrics = (dir: string) =>
  Deno.readTextFileSync(`${dir}/metrics.jsonl`).trim().split("\n").map((l) => JSON.parse(l) as Record<string, number>);

const tensors = (path: string) => decodeCheckpoint(Deno.readFileSync(path), path).tensors;

function worst(a: Map<string, Float32Array>, b: Map<string, Float32Array>): number {
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  let e = 0;
  for (const [k, x] of a) {
    const y = b.get(k)!;
    for (let i = 0; i < x.length; i++) e = Math.max(e, Math.abs(x[i] - y[i]) / Math.max(1e-2, Math.abs(y[i])));
  }
  return e;
}

describe.skipIf(!haveTorch)("gan train --engine pytorch", () => {
  test(
    "mnist-mlp: a PyTorch run folder that the other commands read, checkpoints both ways, the same steps as WebGPU",
    async () => {
      const dir = await Deno.makeTempDir({ prefix: "gan-pytorch-run-" });
      try {
        const pt = `${dir}/pt`;
        const r = await gan("train", "specs/mnist-mlp.gan", "--engine", "pytorch", "--steps", "3", "--out", pt);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toMatch(/trained at step 3 with PyTorch [\d.]+\S* on 1 rank/);
        for (const f of ["spec.gan", "samples/step-3.png", "checkpoints/step-3.safetensors", "pytorch/train.py"]) {
          expect(Deno.statSync(`${pt}/${f}`).isFile, f).toBe(true);
        }
        const m = metrics(pt);
        expect(m.map((x) => x.step)).toEqual([3]);
        expect(Object.keys(m[0]).sort()).toEqual(
          ["d_fake", "d_loss", "d_real", "epoch", "g_loss", "lr", "lr_g", "ms_per_step", "step"],
        );
        const ckpt = `${pt}/checkpoints/step-3.safetensors`;

        // the WebGPU engine from the same seed: the same batches, noise and masks, float32 apart
        const wg = `${dir}/wg`;
        const w = await gan("train", "specs/mnist-mlp.gan", "--steps", "3", "--out", wg);
        expect(w.code, w.stderr).toBe(0);
        const ours = metrics(wg)[0];
        for (const k of ["d_loss", "g_loss", "d_real", "d_fake"]) {
          expect(Math.abs(m[0][k] - ours[k]), k).toBeLessThan(1e-5);
        }
        const wgCkpt = `${wg}/checkpoints/step-3.safetensors`;
        expect(worst(tensors(ckpt), tensors(wgCkpt))).toBeLessThan(1e-3);

        // the PyTorch checkpoint read by the WebGPU commands
        const s = await gan("sample", ckpt, "-n", "5", "-o", `${dir}/s.npy`);
        expect(s.code, s.stderr).toBe(0);
        expect(decodeNpy(Deno.readFileSync(`${dir}/s.npy`), "s.npy").shape).toEqual([5, 1, 28, 28]);
        const e = await gan("eval", ckpt, "--parzen", "--samples", "300", "--json");
        expect(e.code, e.stderr).toBe(0);
        expect(Number.isFinite(JSON.parse(e.stdout).mean)).toBe(true);
        const g = await gan("train", "--resume", ckpt, "--steps", "2");
        expect(g.code, g.stderr).toBe(0);
        expect(g.stderr).toContain(`resumed from ${ckpt} at step 3`);
        expect(metrics(pt).map((x) => x.step)).toEqual([3, 5]);

        // and a WebGPU checkpoint continued by PyTorch
        const p = await gan("train", "--engine", "pytorch", "--resume", wgCkpt, "--steps", "2");
        expect(p.code, p.stderr).toBe(0);
        expect(p.stderr).toContain(`resumed from ${wgCkpt} at step 3`);
        expect(metrics(wg).map((x) => x.step)).toEqual([3, 5]);
        expect(worst(tensors(`${pt}/checkpoints/step-5.safetensors`), tensors(`${wg}/checkpoints/step-5.safetensors`)))
          .toBeLessThan(1e-3);

        // two local ranks, half a batch each: the one-rank run's weights
        const two = `${dir}/two`;
        const t = await gan(
          "train",
          "specs/mnist-mlp.gan",
          "--engine",
          "pytorch",
          "--ranks",
          "2",
          "--steps",
          "3",
          "--out",
          two,
        );
        expect(t.code, t.stderr).toBe(0);
        expect(t.stderr).toMatch(/on 2 ranks/);
        expect(worst(tensors(`${two}/checkpoints/step-3.safetensors`), tensors(ckpt))).toBeLessThan(1e-4);
      } finally {
        await Deno.remove(dir, { recursive: true });
      }
    },
    600_000,
  );

  test("mistakes: one line each, no stack trace", async () => {
    const cases: [string[], RegExp][] = [
      [
        ["train", "specs/mnist-mlp.gan", "--engine", "torch"],
        /--engine torch: the engines are webgpu \(the default\) and pytorch/,
      ],
      [
        ["train", "specs/mnist-mlp.gan", "--engine", "pytorch", "--ranks", "3"],
        /the spec's batch \(100\) does not split into 3 equal parts/,
      ],
      [
        ["train", "specs/mnist-mlp.gan", "--engine", "pytorch", "--python", "/nonexistent/python"],
        /--python \/nonexistent\/python: it does not run, or cannot import torch/,
      ],
      [["train", "specs/mnist-mlp.gan", "--ranks", "2"], /--ranks is for --engine pytorch/],
      [["train", "specs/mnist-mlp.gan", "--engine", "pytorch", "--target", "gpu"], /--target shapes WebGPU kernels/],
    ];
    for (const [args, want] of cases) {
      const r = await gan(...args);
      expect(r.code, args.join(" ")).not.toBe(0);
      expect(r.stderr).toMatch(want);
      expect(r.stderr.trim().split("\n").length, r.stderr).toBe(1);
      noTrace(r.stderr);
    }
  }, 120_000);

  test("gan compile --engine pytorch --with-data: a folder that trains by itself with python3 train.py", async () => {
    const dir = await Deno.makeTempDir({ prefix: "gan-pytorch-compile-" });
    try {
      const r = await gan("compile", "specs/ring-gan.gan", "--engine", "pytorch", "--with-data", "-o", `${dir}/out`);
      expect(r.code, r.stderr).toBe(0);
      expect([...Deno.readDirSync(`${dir}/out`)].map((e) => e.name).sort()).toEqual([
        "data.npy",
        "model.py",
        "train.py",
      ]);
      const run = await new Deno.Command(found!.python, {
        args: [`${dir}/out/train.py`, "--steps", "4", "--out", `${dir}/run`],
        stdout: "piped",
        stderr: "piped",
      }).output();
      expect(run.success, new TextDecoder().decode(run.stderr)).toBe(true);
      expect(new TextDecoder().decode(run.stdout)).toMatch(/10000 examples from .*data\.npy/);
      const c = decodeCheckpoint(Deno.readFileSync(`${dir}/run/checkpoints/step-4.safetensors`), "step-4");
      expect(c.step).toBe(4);
      expect(c.spec).toBe(Deno.readTextFileSync("specs/ring-gan.gan"));
      await Deno.writeTextFile(`${dir}/other/notes.txt`, "mine").catch(async () => {
        await Deno.mkdir(`${dir}/other`);
        await Deno.writeTextFile(`${dir}/other/notes.txt`, "mine");
      });
      const refused = await gan("compile", "specs/ring-gan.gan", "--engine", "pytorch", "-o", `${dir}/other`);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(/no train\.py, so it is not a generated folder/);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  }, 120_000);
});
