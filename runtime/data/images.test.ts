// The image-folder reader: decoding, resampling, splits, labels, bad files and the cache. Folders of tiny
// PNGs (fast-png) and JPEGs (jpeg-js) are written to a temporary folder per test.
import { encode as encodePng } from "fast-png";
import { zlibSync } from "fflate";
import jpeg from "jpeg-js";
import { describe, expect, test } from "vitest";
import { decodeImage } from "./image-decode.ts";
import { HELD_OUT_EVERY, type ImageFolder, type ImageFolderOptions, openImageFolder } from "./images.ts";
import { resizeCover } from "./resize.ts";
import { formatError } from "./testing.ts";

describe("resizeCover", () => {
  test("a constant image stays constant, down, up and to another aspect", () => {
    const src = new Uint8Array(7 * 5 * 3).fill(77);
    for (const [w, h] of [[3, 2], [16, 11], [5, 7], [7, 5]]) {
      expect(resizeCover(src, 7, 5, 3, w, h)).toEqual(new Uint8Array(w * h * 3).fill(77));
    }
  });

  test("halving averages each 2x2 block exactly", () => {
    const src = Uint8Array.from({ length: 16 }, (_, i) => i * 16);
    // blocks (0,1,4,5), (2,3,6,7), (8,9,12,13), (10,11,14,15), times 16, averaged
    expect([...resizeCover(src, 4, 4, 1, 2, 2)]).toEqual([40, 72, 168, 200]);
  });

  test("a fractional downscale weighs source pixels by the area they cover", () => {
    // 3 x 3 -> 2 x 2: the first column covers pixel 0 and half of pixel 1
    const src = Uint8Array.of(0, 90, 180, 0, 90, 180, 0, 90, 180);
    expect([...resizeCover(src, 3, 3, 1, 2, 2)]).toEqual([30, 150, 30, 150]);
  });

  test("upscaling is bilinear between pixel centres (align_corners=False)", () => {
    expect([...resizeCover(Uint8Array.of(0, 200), 2, 1, 1, 4, 2)]).toEqual([0, 50, 150, 200, 0, 50, 150, 200]);
  });

  test("a horizontal ramp stays monotonic at any scale", () => {
    const src = Uint8Array.from({ length: 13 * 4 }, (_, i) => (i % 13) * 20);
    for (const w of [5, 9, 13, 20, 31]) {
      const out = resizeCover(src, 13, 4, 1, w, 3);
      for (let x = 1; x < w; x++) expect(out[x]).toBeGreaterThanOrEqual(out[x - 1]);
      expect(out[0]).toBeLessThan(out[w - 1]);
    }
  });

  test("a wide image keeps its centre; a size already right is copied, not shifted half a pixel", () => {
    const wide = Uint8Array.from({ length: 6 * 2 }, (_, i) => (i % 6) * 10);
    expect([...resizeCover(wide, 6, 2, 1, 2, 2)]).toEqual([20, 30, 20, 30]);
    const tall = Uint8Array.from({ length: 3 * 5 }, (_, i) => i);
    expect([...resizeCover(tall, 3, 5, 1, 3, 4)]).toEqual([...tall.subarray(3, 15)]);
    expect([...resizeCover(tall, 3, 5, 1, 3, 5)]).toEqual([...tall]);
  });
});

// ---- folders of images ----

type Pixels = { w: number; h: number; channels: number; data: ArrayLike<number>; depth?: 8 | 16 };

async function writePng(path: string, p: Pixels, extra: Record<string, unknown> = {}): Promise<void> {
  await Deno.mkdir(path.slice(0, path.lastIndexOf("/")), { recursive: true });
  const data = p.depth === 16 ? Uint16Array.from(p.data) : Uint8Array.from(p.data);
  const png = encodePng({ width: p.w, height: p.h, channels: p.channels, depth: p.depth ?? 8, data, ...extra });
  await Deno.writeFile(path, png);
}

