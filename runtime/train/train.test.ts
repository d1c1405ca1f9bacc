// gan train and gan sample end to end on a small spec: the run folder, bit-exact resume, samples that
// match the float64 reference from the same latent vectors.
import { describe, expect, test } from "vitest";
import { lowerSource } from "../../compiler/index.ts";
import { evaluate } from "../../compiler/index.ts";
import { lowerSampler } from "../../compiler/index.ts";
import { gpu } from "../gpu/testing.ts";
import { decodeNpy, encodeNpy } from "../io/npy.ts";
import { decodeCheckpoint } from "./checkpoint.ts";
import { train, withDataFile } from "./run.ts";
import { sampleCommand } from "./sample.ts";
import { quiet } from "./testing.ts";

const SPEC = new URL("../../specs/toy-1d.gan", import.meta.url).pathname;

describe.skipIf(!gpu)("gan train / gan sample", () => {
  test("writes the run folder, and a resumed run equals an uninterrupted one bit for bit", async () => {
    const tmp = await Deno.makeTempDir();
    expect(await quiet(() => train({ spec: SPEC, steps: 200, out: `${tmp}/a` }))).toBe(0);
    expect(await quiet(() => train({ spec: SPEC, steps: 100, out: `${tmp}/b` }))).toBe(0);
    expect(await quiet(() => train({ resume: `${tmp}/b/checkpoints/step-100.safetensors`, steps: 100 }))).toBe(0);
    const a = Deno.readFileSync(`${tmp}/a/checkpoints/step-200.safetensors`);
    const b = Deno.readFileSync(`${tmp}/b/checkpoints/step-200.safetensors`);
    expect(b).toEqual(a);
    const lines = (dir: string) =>
      Deno.readTextFileSync(`${dir}/metrics.jsonl`).trim().split("\n").map((l) => JSON.parse(l));
    const ma = lines(`${tmp}/a`);
    const mb = lines(`${tmp}/b`);
    expect(ma.map((m) => m.step)).toEqual([100, 200]);
    expect(mb.map((m) => m.step)).toEqual([100, 200]);
    for (const k of ["d_loss", "g_loss", "d_real", "d_fake"]) expect(mb[1][k]).toBe(ma[1][k]);
    for (const k of ["epoch", "lr", "ms_per_step", "dispatches", "upload_bytes"]) expect(ma[0]).toHaveProperty(k);
    expect(Deno.readTextFileSync(`${tmp}/a/spec.gan`)).toBe(Deno.readTextFileSync(SPEC));
    const ckpt = decodeCheckpoint(a, "a");
    expect(ckpt.step).toBe(200);
    expect([...ckpt.tensors.keys()]).toContain("G.0.weight");

    // samples from --z agree with the float64 reference forward pass on the checkpoint's weights
    const z = Float32Array.from({ length: 5 }, (_, i) => -1 + i / 2);
    Deno.writeFileSync(`${tmp}/z.npy`, encodeNpy(z, [5, 1]));
    expect(
      await quiet(() =>
        sampleCommand({
          checkpoint: `${tmp}/a/checkpoints/step-200.safetensors`,
          z: `${tmp}/z.npy`,
          out: `${tmp}/x.npy`,
        })
      ),
    ).toBe(0);
    const x = decodeNpy(Deno.readFileSync(`${tmp}/x.npy`), "x.npy");
    expect(x.shape).toEqual([5, 1]);
    const { spec } = lowerSource(Deno.readTextFileSync(SPEC));
    const s = lowerSampler(spec!, 5);
    const params = new Map([...ckpt.tensors].map(([k, v]) => [k, Float64Array.from(v)]));
    const want = evaluate([s.output], { params, inputs: new Map([["z", Float64Array.from(z)]]), seed: 0, step: 0 }).get(
      s.output,
    )!;
    for (let i = 0; i < 5; i++) expect(x.data[i]).toBeCloseTo(want[i], 4);
    await Deno.remove(tmp, { recursive: true });
  });
});

