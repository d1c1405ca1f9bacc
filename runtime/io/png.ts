// Sample grids as PNG: a batch of generated images side by side, so frames from different steps of a run
// compare at a glance. The pixels are laid out here; fast-png does the encoding.
import { encode } from "fast-png";

export interface GridOptions {
  /** Images per row; default ceil(sqrt(n)), a near-square grid. */
  cols?: number;
  /** Grey pixels between images and around the edge; default 2. */
  pad?: number;
  /** Each image pixel becomes a scale x scale block; default 1. */
  scale?: number;
  /** Cells (by image index) framed in a colour, drawn in the padding around them; the PNG is then RGB. */
  frames?: ReadonlyMap<number, readonly [number, number, number]>;
}

/** The padding and any empty cells: mid-grey stays apart from both black and white images. */
const GREY = 128;

/** A grid's raw pixels, row-major, `channels` bytes each: what `imageGrid` encodes and the page draws. */
export interface GridPixels {
  width: number;
  height: number;
  channels: 1 | 3;
  data: Uint8Array;
}

/**
 * `images` holds n images of c x h x w values (channel-first, row-major; c = 1 grey, 3 RGB). Values map
 * linearly from [lo, hi] to 0..255, clamped; NaN shows as black. Returns PNG bytes.
 */
export function imageGrid(
  images: Float32Array | Float64Array,
  n: number,
  shape: readonly [number, number, number] | readonly number[],
  range: readonly [number, number],
  opts: GridOptions = {},
): Uint8Array {
  const g = gridPixels(images, n, shape, range, opts);
  return encode({ width: g.width, height: g.height, data: g.data, channels: g.channels, depth: 8 });
}

/** The grid of `imageGrid`, as pixels. */
export function gridPixels(
  images: Float32Array | Float64Array,
  n: number,
  shape: readonly [number, number, number] | readonly number[],
  range: readonly [number, number],
  opts: GridOptions = {},
): GridPixels {
  const [c, h, w] = shape;
  const [lo, hi] = range;
  const { cols = Math.ceil(Math.sqrt(n)), pad = 2, scale = 1, frames } = opts;
  const whole = (v: number, min: number) => Number.isSafeInteger(v) && v >= min;
  if (c !== 1 && c !== 3) throw new Error(`imageGrid: images need 1 (grey) or 3 (RGB) channels, not ${c}`);
  if (!whole(n, 1) || !whole(h, 1) || !whole(w, 1)) throw new Error(`imageGrid: cannot draw ${n} images of ${h}x${w}`);
  if (images.length !== n * c * h * w) {
    throw new Error(`imageGrid: ${images.length} values are not ${n} images of ${c}x${h}x${w}`);
  }
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) {
    throw new Error(`imageGrid: bad value range [${lo}, ${hi}]`);
  }
  if (!whole(cols, 1) || !whole(pad, 0) || !whole(scale, 1)) {
    throw new Error("imageGrid: cols, pad and scale must be whole numbers");
  }

  const rows = Math.ceil(n / cols);
  const cellW = w * scale;
  const cellH = h * scale;
  const width = cols * (cellW + pad) + pad;
  const height = rows * (cellH + pad) + pad;
  const pixels = new Uint8Array(width * height * c).fill(GREY);
  const k = 255 / (hi - lo);
  for (let i = 0; i < n; i++) {
    const left = pad + (i % cols) * (cellW + pad);
    const top = pad + Math.floor(i / cols) * (cellH + pad);
    for (let ch = 0; ch < c; ch++) {
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const t = Math.round((images[((i * c + ch) * h + y) * w + x] - lo) * k);
          const v = t > 255 ? 255 : t >= 0 ? t : 0; // NaN fails both tests: black
          for (let dy = 0; dy < scale; dy++) {
            const row = (top + y * scale + dy) * width + left + x * scale;
            for (let dx = 0; dx < scale; dx++) pixels[(row + dx) * c + ch] = v;
          }
        }
      }
    }
  }
  if (!frames?.size) return { width, height, data: pixels, channels: c as 1 | 3 };
  const rgb = c === 3 ? pixels : Uint8Array.from({ length: width * height * 3 }, (_, i) => pixels[Math.floor(i / 3)]);
  for (const [i, colour] of frames) {
    if (!(i >= 0 && i < n)) continue;
    const left = (i % cols) * (cellW + pad);
    const top = Math.floor(i / cols) * (cellH + pad);
    for (let y = top; y < top + cellH + 2 * pad; y++) {
      for (let x = left; x < left + cellW + 2 * pad; x++) {
        const inside = y >= top + pad && y < top + pad + cellH && x >= left + pad && x < left + pad + cellW;
        if (!inside) rgb.set(colour, (y * width + x) * 3);
      }
    }
  }
  return { width, height, data: rgb, channels: 3 };
}
