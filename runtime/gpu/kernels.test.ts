// Every generated kernel, run alone on random inputs, against the float64 interpreter (max relative error 1e-4).
import { describe, expect, test } from "vitest";
import { evaluate, type IrTensor as Tensor } from "../../compiler/index.ts";
import type { Node } from "../../compiler/index.ts";
import { size } from "../../compiler/index.ts";
import { Op } from "../../compiler/index.ts";
import { uniformTensor } from "../../compiler/index.ts";
import { lower } from "../../compiler/index.ts";
import { planProgramDetailed } from "../../compiler/index.ts";
import { GpuExecutor } from "./executor.ts";
import { batchesFor, gpu, randomData, smallSpec, TEST_TARGETS } from "./testing.ts";

const SPECS = ["toy-1d.gan", "mnist-mlp.gan", "dcgan-mnist.gan", "cifar10-conv.gan"];
// shrunk to 6 channels, convolutions keep buffers; at 8 they are implicit products on textures (rule 10)
const WIDE = new Set(["dcgan-mnist.gan"]);

describe.skipIf(!gpu)("every generated kernel against the float64 reference", () => {
  const cases = SPECS.flatMap((s) =>
    Object.entries(TEST_TARGETS).map(([t, target]) => ({ name: s, width: 6, t, target }))
  );
  for (const s of WIDE) cases.push({ name: s, width: 8, t: "software", target: TEST_TARGETS.software });
  // at 8 every layer's width is whole texels: the products' epilogues read and write vec4s
  cases.push({ name: "mnist-mlp.gan", width: 8, t: "software", target: TEST_TARGETS.software });
  const batchOf = (width: number) => (width === 8 ? 4 : 3); // 4: the 28x28 transposes split their rows evenly by phase
  for (const { name, width, t: targetName, target } of cases) {
    test(`${name} at width ${width} (${targetName} kernels)`, async () => {
      const spec = smallSpec(name, { width, batch: batchOf(width), latent: 4 });
      // as training plans it: weights whose textures persist are packed by Plan.repack, and their
      // update kernels write the textures
      const { plan, details, repack } = planProgramDetailed(lower(spec), { target, persistWeights: true });
      const data = randomData(spec, Math.max(8, spec.train.batch));
      const ex = new GpuExecutor(
        gpu!.device,
        plan,
        { values: data.f32, n: data.n },
        batchesFor(data.n, plan.batch, plan.realBatches, 1),
      );
      await ex.createPipelines();
      const state = Float32Array.from(
        uniformTensor({ seed: 1, stream: 5, step: 0, draw: 0 }, plan.stateSize),
        (u) => 2 * u - 1,
      );
      const temp = Float32Array.from(
        uniformTensor({ seed: 1, stream: 6, step: 0, draw: 0 }, plan.tempSize),
        (u) => 2 * u - 1,
      );
      const step = 3;
      const seed = 11;
      const params = new Map(
        plan.params.map((p) => [p.name, Float64Array.from(state.subarray(p.offset, p.offset + size(p.shape)))]),
      );
      const inputs = new Map<string, Tensor>([["step", Float64Array.of(step)], ["epoch", Float64Array.of(0)]]);
      let checked = 0;
      let persisted = 0;
      const failures: string[] = [];
      for (const d of details) {
        // the texture each packing kernel fills, to run it again before a matmul that reads it
        const packs = new Map(
          [...repack, ...d.kernels.filter((k) => k.kernel.output === "texture")].map((k) => [k.kernel.root, k]),
        );
        for (const { kernel, plan: kp } of d.kernels) {
          ex.writeArena("state", 0, state);
          ex.writeArena("temp", 0, temp);
          ex.setClock(step, seed);
          const memo = new Map<Node, Tensor>();
          // a matmul's operands are the textures its packing kernels write (each checked on its own)
          for (const r of kernel.texReads ?? []) {
            const pk = packs.get(r)!;
            ex.runKernels([pk.plan]);
            const v = Float64Array.from(await ex.readTexture(pk.plan.textures![0].id, ...rowsCols(r)));
            memo.set(r, v);
            // a convolution's operand is a view (a permuted reshape) of the value it convolves
            if (kernel.anchor?.op !== Op.MATMUL) memo.set(r.src[0].src[0], unpermute(r.src[0], v));
          }
          ex.runKernels([kp]);
          const got = kernel.output === "texture"
            ? await ex.readTexture(kp.textures![0].id, ...rowsCols(kernel.root))
            : await ex.readArena(d.where(kernel.root)!, size(kernel.root.shape) || 1);
          for (const r of kernel.reads) {
            const loc = d.where(r);
            if (r.op === Op.PARAM || !loc) continue; // params come from `params`, step and epoch from `inputs`
            memo.set(
              r,
              Float64Array.from(
                (loc.arena === "state" ? state : temp).subarray(loc.offset, loc.offset + (size(r.shape) || 1)),
              ),
            );
          }
          // an update that writes a persisting weight's texture: the texture holds the new weight, exactly
          for (const w of kernel.output === "texture" ? [] : (kp.textures ?? []).filter((x) => x.access === "write")) {
            const weight = repack.find((r) => r.plan.textures![0].id === w.id)!.kernel.root;
            const at = plan.params.find((x) => x.name === weight.arg)!;
            const stored = await ex.readArena({ arena: "state", offset: at.offset }, size(weight.shape));
            const texture = await ex.readTexture(w.id, ...rowsCols(weight));
            persisted++;
            if (stored.some((v, i) => !Object.is(v, texture[i]))) failures.push(`${kp.label}: ${weight.arg}'s texture`);
          }
          // a kernel may store values besides its root (a maxout's pre-max values): check each
          const outputs: [Node, Float32Array][] = [[kernel.root, got]];
          for (const x of kernel.extras ?? []) outputs.push([x, await ex.readArena(d.where(x)!, size(x.shape))]);
          const wanted = evaluate(outputs.map(([n]) => n), { params, inputs, seed, step }, memo);
          for (const [n, values] of outputs) {
            const want = wanted.get(n)!;
            let worst = 0;
            for (let i = 0; i < want.length; i++) {
              if (!Number.isFinite(want[i])) continue; // log or sqrt of a random negative: undefined in WGSL
              worst = Math.max(worst, Math.abs(values[i] - want[i]) / Math.max(1, Math.abs(want[i])));
            }
            checked++;
            if (!(worst < 1e-4)) {
              failures.push(`${kp.label}${n === kernel.root ? "" : " (extra output)"}: max relative error ${worst}`);
            }
          }
        }
      }
      ex.destroy();
      const implicit = details.flatMap((d) =>
        d.kernels
      ).filter(({ kernel }) => kernel.texReads && kernel.anchor?.op !== Op.MATMUL).length;
      if (WIDE.has(name)) expect(implicit > 0).toBe(width === 8 && targetName === "software");
      const texel = details.flatMap((d) => d.kernels).filter(({ plan }) =>
        plan.wgsl.includes("tv: vec4<f32>") && plan.wgsl.includes("state: array<vec4<f32>>")
      );
      if (name === "mnist-mlp.gan" && width === 8) expect(texel.length).toBeGreaterThan(8);
      // the MLP's five weights persist (as at full size): their updates write their textures
      if (name === "mnist-mlp.gan" && width === 8) expect(persisted).toBe(5);
      if (targetName === "gpu") expect(repack).toEqual([]);
      // convolutions on buffers take several output channels per invocation (conv2d, transposed, filter gradient)
      const blocked = details.flatMap((d) => d.kernels).filter(({ kernel, plan }) =>
        !kernel.texReads && kernel.anchor?.op.startsWith("conv") && plan.wgsl.includes("let co0 = ")
      );
      if (WIDE.has(name) && width === 6) expect(new Set(blocked.map((b) => b.kernel.anchor!.op)).size).toBe(3);
      const phased = details.flatMap((d) => d.kernels).filter(({ plan }) => plan.wgsl.includes("let phase = row0"));
      if (WIDE.has(name) && width === 8) expect(phased.length).toBeGreaterThan(0);
      expect(failures).toEqual([]);
      expect(checked).toBeGreaterThan(10);
    });
  }
});

/** The value under a permute, from the permuted value (row-major). */
function unpermute(perm: Node, v: Float64Array): Float64Array {
  const order = perm.arg as number[];
  const base = perm.src[0].shape;
  const bs = base.map((_, i) => base.slice(i + 1).reduce((a, b) => a * b, 1));
  const out = new Float64Array(v.length);
  const idx = new Array(perm.shape.length).fill(0);
  for (let i = 0; i < v.length; i++) {
    let src = 0;
    for (let d = 0; d < order.length; d++) src += idx[d] * bs[order[d]];
    out[src] = v[i];
    for (let d = idx.length - 1; d >= 0; d--) {
      if (++idx[d] < perm.shape[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

function rowsCols(n: Node): [number, number] {
  const cols = n.shape[n.shape.length - 1] ?? 1;
  return [size(n.shape) / cols, cols];
}