/** A w x h RGB JPEG at quality 100; `rgb` gives each pixel's colour. */
async function writeJpeg(path: string, w: number, h: number, rgb: (x: number, y: number) => number[]) {
  const data = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set([...rgb(x, y), 255], 4 * (y * w + x));
  await Deno.mkdir(path.slice(0, path.lastIndexOf("/")), { recursive: true });
  await Deno.writeFile(path, jpeg.encode({ width: w, height: h, data }, 100).data);
}

const grey = (w: number, h: number, v: number | ((i: number) => number)): Pixels => ({
  w,
  h,
  channels: 1,
  data: Array.from({ length: w * h }, (_, i) => (typeof v === "number" ? v : v(i))),
});

/** Runs `f` with a fresh folder `img` to fill and a cache folder beside it; removes both. */
async function withFolder(f: (img: string, open: Opener) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "gan-images-" });
  const opened: ImageFolder[] = [];
  const open: Opener = async (shape, o = {}) => {
    const folder = await openImageFolder(`${dir}/img`, shape, { cacheDir: `${dir}/cache`, ...o });
    opened.push(folder);
    return folder;
  };
  try {
    await Deno.mkdir(`${dir}/img`);
    await f(`${dir}/img`, open);
  } finally {
    for (const o of opened) o.close();
    await Deno.remove(dir, { recursive: true });
  }
}
type Opener = (shape: number[], o?: Partial<ImageFolderOptions>) => Promise<ImageFolder>;

const all = (f: ImageFolder) => f.readRange(0, f.n).then((b) => [...b]);

/** A PNG built chunk by chunk: IHDR from [width, height, depth, colour type, interlace], `chunks`, IEND. */
function pngFile([w, h, depth, type, interlace = 0]: number[], chunks: [string, Uint8Array][]): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, w), v.setUint32(4, h), ihdr.set([depth, type, 0, 0, interlace], 8);
  const all: [string, Uint8Array][] = [["IHDR", ihdr], ...chunks, ["IEND", new Uint8Array(0)]];
  const parts = [Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10)];
  for (const [name, data] of all) {
    const out = new Uint8Array(12 + data.length); // the CRC is left 0: fast-png does not check it by default
    new DataView(out.buffer).setUint32(0, data.length);
    out.set(new TextEncoder().encode(name), 4);
    out.set(data, 8);
    parts.push(out);
  }
  const png = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  parts.reduce((at, p) => (png.set(p, at), at + p.length), 0);
  return png;
}

