// One PNG or JPEG file to pixels: `channels` interleaved bytes per pixel, grey (1) or RGB (3), at the
// file's own size. The format is told by the file's first bytes, not its name, so a JPEG saved as .png
// still reads. Every failure is an Error whose message is the reason in a phrase ("is empty", "is not a
// PNG or JPEG ..."); the folder reader turns it into a skip or a FormatError naming the file.
import { decode as decodePng } from "fast-png";
import { Unzlib } from "fflate";
import jpeg from "jpeg-js";

/** The largest image side read, in pixels. */
export const MAX_SIDE = 10_000;

export interface Pixels {
  width: number;
  height: number;
  data: Uint8Array;
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function decodeImage(bytes: Uint8Array, channels: 1 | 3): Pixels {
  if (bytes.length === 0) throw new Error("is empty");
  if (PNG_MAGIC.every((b, i) => bytes[i] === b)) return readPng(bytes, channels);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return readJpeg(bytes, channels);
  const head = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, "0")).join(" ");
  throw new Error(`is neither a PNG nor a JPEG (it starts with bytes ${head})`);
}

/** ITU-R BT.601 luma, the weights PIL's convert("L") and torchvision's Grayscale use. */
const luma = (r: number, g: number, b: number) => Math.round(0.299 * r + 0.587 * g + 0.114 * b);

function readJpeg(bytes: Uint8Array, channels: 1 | 3): Pixels {
  let img: { width: number; height: number; data: Uint8Array };
  try {
    // jpeg-js counts what it allocates and stops past the memory limit. A colour JPEG costs it about 12
    // bytes a pixel (4:2:0 chroma, the usual) to 21 (4:4:4), so 1 GiB reads photos of some 50 to 90 MP.
    // The resolution limit, 100 MP as for PNGs, is checked as soon as the frame header is read.
    img = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      maxResolutionInMP: (MAX_SIDE * MAX_SIDE) / 1e6,
      maxMemoryUsageInMB: 1024,
    });
  } catch (e) {
    throw new Error(`is not a readable JPEG (${String((e as Error)?.message ?? e)})`);
  }
  checkSize(img.width, img.height);
  // jpeg-js always gives RGB: a grey JPEG comes back with equal channels.
  if (channels === 3) return img;
  const n = img.width * img.height;
  const grey = new Uint8Array(n);
  for (let p = 0; p < n; p++) grey[p] = luma(img.data[3 * p], img.data[3 * p + 1], img.data[3 * p + 2]);
  return { width: img.width, height: img.height, data: grey };
}

function checkSize(width: number, height: number): void {
  if (width < 1 || height < 1) throw new Error(`is ${width} x ${height} pixels: it has no pixels`);
  if (width > MAX_SIDE || height > MAX_SIDE) {
    throw new Error(`is ${width} x ${height} pixels, over the limit of ${MAX_SIDE} x ${MAX_SIDE} (10,000 a side)`);
  }
}

function readPng(bytes: Uint8Array, channels: 1 | 3): Pixels {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 33 || String.fromCharCode(...bytes.subarray(12, 16)) !== "IHDR") {
    throw new Error("is a PNG without its header chunk (truncated?)");
  }
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const [depth, colorType, , , interlaced] = bytes.subarray(24, 29);
  checkSize(width, height);
  // samples a pixel, and the bit depths PNG allows, by colour type
  const allowed: Record<number, [number, number[]]> = {
    0: [1, [1, 2, 4, 8, 16]],
    2: [3, [8, 16]],
    3: [1, [1, 2, 4, 8]],
    4: [2, [8, 16]],
    6: [4, [8, 16]],
  };
  const [samples, depths] = allowed[colorType] ?? [0, []];
  if (!depths.includes(depth)) {
    throw new Error(`is a PNG with colour type ${colorType} and bit depth ${depth}, which PNG does not define`);
  }
  // fast-png 8 reads each interlaced pass a byte a pixel, so images of under 8 bits fail or come out wrong.
  if (interlaced && depth < 8) {
    throw new Error(`is an interlaced PNG of ${depth}-bit samples, which gan cannot read: save it without interlacing`);
  }
  checkImageData(bytes, view, width, height, samples * depth, interlaced === 1);
  let png: ReturnType<typeof decodePng>;
  try {
    png = decodePng(bytes);
  } catch (e) {
    throw new Error(`is not a readable PNG (${String((e as Error)?.message ?? e)})`);
  }
  return { width, height, data: toChannels(png, channels) };
}

