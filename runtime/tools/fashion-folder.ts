// Writes a folder of PNG images made from Debian's Fashion-MNIST (dataset-fashion-mnist), one subfolder
// per class, for trying `images("folder/", ...)` sources and measuring them: the 60,000 training images,
// then the 10,000 test images, then mirror images of the training ones, up to N files.
//   npx deno run -A runtime/tools/fashion-folder.ts OUT [N = 70000]
import { encode } from "fast-png";
import { readIdx } from "../data/idx.ts";

const DIR = "/usr/share/datasets/fashion-mnist";
const CLASSES = ["tshirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "boot"];

const [out, count = "70000"] = Deno.args;
if (!out) {
  console.error("usage: fashion-folder.ts OUT [N]");
  Deno.exit(2);
}
const n = Number(count);
const sets = [
  await readIdx(`${DIR}/train-images-idx3-ubyte.gz`, `${DIR}/train-labels-idx1-ubyte.gz`),
  await readIdx(`${DIR}/t10k-images-idx3-ubyte.gz`, `${DIR}/t10k-labels-idx1-ubyte.gz`),
];
for (const c of CLASSES) await Deno.mkdir(`${out}/${c}`, { recursive: true });
const image = new Uint8Array(784);
for (let i = 0; i < n; i++) {
  // 0..59,999 training, 60,000..69,999 test, then the training images mirrored
  const [set, j, mirror] = i < 60_000 ? [sets[0], i, false] : i < 70_000 ? [sets[1], i - 60_000, false] : [
    sets[0],
    (i - 70_000) % 60_000,
    true,
  ];
  const src = set.bytes!.subarray(j * 784, (j + 1) * 784);
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) image[y * 28 + x] = src[y * 28 + (mirror ? 27 - x : x)];
  }
  const name = `${out}/${CLASSES[set.labels![j]]}/${String(i).padStart(6, "0")}.png`;
  await Deno.writeFile(name, encode({ width: 28, height: 28, data: image, channels: 1 }));
  if ((i + 1) % 10_000 === 0) console.error(`${i + 1} images`);
}