describe("images(): decoding", () => {
  test("an RGB PNG gives its exact bytes, channel-first", async () => {
    await withFolder(async (img, open) => {
      const data = Array.from({ length: 2 * 3 * 3 }, (_, i) => i * 13);
      await writePng(`${img}/a.png`, { w: 3, h: 2, channels: 3, data });
      const f = await open([3, 2, 3]);
      const planes = [0, 1, 2].flatMap((c) => Array.from({ length: 6 }, (_, p) => data[3 * p + c]));
      expect(await all(f)).toEqual(planes);
      expect([f.n, f.train, f.classes, f.labels]).toEqual([1, 1, undefined, undefined]);
    });
  });

  test("grey from RGB is BT.601 luma, rounded; RGB from grey repeats the plane", async () => {
    await withFolder(async (img, open) => {
      const colours = [[255, 0, 0], [0, 255, 0], [0, 0, 255], [10, 200, 31]];
      await writePng(`${img}/a.png`, { w: 4, h: 1, channels: 3, data: colours.flat() });
      const f = await open([1, 1, 4]);
      expect(await all(f)).toEqual(colours.map(([r, g, b]) => Math.round(0.299 * r + 0.587 * g + 0.114 * b)));
    });
    await withFolder(async (img, open) => {
      await writePng(`${img}/a.png`, grey(2, 1, (i) => 40 + i));
      expect(await all(await open([3, 1, 2]))).toEqual([40, 41, 40, 41, 40, 41]);
    });
  });

  test("16-bit samples keep their high byte; palettes expand; alpha composites over black", async () => {
    await withFolder(async (img, open) => {
      await writePng(`${img}/a.png`, { w: 2, h: 1, channels: 1, depth: 16, data: [0x1234, 0xff01] });
      await writePng(`${img}/b.png`, { w: 2, h: 1, channels: 1, data: [1, 0] }, { palette: [[9, 9, 9], [50, 60, 70]] });
      await writePng(`${img}/c.png`, { w: 2, h: 1, channels: 4, data: [200, 100, 50, 0, 200, 100, 50, 128] });
      const f = await open([3, 1, 2]);
      const rgb = (p: number[][]) => [0, 1, 2].flatMap((c) => p.map((px) => px[c]));
      const half = (v: number) => Math.round((v * 128) / 255);
      expect(await all(f)).toEqual([
        ...rgb([[0x12, 0x12, 0x12], [0xff, 0xff, 0xff]]),
        ...rgb([[50, 60, 70], [9, 9, 9]]),
        ...rgb([[0, 0, 0], [half(200), half(100), half(50)]]),
      ]);
    });
  });

  test("samples of under 8 bits are unpacked and scaled, grey and palette alike", () => {
    // 2-bit grey 0, 1, 2, 3, 0 (one row, filter byte 0); 1-bit palette indices 1, 0, 1
    const grey2 = pngFile([5, 1, 2, 0], [["IDAT", zlibSync(Uint8Array.of(0, 0b00011011, 0b00000000))]]);
    expect([...decodeImage(grey2, 1).data]).toEqual([0, 85, 170, 255, 0]);
    const palette = Uint8Array.of(1, 2, 3, 200, 100, 50);
    const pal1 = pngFile([3, 1, 1, 3], [["PLTE", palette], ["IDAT", zlibSync(Uint8Array.of(0, 0b10100000))]]);
    expect([...decodeImage(pal1, 3).data]).toEqual([200, 100, 50, 1, 2, 3, 200, 100, 50]);
    // fast-png cannot read these (see image-decode.ts): refused, with the fix
    const adam7 = pngFile([8, 8, 1, 0, 1], [["IDAT", zlibSync(new Uint8Array(32))]]);
    expect(() => decodeImage(adam7, 1)).toThrow("interlaced PNG of 1-bit samples");
  });

  test("a JPEG decodes to its colours within the codec's error, whatever its extension's case", async () => {
    await withFolder(async (img, open) => {
      const colour = (x: number, y: number) => [40 + 10 * x, 200 - 8 * y, 120];
      await writeJpeg(`${img}/a.JPEG`, 16, 16, colour);
      await writeJpeg(`${img}/b.Jpg`, 16, 16, () => [30, 30, 30]);
      const f = await open([3, 16, 16]);
      const got = await f.readRange(0, 2);
      for (let c = 0; c < 3; c++) {
        for (let p = 0; p < 256; p++) {
          expect(Math.abs(got[c * 256 + p] - colour(p % 16, Math.floor(p / 16))[c])).toBeLessThanOrEqual(4);
          expect(Math.abs(got[768 + c * 256 + p] - 30)).toBeLessThanOrEqual(1);
        }
      }
    });
  });

  test("a wide image is scaled to cover the shape and its centre kept", async () => {
    await withFolder(async (img, open) => {
      // 8 x 4, column x has value 10x: to 2 x 2 halves it and keeps columns 2..5, averaged in pairs
      await writePng(`${img}/a.png`, grey(8, 4, (i) => 10 * (i % 8)));
      expect(await all(await open([1, 2, 2]))).toEqual([25, 45, 25, 45]);
    });
  });

  test("hidden files and folders and other extensions are not images", async () => {
    await withFolder(async (img, open) => {
      await writePng(`${img}/a.png`, grey(1, 1, 5));
      await writePng(`${img}/.b.png`, grey(1, 1, 6));
      await writePng(`${img}/.git/c.png`, grey(1, 1, 7));
      await Deno.writeTextFile(`${img}/notes.txt`, "hello");
      expect(await all(await open([1, 1, 1]))).toEqual([5]);
      // a link to a file is that file; a link to a folder is not followed (it could make a cycle)
      await writePng(`${img}/../elsewhere/z.png`, grey(1, 1, 8));
      await Deno.symlink(`${img}/../elsewhere/z.png`, `${img}/b.png`);
      await Deno.symlink(`${img}/../elsewhere`, `${img}/c`);
      await Deno.symlink(img, `${img}/loop`);
      expect(await all(await open([1, 1, 1]))).toEqual([5, 8]);
    });
  });
});