/**
 * Inflates the image data once, in small steps, only to count it: a few kilobytes of zlib can expand to
 * gigabytes, and fast-png would hold all of it. Also tells a truncated file (too little data) from a
 * whole one, where fast-png would pad the missing rows silently.
 */
function checkImageData(bytes: Uint8Array, view: DataView, w: number, h: number, bits: number, adam7: boolean) {
  const passes = adam7
    ? [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]]
    : [[0, 0, 1, 1]];
  let expected = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const pw = Math.ceil((w - x0) / dx);
    const ph = Math.ceil((h - y0) / dy);
    if (pw > 0 && ph > 0) expected += ph * (1 + Math.ceil((pw * bits) / 8));
  }
  // Extra data after the last row is harmless (libpng warns and goes on); a great deal of it is a bomb.
  const limit = 2 * expected + (1 << 20);
  let got = 0;
  const inflate = new Unzlib((chunk) => {
    got += chunk.length;
    if (got > limit) throw new Error(`is a PNG whose image data expands past ${limit} bytes (a decompression bomb?)`);
  });
  let at = 8;
  let ended = false;
  try {
    while (at + 8 <= bytes.length) {
      const length = view.getUint32(at);
      const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
      const data = bytes.subarray(at + 8, Math.min(bytes.length, at + 8 + length));
      if (type === "IDAT") {
        // Small steps: fflate inflates all of one push before it reports any of it.
        for (let s = 0; s < data.length; s += 16384) inflate.push(data.subarray(s, s + 16384));
      }
      if (type === "IEND") break;
      at += 12 + length;
    }
    inflate.push(new Uint8Array(0), true);
    ended = true;
  } catch (e) {
    if ((e as Error).message.startsWith("is a PNG")) throw e;
  }
  if (!ended || got < expected) {
    throw new Error(`is a truncated PNG: its image data ends after ${got} of ${expected} bytes`);
  }
}

/**
 * A decoded PNG as `channels` bytes a pixel. 16-bit samples keep their high byte; samples of 1, 2 or 4
 * bits are scaled to 0..255; palette indices become their colours. Transparency (an alpha channel, a
 * palette's alpha or a tRNS colour key) is composited over black: a fully transparent pixel's colour is
 * often left-over junk, and black is the same for every such pixel.
 */
function toChannels(png: ReturnType<typeof decodePng>, channels: 1 | 3): Uint8Array {
  const { width, height, depth } = png;
  const n = width * height;
  const raw = unpack(png);
  const key = png.transparency && png.transparency.length > 0 && !png.palette ? Array.from(png.transparency) : null;
  const max = 2 ** depth - 1;
  const scale = depth === 16 ? (v: number) => v >> 8 : depth === 8 ? (v: number) => v : (v: number) => {
    return Math.round((v * 255) / max);
  };
  const out = new Uint8Array(n * channels);
  const s = png.palette ? 1 : png.channels;
  for (let p = 0; p < n; p++) {
    let r: number, g: number, b: number;
    let a = 255;
    if (png.palette) {
      const entry = png.palette[raw[p]];
      if (!entry) {
        throw new Error(`is a PNG whose pixel uses colour ${raw[p]} of a ${png.palette.length}-colour palette`);
      }
      [r, g, b] = entry;
      a = entry[3] ?? 255;
    } else if (s <= 2) {
      r = g = b = scale(raw[p * s]);
      if (s === 2) a = scale(raw[p * s + 1]);
      else if (key && raw[p] === key[0]) a = 0;
    } else {
      r = scale(raw[p * s]), g = scale(raw[p * s + 1]), b = scale(raw[p * s + 2]);
      if (s === 4) a = scale(raw[p * s + 3]);
      else if (key && raw[p * s] === key[0] && raw[p * s + 1] === key[1] && raw[p * s + 2] === key[2]) a = 0;
    }
    if (a !== 255) r = Math.round((r * a) / 255), g = Math.round((g * a) / 255), b = Math.round((b * a) / 255);
    if (channels === 3) out.set([r, g, b], 3 * p);
    else out[p] = r === g && g === b ? r : luma(r, g, b); // grey stays exact
  }
  return out;
}

/** The samples one a slot: fast-png leaves samples under 8 bits packed, each row starting on a byte. */
function unpack(png: ReturnType<typeof decodePng>): ArrayLike<number> {
  const { width, height, depth, data } = png;
  if (depth >= 8) return data;
  const rowBytes = Math.ceil((width * depth) / 8);
  const out = new Uint8Array(width * height);
  const mask = (1 << depth) - 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = x * depth;
      out[y * width + x] = (data[y * rowBytes + (bit >> 3)] >> (8 - depth - (bit & 7))) & mask;
    }
  }
  return out;
}
