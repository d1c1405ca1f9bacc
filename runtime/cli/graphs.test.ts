// Graphs through the command line: SNGAN's ResNet (blocks, residuals with written and identity
// shortcuts, upsample, avg_pool) trains on a CIFAR-10 binary file and saves its tensors by path.
import { expect, test } from "vitest";
import { decodeSafetensors } from "../io/safetensors.ts";
import { gan, root } from "./testing.ts";

test(
  "sngan-resnet-cifar10 trains two steps on a CIFAR-10 file; the checkpoint names tensors by path",
  async () => {
    const dir = await Deno.makeTempDir();
    const records = 100;
    const bytes = new Uint8Array(records * 3073);
    for (let i = 0; i < records; i++) {
      bytes[i * 3073] = i % 10; // the label, then 32x32 red, green and blue planes
      for (let j = 1; j < 3073; j++) bytes[i * 3073 + j] = (i * 31 + j * 7) % 256;
    }
    Deno.writeFileSync(`${dir}/batch.bin`, bytes);
    const original = Deno.readTextFileSync(`${root}specs/sngan-resnet-cifar10.gan`);
    // the spec at 8 channels a block, a batch of 8 and one D-update a step: the same graph, blocks and
    // data path, a fraction of the work (each of k D-updates has kernels of its own for lavapipe to
    // compile: 1135 pipelines at k = 5, 451 at k = 1)
    const spec = original.replace(/cifar10\("[^"]*"\)/, `cifar10("${dir}/batch.bin")`)
      .replace(/batch = \d+/, "batch = 8")
      .replace(/k = 5\b/, "k = 1")
      .replace("dense(4096)", "dense(128)")
      .replace("reshape(256, 4, 4)", "reshape(8, 4, 4)")
      .replace(/res_up\(256\)/g, "res_up(8)")
      .replace(/res_down_first\(128\)|res_down\(128\)|res\(128\)/g, (m) => m.replace("128", "8"));
    expect(spec).not.toMatch(/(res\w*)\((128|256)\)|4096|256,|k = 5|batch = (16|64)/);
    await Deno.writeTextFile(`${dir}/s.gan`, spec);
    // buffer kernels (--target gpu) compile in a fraction of the time of the texture kernels
    const r = await gan("train", `${dir}/s.gan`, "--steps", "2", "--out", `${dir}/run`, "--target", "gpu");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`sngan-resnet-cifar10: 100 examples from ${dir}/batch.bin`);

    const metrics = Deno.readTextFileSync(`${dir}/run/metrics.jsonl`).trim().split("\n").map((l) => JSON.parse(l));
    expect(metrics.map((m) => m.step)).toEqual([2]);
    for (const m of metrics) {
      for (const k of ["d_loss", "g_loss", "d_real", "d_fake"]) {
        expect(Number.isFinite(m[k]), `${k} ${m[k]}`).toBe(
          true,
        );
      }
    }

    const { tensors } = decodeSafetensors(Deno.readFileSync(`${dir}/run/checkpoints/step-2.safetensors`));
    const shapes = Object.fromEntries(Object.entries(tensors).map(([name, t]) => [name, t.shape]));
    // G: dense 0, reshape 1, res_up at 2, 3, 4, each one residual (.0) whose written shortcut is
    // upsample (.shortcut.0) then a 1x1 conv (.shortcut.1)
    expect(shapes).toMatchObject({
      "G.0.weight": [128, 128],
      "G.2.0.0.gamma": [8],
      "G.2.0.3.weight": [8, 8, 3, 3],
      "G.2.0.shortcut.1.weight": [8, 8, 1, 1],
      "G.4.0.shortcut.1.bias": [8],
      "G.7.weight": [3, 8, 3, 3],
      // D: the first block's shortcut pools (.shortcut.0) before its conv (.shortcut.1), the second's
      // convolves first; every weight of D has its spectral norm's vector
      "D.0.0.0.weight": [8, 3, 3, 3],
      "D.0.0.shortcut.1.weight": [8, 3, 1, 1],
      "D.0.0.shortcut.1.sn_u": [8],
      "D.1.0.shortcut.0.weight": [8, 8, 1, 1],
      "D.3.0.3.sn_u": [8],
      "D.7.weight": [8, 1],
      "D.7.sn_u": [1],
    });
    // the identity shortcuts of D's last two blocks hold no tensors
    expect(Object.keys(tensors).filter((n) => /^D\.[23]\.0\.shortcut/.test(n))).toEqual([]);
    for (const [name, t] of Object.entries(tensors)) {
      if (t.data instanceof Float32Array) expect(t.data.every(Number.isFinite), name).toBe(true);
    }
    await Deno.remove(dir, { recursive: true });
  },
  180_000,
);

test("a conditional spec whose data's labels exceed its classes is refused in one line, before a run folder", async () => {
  const dir = await Deno.makeTempDir();
  const spec = Deno.readTextFileSync(`${root}compiler/samples/valid/conditional-acgan-small/input.gan`)
    .replace("classes = 10", "classes = 5").replace("embedding(10, 4)", "embedding(5, 4)")
    .replace("aux = dense(10)", "aux = dense(5)");
  await Deno.writeTextFile(`${dir}/c5.gan`, spec);
  const r = await gan("train", `${dir}/c5.gan`, "--steps", "1", "--out", `${dir}/run`);
  expect(r.code).toBe(1);
  expect(r.stderr.trim()).toBe(
    `gan: ${dir}/c5.gan: the data's labels go up to 9, and the spec has \`classes = 5\` (0 to 4)`,
  );
  expect(() => Deno.statSync(`${dir}/run`)).toThrow();
  await Deno.remove(dir, { recursive: true });
});