describe("images(): splits and labels", () => {
  test("every 10th file in path order is held out, after all the training rows", async () => {
    await withFolder(async (img, open) => {
      for (let i = 0; i < 25; i++) await writePng(`${img}/${String(i).padStart(2, "0")}.png`, grey(1, 1, i));
      const f = await open([1, 1, 1]);
      expect(HELD_OUT_EVERY).toBe(10);
      expect([f.n, f.train]).toEqual([25, 23]);
      const rest = [...Array(25).keys()].filter((i) => i % 10 !== 9);
      expect(await all(f)).toEqual([...rest, 9, 19]);
      expect([...(await f.readRange(f.train, f.n))]).toEqual([9, 19]);
    });
  });

  test("subfolders are classes: sorted names, labels by top-level subfolder, in row order", async () => {
    await withFolder(async (img, open) => {
      await writePng(`${img}/dog/a.png`, grey(1, 1, 1));
      await writePng(`${img}/cat/x/y/b.png`, grey(1, 1, 2));
      await writePng(`${img}/bird/c.png`, grey(1, 1, 3));
      await writePng(`${img}/cat/d.png`, grey(1, 1, 4));
      const f = await open([1, 1, 1]);
      expect(f.classes).toEqual(["bird", "cat", "dog"]);
      expect(await all(f)).toEqual([3, 4, 2, 1]); // bird/c, cat/d, cat/x/y/b, dog/a
      expect([...f.labels!]).toEqual([0, 1, 1, 2]);
    });
    await withFolder(async (img, open) => {
      await writePng(`${img}/dog/a.png`, grey(1, 1, 1));
      await writePng(`${img}/b.png`, grey(1, 1, 2)); // one image outside any class: no labels
      const f = await open([1, 1, 1]);
      expect([f.classes, f.labels]).toEqual([undefined, undefined]);
    });
  });
});

