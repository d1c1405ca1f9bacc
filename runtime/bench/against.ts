// `npm run bench:against -- DIR`: the MNIST step of this tree's generated trainer against the one in
// another checkout DIR (say `git worktree add /tmp/before HEAD~3`), in one process on one device, 15
// trials of 20 steps in alternating order, and whether both end with the same weights. This checkout's
// trainer gets the data as `gan train` gives it; the other gets float32, the form every trainer takes.
import { acquireDevice } from "../gpu/device.ts";
import { loadTrainingSet } from "../train/data.ts";
const [otherDir] = Deno.args;
if (!otherDir) {
  console.error("usage: npm run bench:against -- DIR (another checkout, with generated/mnist-mlp)");
  Deno.exit(2);
}
const { device } = await acquireDevice();
const now = await import("../../generated/mnist-mlp/trainer.ts");
const old = await import(`${new URL(`file://${Deno.realPathSync(otherDir)}/`).href}generated/mnist-mlp/trainer.ts`);
const data = await loadTrainingSet(now.spec);
const a = await now.createTrainer(device, data.data);
const b = await old.createTrainer(device, { images: data.values });
await a.train(5);
await b.train(5);
const times: Record<string, number[]> = { now: [], before: [] };
for (let t = 0; t < 15; t++) {
  for (const [k, tr] of (t % 2 ? [["now", a], ["before", b]] : [["before", b], ["now", a]]) as [string, typeof a][]) {
    const s = performance.now();
    await tr.train(20, { logEvery: 20 });
    times[k].push((performance.now() - s) / 20);
  }
}
const med = (x: number[]) => [...x].sort((p, q) => p - q)[x.length >> 1];
const ta = await a.tensors(), tb = await b.tensors();
const same = [...ta].every(([k, v]) => v.every((x, i) => x === tb.get(k)![i]));
console.log(
  JSON.stringify({ now: times.now.map((x) => +x.toFixed(1)), before: times.before.map((x) => +x.toFixed(1)) }),
);
console.log(
  `median ms/step: this tree ${med(times.now).toFixed(1)}, before ${med(times.before).toFixed(1)} (${
    (med(times.now) / med(times.before)).toFixed(3)
  }x); weights after 310 steps identical: ${same}`,
);