describe.skipIf(!gpu)("gan train on a generated folder", () => {
  test("runs the folder's own trainer.ts without parsing its spec: the checkpoint of the .gan's run, byte for byte", async () => {
    const tmp = await Deno.makeTempDir();
    const src = new URL("../../generated/toy-1d/", import.meta.url).pathname;
    for (const e of Deno.readDirSync(src)) {
      if (e.isFile) await Deno.copyFile(`${src}/${e.name}`, `${tmp}/${e.name}`);
      else await Deno.mkdir(`${tmp}/${e.name}`);
    }
    for (const sub of ["kernels", "support"]) {
      for (const e of Deno.readDirSync(`${src}/${sub}`)) {
        await Deno.copyFile(`${src}/${sub}/${e.name}`, `${tmp}/${sub}/${e.name}`);
      }
    }
    // the folder's spec.gan is not read: a broken one changes nothing
    await Deno.writeTextFile(`${tmp}/spec.gan`, "this is not a spec {");
    expect(await quiet(() => train({ spec: tmp, steps: 100, out: `${tmp}/run` }))).toBe(0);
    expect(await quiet(() => train({ spec: SPEC, steps: 100, out: `${tmp}/ref` }))).toBe(0);
    const a = Deno.readFileSync(`${tmp}/run/checkpoints/step-100.safetensors`);
    expect(a).toEqual(Deno.readFileSync(`${tmp}/ref/checkpoints/step-100.safetensors`));
    expect(Deno.readTextFileSync(`${tmp}/run/spec.gan`)).toBe(Deno.readTextFileSync(SPEC));
    await Deno.remove(tmp, { recursive: true });
  });
});

test("--data swaps the spec's source for a file: IDX by default, CIFAR-10 for .bin; comments and the rest stay", () => {
  const text = Deno.readTextFileSync(new URL("../../specs/dcgan-mnist.gan", import.meta.url));
  const idx = withDataFile(text, "/d/train-images-idx3-ubyte.gz");
  expect(idx).toContain(`source = idx("/d/train-images-idx3-ubyte.gz")`);
  expect(idx.replace(`idx("/d/train-images-idx3-ubyte.gz")`, "mnist")).toBe(text);
  expect(lowerSource(idx).spec!.data.source).toEqual({ kind: "idx", path: "/d/train-images-idx3-ubyte.gz" });
  const cifar = withDataFile(
    Deno.readTextFileSync(new URL("../../specs/cifar10-conv.gan", import.meta.url)),
    "b/data_batch_2.bin",
  );
  expect(lowerSource(cifar).spec!.data.source).toEqual({ kind: "cifar10", path: "b/data_batch_2.bin" });
  expect(() => withDataFile(text, 'a"b')).toThrow("cannot go in a spec");
});

test("a checkpoint of another spec is refused with the tensors that differ named", async () => {
  const { checkTensors } = await import("./checkpoint.ts");
  const { planProgram } = await import("../../compiler/index.ts");
  const toy = Deno.readTextFileSync(new URL("../../specs/toy-1d.gan", import.meta.url));
  const wider = lowerSource(toy.replace("dense(16)", "dense(24)")).program!;
  const plan = planProgram(lowerSource(toy).program!);
  const tensors = new Map(plan.params.map((p) => [p.name, new Float32Array(p.shape.reduce((a, b) => a * b, 1))]));
  const widerPlan = planProgram(wider);
  expect(() => checkTensors(widerPlan.params, { step: 1, seed: 1, spec: toy, tensors }, "old.safetensors")).toThrow(
    /^old\.safetensors: does not match the spec: G\.0\.weight has 16 values, the spec needs \[1, 24\]; G\.0\.bias has 16 values, the spec needs \[24\]; G\.2\.weight has 256 values, the spec needs \[24, 16\]/,
  );
  tensors.delete("D.0.bias");
  tensors.set("X.9.weight", new Float32Array(1));
  expect(() => checkTensors(plan.params, { step: 1, seed: 1, spec: toy, tensors }, "old.safetensors")).toThrow(
    "missing D.0.bias [32]; unexpected X.9.weight",
  );
});