describe("images(): bad files and folders", () => {
  test("unreadable files are skipped and named; strict throws at the first", async () => {
    await withFolder(async (img, open) => {
      await writePng(`${img}/a.png`, grey(4, 4, 9));
      const good = await Deno.readFile(`${img}/a.png`);
      await Deno.writeFile(`${img}/b.png`, good.subarray(0, 40));
      await Deno.writeTextFile(`${img}/c.jpg`, "not a jpeg");
      await Deno.writeFile(`${img}/d.jpeg`, new Uint8Array(0));
      await Deno.writeFile(`${img}/e.png`, new Uint8Array(0));
      await Deno.truncate(`${img}/e.png`, 64 * 2 ** 20 + 1); // sparse: no disk used
      const skipped: [string, string][] = [];
      const f = await open([1, 2, 2], { onSkip: (p, why) => skipped.push([p, why]) });
      expect([f.n, await all(f)]).toEqual([1, [9, 9, 9, 9]]);
      expect(skipped.map(([p]) => p.slice(img.length + 1))).toEqual(["b.png", "c.jpg", "d.jpeg", "e.png"]);
      expect(skipped.map(([, why]) => why)).toEqual([
        expect.stringMatching(/truncated/),
        expect.stringMatching(/neither a PNG nor a JPEG/),
        "is empty",
        expect.stringMatching(/over the limit of 64 MiB/),
      ]);
      await Deno.remove(`${f.cachePath}`);
      await formatError(() => open([1, 2, 2], { strict: true }), `${img}/b.png`, "truncated");
    });
  });

  test("decoding bombs and oversized images are refused before they are allocated", () => {
    // a 100 x 100 grey PNG whose data inflates to 8 MiB
    const bomb = pngFile([100, 100, 8, 0], [["IDAT", zlibSync(new Uint8Array(8 << 20))]]);
    expect(() => decodeImage(bomb, 1)).toThrow(/decompression bomb/);
    const huge = encodePng({ width: 10_001, height: 1, channels: 1, depth: 8, data: new Uint8Array(10_001) });
    expect(() => decodeImage(huge, 1)).toThrow("is 10001 x 1 pixels, over the limit of 10000 x 10000");
  });

  test("any truncation or corruption of a PNG or JPEG is a plain decoding error, never a crash", () => {
    const png = encodePng({ width: 5, height: 3, channels: 3, depth: 8, data: new Uint8Array(45).map((_, i) => i) });
    const rgba = new Uint8Array(8 * 8 * 4).map((_, i) => (i * 7) & 255);
    const jpg = new Uint8Array(jpeg.encode({ width: 8, height: 8, data: rgba }, 90).data);
    let seed = 1;
    const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (const file of [png, jpg]) {
      const cases = [...Array(file.length).keys()].map((n) => file.subarray(0, n));
      for (let k = 0; k < 300; k++) {
        const b = file.slice();
        for (let j = 0; j < 3; j++) b[Math.floor(random() * b.length)] = Math.floor(random() * 256);
        cases.push(b);
      }
      for (const bytes of cases) {
        try {
          decodeImage(bytes, 3);
        } catch (e) {
          expect((e as Error).name).toBe("Error");
        }
      }
    }
  });

  test("a missing folder, a file, an empty folder, an unreadable one and a bad shape are FormatErrors", async () => {
    await withFolder(async (img, open) => {
      await formatError(
        () => openImageFolder(`${img}/nope`, [1, 2, 2], { cacheDir: `${img}/c` }),
        `${img}/nope`,
        "no such folder",
      );
      await formatError(() => open([1, 2, 2]), img, "has no PNG or JPEG images");
      await Deno.writeTextFile(`${img}/x.png`, "junk");
      await formatError(() => open([1, 2, 2]), img, "none of its 1 images could be read (the first: x.png is neither");
      await formatError(
        () => openImageFolder(`${img}/x.png`, [1, 2, 2], { cacheDir: `${img}/c` }),
        `${img}/x.png`,
        "is a file",
      );
      await formatError(() => open([2, 2, 2]), img, "has 2 channels; images are read as 1 (grey) or 3 (RGB)");
      if (Deno.build.os !== "windows" && Deno.uid() !== 0) {
        await Deno.mkdir(`${img}/locked`, { mode: 0o000 });
        await formatError(() => open([1, 2, 2]), `${img}/locked`, "cannot be read (permission denied)");
        await Deno.chmod(`${img}/locked`, 0o700);
      }
    });
  });
});

