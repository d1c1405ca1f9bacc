// train.py data-parallel: two ranks on gloo, started as two processes (torchrun is broken on Debian's
// Python 3.11), each with half of every batch, end two steps with the same tensors as one rank with the
// whole batch (float32 tolerance), and with identical tensors on both ranks. The specs: the paper's MNIST
// GAN at full size (dropout masks split by rows, SGD with momentum, simultaneous updates) and the WGAN-GP
// ring at reduced width (five critic updates a step, a gradient penalty by double backward, Adam).
import { describe, expect, test } from "vitest";
import { checkSource, shrinkSpec } from "../../../index.ts";
import { uniformTensor } from "../../../support/random.ts";
import type * as M from "../../../model.ts";
import { pytorchModel } from "./model.ts";
import { pytorchTrain } from "./train.ts";
import { haveTorch, PYTHON } from "./testing.ts";

if (!haveTorch) console.warn("PyTorch distributed tests skipped: install python3-torch (Debian) for /usr/bin/python3");

/** Two steps of train.py's Trainer on this rank's share of the batches; writes every tensor as float32. */
const RANK = `
import json, os, sys, numpy as np, torch
d, rank, world, port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=port, RANK=str(rank), WORLD_SIZE=str(world))
sys.path.insert(0, d)
import train
import torch.distributed as dist
from model import GAN
torch.set_num_threads(1)
if world > 1:
    dist.init_process_group("gloo", init_method="env://")
rows = train.read_rows(d + "/data.npy")
seed = train.SPEC["seed"]
t = train.Trainer(GAN(), train.PhiloxNoise(seed), rank, world)
t.initialise(seed, np.asarray(rows[:, :train.FEATURES], dtype=np.float64).mean(0))
b = train.Batches(rows, seed, rank, world, torch.float32, torch.device("cpu"))
per_step, per_epoch = train.SPEC["per_step"], len(rows) // train.B
for step in range(2):
    t.step(step, (step * per_step) // per_epoch, [b.get(step * per_step + j, step, j) for j in range(per_step)])
out = t.tensors()
names = sorted(out)
np.concatenate([out[k].detach().numpy().astype("<f4").reshape(-1) for k in names]).tofile(f"{d}/rank-{world}-{rank}.f32")
json.dump(names, open(d + "/names.json", "w"))
if world > 1:
    dist.destroy_process_group()
`;

function npyRows(rows: Float32Array, n: number, width: number): Uint8Array {
  const dict = `{'descr': '<f4', 'fortran_order': False, 'shape': (${n}, ${width}), }`;
  const header = dict.padEnd(Math.ceil((10 + dict.length + 1) / 64) * 64 - 11) + "\n";
  const out = new Uint8Array(10 + header.length + rows.byteLength);
  out.set([0x93, ...new TextEncoder().encode("NUMPY"), 1, 0]);
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(new TextEncoder().encode(header), 10);
  out.set(new Uint8Array(rows.buffer), 10 + header.length);
  return out;
}

const freePort = () => {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
};

async function ranks(spec: M.CheckedSpec, text: string, source: string) {
  const dir = await Deno.makeTempDir({ prefix: "gan-pytorch-ddp-" });
  try {
    await Deno.writeTextFile(`${dir}/model.py`, pytorchModel(spec, source));
    await Deno.writeTextFile(`${dir}/train.py`, pytorchTrain(spec, source, text));
    const f = spec.data.shape.reduce((a, b) => a * b, 1);
    const n = 4 * spec.train.batch * (spec.train.k + 1);
    const [lo, hi] = spec.data.range;
    const rows = Float32Array.from(
      uniformTensor({ seed: 3, stream: 77, step: 0, draw: 0 }, n * f),
      (u) => lo + (hi - lo) * u,
    );
    await Deno.writeFile(`${dir}/data.npy`, npyRows(rows, n, f));
    const run = (rank: number, world: number, port: number) =>
      new Deno.Command(PYTHON, {
        args: ["-c", RANK, dir, String(rank), String(world), String(port)],
        stdout: "piped",
        stderr: "piped",
      }).output();
    const port = freePort();
    const results = await Promise.all([run(0, 1, freePort()), run(0, 2, port), run(1, 2, port)]);
    for (const r of results) expect(r.success, new TextDecoder().decode(r.stderr).slice(-3000)).toBe(true);
    const read = async (name: string) => new Float32Array((await Deno.readFile(`${dir}/${name}`)).buffer);
    return { one: await read("rank-1-0.f32"), r0: await read("rank-2-0.f32"), r1: await read("rank-2-1.f32") };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

describe.skipIf(!haveTorch)("train.py on two ranks (gloo), against one rank with the whole batch", () => {
  const read = (p: string) => Deno.readTextFileSync(new URL(`../../../../specs/${p}`, import.meta.url));
  const cases: [string, (s: M.CheckedSpec) => M.CheckedSpec][] = [
    ["mnist-mlp.gan", (s) => s],
    ["ring-wgan-gp.gan", (s) => shrinkSpec(s, { width: 16, batch: 8, latent: 2 })],
  ];
  for (const [name, resize] of cases) {
    test(`${name}: two steps on two ranks equal one rank's, and the ranks agree exactly`, async () => {
      const text = read(name);
      const spec = resize(checkSource(text).spec!);
      const { one, r0, r1 } = await ranks(spec, text, `specs/${name}`);
      expect(r0.length).toBe(one.length);
      let worst = 0;
      let moved = 0;
      let unequal = 0;
      for (let i = 0; i < one.length; i++) {
        const e = Math.abs(r0[i] - one[i]) / Math.max(1e-2, Math.abs(one[i]));
        worst = e > worst || Number.isNaN(e) ? e : worst;
        if (!Object.is(r1[i], r0[i])) unequal++;
        if (one[i] !== 0) moved++;
      }
      expect(unequal, "values that differ between the two ranks").toBe(0);
      console.log(`${name}: ${one.length} values, worst relative difference 2 ranks vs 1: ${worst.toExponential(1)}`);
      expect(moved).toBeGreaterThan(one.length / 4);
      expect(worst).toBeLessThan(1e-4);
    }, 240_000);
  }
});
