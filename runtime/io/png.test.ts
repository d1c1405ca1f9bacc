import { decode } from "fast-png";
import { describe, expect, test } from "vitest";
import { imageGrid } from "./png.ts";

/** Decodes and returns a pixel reader: at(x, y) gives the channel values there. */
function open(png: Uint8Array) {
  const img = decode(png);
  const at = (
    x: number,
    y: number,
  ) => [...img.data.subarray((y * img.width + x) * img.channels, (y * img.width + x + 1) * img.channels)];
  return { ...img, at };
}

describe("imageGrid", () => {
  // Five grey 2x3 images whose pixel (y, x) of image i is the byte 40 i + 3 y + x, written in [0, 1].
  const n = 5;
  const [h, w] = [2, 3];
  const grey = new Float32Array(n * h * w).map((_, j) => {
    const [i, y, x] = [Math.floor(j / (h * w)), Math.floor((j % (h * w)) / w), j % w];
    return (40 * i + 3 * y + x) / 255;
  });

  test("a near-square grid: 5 images in 3 columns and 2 rows, 2 grey pixels apart and around", () => {
    const img = open(imageGrid(grey, n, [1, h, w], [0, 1]));
    expect([img.width, img.height, img.channels, img.depth]).toEqual([3 * (3 + 2) + 2, 2 * (2 + 2) + 2, 1, 8]);
    for (let i = 0; i < n; i++) {
      const [left, top] = [2 + (i % 3) * 5, 2 + Math.floor(i / 3) * 4];
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          expect(img.at(left + x, top + y), `image ${i} (${y}, ${x})`).toEqual([40 * i + 3 * y + x]);
        }
      }
    }
    // The border, the gaps and the sixth (empty) cell are mid-grey.
    for (const [x, y] of [[0, 0], [1, 1], [16, 9], [5, 2], [6, 2], [2, 4], [2, 5], [12, 6], [14, 7]]) {
      expect(img.at(x, y), `(${x}, ${y})`).toEqual([128]);
    }
  });

  test("cols, pad and an integer scale", () => {
    const img = open(imageGrid(grey, n, [1, h, w], [0, 1], { cols: 5, pad: 0, scale: 2 }));
    expect([img.width, img.height]).toEqual([5 * 6, 4]);
    // Image 1, pixel (1, 2) = 40 + 5 = 45, covers x 6 + 4..5, y 2..3.
    for (const [x, y] of [[10, 2], [11, 2], [10, 3], [11, 3]]) expect(img.at(x, y)).toEqual([45]);
    expect(img.at(0, 0)).toEqual([0]);
    expect(img.at(29, 3)).toEqual([160 + 5]);
    const tall = open(imageGrid(grey, n, [1, h, w], [0, 1], { cols: 1, pad: 1 }));
    expect([tall.width, tall.height]).toEqual([1 + 3 + 1, 5 * 3 + 1]);
    expect(tall.at(1, 1 + 4 * 3)).toEqual([160]);
  });

  test("values map linearly from the range, clamped; NaN is black", () => {
    const v = Float64Array.of(-1, 1, 0, -0.5, -5, 5, NaN, Infinity, -Infinity);
    const img = open(imageGrid(v, 1, [1, 1, 9], [-1, 1], { pad: 0 }));
    expect([...img.data]).toEqual([0, 255, 128, 64, 0, 255, 0, 255, 0]);
  });

  test("RGB images: channel planes become interleaved pixels", () => {
    // Two 1x2 images: R, G and B planes, channel-first.
    const rgb = Float32Array.of(1, 0, /* G */ 0, 1, /* B */ 0.5, 0, /* image 2 */ 0, 0, 0, 0, 1, 1);
    const img = open(imageGrid(rgb, 2, [3, 1, 2], [0, 1], { pad: 1 }));
    expect([img.width, img.height, img.channels]).toEqual([2 * (2 + 1) + 1, 1 + 1 + 1, 3]);
    expect(img.at(1, 1)).toEqual([255, 0, 128]);
    expect(img.at(2, 1)).toEqual([0, 255, 0]);
    expect(img.at(4, 1)).toEqual([0, 0, 255]);
    expect(img.at(3, 1)).toEqual([128, 128, 128]);
  });

  test("refuses what it cannot draw", () => {
    expect(() => imageGrid(new Float32Array(4), 1, [2, 1, 2], [0, 1])).toThrow(/1 \(grey\) or 3 \(RGB\)/);
    expect(() => imageGrid(new Float32Array(5), 1, [1, 2, 2], [0, 1])).toThrow(/5 values/);
    expect(() => imageGrid(new Float32Array(0), 0, [1, 2, 2], [0, 1])).toThrow(/cannot draw 0/);
    expect(() => imageGrid(new Float32Array(4), 1, [1, 2, 2], [1, 1])).toThrow(/range/);
    expect(() => imageGrid(new Float32Array(4), 1, [1, 2, 2], [0, 1], { scale: 1.5 })).toThrow(/whole numbers/);
  });
});