describe("images(): the cache", () => {
  test("is reused while the folder is unchanged and rebuilt when a file is touched or added", async () => {
    await withFolder(async (img, open) => {
      for (let i = 0; i < 3; i++) await writePng(`${img}/${i}.png`, grey(2, 2, 10 * i));
      await Deno.writeTextFile(`${img}/bad.png`, "junk");
      const calls: number[] = [];
      const skips: string[] = [];
      const o = { progress: (done: number) => calls.push(done), onSkip: (p: string) => skips.push(p) };
      const first = await open([1, 2, 2], o);
      expect([first.reused, calls, skips]).toEqual([false, [1, 2, 3, 4], [`${img}/bad.png`]]);
      const second = await open([1, 2, 2], o);
      expect([second.reused, second.cachePath, calls.length, skips.length]).toEqual([true, first.cachePath, 4, 2]);
      expect(await all(second)).toEqual(await all(first));
      await formatError(() => open([1, 2, 2], { strict: true }), `${img}/bad.png`, "neither a PNG nor a JPEG");

      await Deno.utime(`${img}/1.png`, new Date(2001, 1, 1), new Date(2001, 1, 1));
      const touched = await open([1, 2, 2]);
      expect([touched.reused, touched.cachePath === first.cachePath]).toEqual([false, false]);
      await writePng(`${img}/3.png`, grey(2, 2, 30));
      const added = await open([1, 2, 2]);
      expect([added.reused, added.n]).toEqual([false, 4]);
      expect((await open([1, 2, 2])).reused).toBe(true);
      expect((await open([3, 2, 2])).reused).toBe(false); // another shape, another cache
    });
  });

  test("readRows in any order, with repeats and runs, gives the rows readRange gives", async () => {
    await withFolder(async (img, open) => {
      for (let i = 0; i < 30; i++) {
        await writePng(
          `${img}/${String(i).padStart(2, "0")}.png`,
          grey(3, 2, (p) => i * 8 + p),
        );
      }
      const f = await open([1, 2, 3]);
      const range = await f.readRange(0, f.n);
      const rows = [7, 3, 4, 5, 29, 0, 0, 12, 11, 28, 29];
      const out = new Uint8Array(rows.length * 6);
      await f.readRows(rows, out);
      rows.forEach((r, i) =>
        expect([...out.subarray(6 * i, 6 * i + 6)]).toEqual([...range.subarray(6 * r, 6 * r + 6)])
      );
      // concurrent reads share one file handle and must not mix
      const outs = [0, 1, 2, 3].map(() => new Uint8Array(rows.length * 6));
      await Promise.all(outs.map((o, k) => f.readRows(rows.map((r) => (r + k) % f.n), o)));
      outs.forEach((o, k) => expect(o[0]).toBe(range[6 * ((7 + k) % f.n)]));
      await expect(f.readRows([30], new Uint8Array(6))).rejects.toThrow(RangeError);
      await expect(f.readRows([1, 2], new Uint8Array(6))).rejects.toThrow(RangeError);
    });
  });

  test("a truncated or corrupted cache file is rebuilt, not trusted", async () => {
    await withFolder(async (img, open) => {
      await writePng(`${img}/dog/a.png`, grey(2, 2, 5));
      await writePng(`${img}/cat/b.png`, grey(2, 2, 6));
      const first = await open([1, 2, 2]);
      const bytes = await Deno.readFile(first.cachePath);
      first.close();
      for (const damaged of [bytes.subarray(0, bytes.length - 1), bytes.subarray(0, 20), new Uint8Array(0)]) {
        await Deno.writeFile(first.cachePath, damaged);
        const f = await open([1, 2, 2]);
        expect([f.reused, await all(f), [...f.labels!]]).toEqual([false, [6, 6, 6, 6, 5, 5, 5, 5], [0, 1]]);
      }
      const wrongLabel = bytes.slice();
      wrongLabel[wrongLabel.length - 1] = 7;
      await Deno.writeFile(first.cachePath, wrongLabel);
      expect((await open([1, 2, 2])).reused).toBe(false);
      expect(await Deno.readFile(first.cachePath)).toEqual(bytes);
      const leftovers = [...Deno.readDirSync(first.cachePath.slice(0, first.cachePath.lastIndexOf("/")))];
      expect(leftovers.map((e) => e.name)).toEqual([first.cachePath.slice(first.cachePath.lastIndexOf("/") + 1)]);
    });
  });
});
