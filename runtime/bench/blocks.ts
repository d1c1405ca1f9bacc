// `npm run bench:blocks -- [nn|tn|nt] [--rounds N] [--blocks 16x16/8,20x12/8,...]`: the register-block
// sweep behind the tuning table (compiler/phases/5-emit/targets.ts). For each of the MNIST step's products
// in one layout, every candidate block is timed alone on this adapter, in interleaved rounds (each
// candidate once per round, so a slow spell of this machine costs every candidate one round), and the
// medians are printed best first. Blocks never change results, only speed. Not part of `npm test`.
import { lowerSource } from "../../compiler/index.ts";
import { planProgramDetailed } from "../../compiler/phases/5-emit/plan.ts";
import { type Block, type MatmulLayout } from "../../compiler/phases/5-emit/targets.ts";
import { matmulLayout } from "../../compiler/phases/5-emit/wgsl.ts";
import { Op } from "../../compiler/ir/ops.ts";
import { acquireDevice } from "../gpu/device.ts";
import { loneProduct } from "./product.ts";

function usage(why: string): never {
  console.error(`bench:blocks: ${why}\nusage: npm run bench:blocks -- [nn|tn|nt] [--rounds N] [--blocks RxC/WG,...] [--shapes MxNxK,...]`);
  Deno.exit(2);
}
const argv = [...Deno.args];
const opt = (name: string) => {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith("--")) usage(`${name} needs a value`);
  argv.splice(i, 2);
  return v;
};
const rounds = Number(opt("--rounds") ?? 5);
if (!Number.isInteger(rounds) || rounds < 1) usage("--rounds must be a whole number of at least 1");
const blockText = opt("--blocks") ?? "16x16/8,20x12/8,20x8/8,12x12/8,16x12/8,12x16/8";
const shapeText = opt("--shapes");
const layout = (argv.shift() ?? "tn") as MatmulLayout;
if (!["nn", "tn", "nt"].includes(layout)) usage(`unknown layout "${layout}" (nn, tn or nt)`);
if (argv.length) usage(`unexpected argument "${argv[0]}"`);
const candidates: Block[] = blockText.split(",").map((s) => {
  const m = /^(\d+)x(\d+)\/(\d+)$/.exec(s.trim());
  if (!m) usage(`block "${s}" is not ROWSxCOLS/WORKGROUP (like 16x16/8)`);
  const [rows, cols, workgroup] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (cols % 4 || (layout === "tn" && rows % 4) || rows < 1 || workgroup < 1) usage(`block "${s}": columns (and a tn block's rows) must be multiples of 4`);
  return { rows, cols, workgroup };
});

const { device, description, target } = await acquireDevice();
if (target.matmulOperands !== "texture") console.error(`note: ${description} takes the "${target.name}" entry, whose products use buffers; these are texture kernels`);
let shapes: [number, number, number][] = [];
if (shapeText) {
  shapes = shapeText.split(",").map((s) => {
    const d = s.split("x").map(Number);
    if (d.length !== 3 || d.some((x) => !Number.isInteger(x) || x < 1)) usage(`shape "${s}" is not MxNxK`);
    return d as [number, number, number];
  });
} else {
  const { program } = lowerSource(await Deno.readTextFile(new URL("../../specs/mnist-mlp.gan", import.meta.url)));
  for (const d of planProgramDetailed(program!, { target }).details) {
    for (const { kernel } of d.kernels) {
      const a = kernel.anchor;
      if (a?.op !== Op.MATMUL || kernel.output === "texture" || !kernel.texReads || matmulLayout(a) !== layout) continue;
      const s: [number, number, number] = [a.src[0].shape[0], a.shape[1], a.src[0].shape[1]];
      if (!shapes.some((x) => x.join() === s.join())) shapes.push(s);
    }
  }
}
console.log(`${description}; ${layout} products of specs/mnist-mlp.gan (M x N x K): ${shapes.map((s) => s.join(" x ")).join(", ")}`);

/** C = op(A) op(B) alone with one block for the layout, operands packed into their textures. */
const build = (m: number, n: number, k: number, block: Block) =>
  loneProduct(device, layout, m, k, n, { ...target, matmulOperands: "texture", blocks: { ...target.blocks, [layout]: block } });
const idle = () => device.queue.onSubmittedWorkDone();
for (const [m, n, k] of shapes) {
  const flop = 2 * m * n * k;
  const built = [];
  for (const b of candidates) built.push(await build(m, n, k, b));
  // a sync costs about 11 ms in Deno on a ~10 ms timer: each timing is the difference of 3 reps and reps
  // dispatches, with reps chosen so that difference is about 4 GFLOP of work
  const reps = Math.max(10, Math.round(4e9 / flop));
  const gflops: number[][] = candidates.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < built.length; i++) {
      const { ex, kernel } = built[i];
      const time = async (x: number) => {
        const s = performance.now();
        ex.runKernels(Array(x).fill(kernel));
        await idle();
        return performance.now() - s;
      };
      const a = await time(reps);
      const b = await time(3 * reps);
      gflops[i].push(flop / ((b - a) / (2 * reps)) / 1e6);
    }
  }
  console.log(`\n${m} x ${n} x ${k}: GFLOP/s, median of ${rounds} rounds [slowest-fastest], ${reps} and ${3 * reps} dispatches per timing`);
  const rows = candidates.map((b, i) => {
    const v = gflops[i].sort((x, y) => x - y);
    return { name: `${b.rows}x${b.cols}/${b.workgroup}`, med: v[v.length >> 1], lo: v[0], hi: v[v.length - 1] };
  });
  rows.sort((x, y) => y.med - x.med);
  for (const r of rows) console.log(`  ${r.name.padEnd(10)} ${r.med.toFixed(1).padStart(6)}  [${r.lo.toFixed(1)}-${r.hi.toFixed(1)}]`);
  for (const { ex } of built) ex.destroy();
}
Deno.exit(0);
