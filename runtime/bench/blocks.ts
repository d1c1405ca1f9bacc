// `npm run bench:blocks -- [nn|tn|nt] [--rounds N] [--blocks 16x16/8,20x12/8,...]`: the register-block
// sweep behind the tuning table (compiler/phases/5-emit/targets.ts). For each of the MNIST step's products
// in one layout, every candidate block is timed alone on this adapter, in interleaved rounds (each
// candidate once per round, so a slow spell of this machine costs every candidate one round), and the
// medians are printed best first. Blocks never change results, only speed. Not part of `npm test`.
import { lowerSource } from "../../compiler/index.ts";
import { planProgramDetailed } from "../../compiler/index.ts";
import { type Block, type MatmulLayout } from "../../compiler/shared.ts";
import { matmulLayout } from "../../compiler/index.ts";
import { Op } from "../../compiler/index.ts";
import { acquireDevice } from "../gpu/device.ts";
import { loneProduct, timeInRounds } from "./product.ts";

function usage(why: string): never {
  console.error(
    `bench:blocks: ${why}\nusage: npm run bench:blocks -- [nn|tn|nt] [--rounds N] [--blocks RxC/WG,...] [--shapes MxNxK,...]`,
  );
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
  if (cols % 4 || (layout === "tn" && rows % 4) || rows < 1 || workgroup < 1) {
    usage(`block "${s}": columns (and a tn block's rows) must be multiples of 4`);
  }
  return { rows, cols, workgroup };
});

const { device, description, target } = await acquireDevice();
if (target.matmulOperands !== "texture") {
  console.error(
    `note: ${description} takes the "${target.name}" entry, whose products use buffers; these are texture kernels`,
  );
}
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
      if (a?.op !== Op.MATMUL || kernel.output === "texture" || !kernel.texReads || matmulLayout(a) !== layout) {
        continue;
      }
      const s: [number, number, number] = [a.src[0].shape[0], a.shape[1], a.src[0].shape[1]];
      if (!shapes.some((x) => x.join() === s.join())) shapes.push(s);
    }
  }
}
console.log(
  `${description}; ${layout} products of specs/mnist-mlp.gan (M x N x K): ${
    shapes.map((s) => s.join(" x ")).join(", ")
  }`,
);

/** C = op(A) op(B) alone with one block for the layout, operands packed into their textures. */
const build = (m: number, n: number, k: number, block: Block) =>
  loneProduct(device, layout, m, k, n, {
    ...target,
    matmulOperands: "texture",
    blocks: { ...target.blocks, [layout]: block },
  });
for (const [m, n, k] of shapes) {
  const flop = 2 * m * n * k;
  const built = [];
  for (const b of candidates) built.push(await build(m, n, k, b));
  const timed = await timeInRounds(built, rounds, 300);
  const gflops = timed.map((t) => t.ms.map((ms) => flop / ms / 1e6));
  const reps = timed.map((t) => t.reps).join("/");
  console.log(
    `\n${m} x ${n} x ${k}: GFLOP/s, median of ${rounds} rounds [slowest-fastest]; r and 3 r dispatches per timing, r = ${reps}`,
  );
  const rows = candidates.map((b, i) => {
    const v = gflops[i]; // from ms sorted ascending: fastest first
    return { name: `${b.rows}x${b.cols}/${b.workgroup}`, med: v[v.length >> 1], lo: v[v.length - 1], hi: v[0] };
  });
  rows.sort((x, y) => y.med - x.med);
  for (const r of rows) {
    console.log(`  ${r.name.padEnd(10)} ${r.med.toFixed(1).padStart(6)}  [${r.lo.toFixed(1)}-${r.hi.toFixed(1)}]`);
  }
  for (const { ex } of built) ex.destroy();
}
Deno.exit(0);
