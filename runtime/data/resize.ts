// Resampling a decoded image to a spec's shape: scale so the image covers the output (its shorter side,
// relative to the output's aspect, fits exactly), then keep the centre. Both steps happen in one
// separable pass: each output column and row is given the source interval it stands for, so the crop is
// only an offset into the source and nothing is materialised at the intermediate scale.
//
// Downscaling averages the exact area each output pixel covers (a box filter with fractional coverage at
// the interval's ends), which is what a network trained on a reduced image should see: no aliasing and
// no pixel dropped. Upscaling interpolates bilinearly between pixel centres (PyTorch's
// align_corners=False), since a box filter would only replicate pixels. Sums are float64 and rounded once.

/** Taps of one axis: output i reads source indices index[k] with weight weight[k], k in start[i]..start[i+1]-1. */
interface Taps {
  start: Int32Array;
  index: Int32Array;
  weight: Float64Array;
}

/**
 * `src` holds height rows of width pixels of `channels` interleaved bytes; returns outH rows of outW pixels,
 * interleaved the same way.
 */
export function resizeCover(
  src: Uint8Array,
  width: number,
  height: number,
  channels: number,
  outW: number,
  outH: number,
): Uint8Array {
  for (const [name, v] of Object.entries({ width, height, channels, outW, outH })) {
    if (!Number.isSafeInteger(v) || v < 1) {
      throw new RangeError(`resizeCover: ${name} is ${v}, not a whole number >= 1`);
    }
  }
  if (src.length !== width * height * channels) {
    throw new RangeError(`resizeCover: ${src.length} bytes are not ${height} rows of ${width} pixels of ${channels}`);
  }
  const [spanX, spanY] = coverSpans(width, height, outW, outH);
  const tx = axisTaps(width, outW, spanX);
  const ty = axisTaps(height, outH, spanY);

  // Rows first: only the source rows some output row reads are resampled horizontally.
  const firstRow = ty.index[0];
  const lastRow = ty.index[ty.index.length - 1];
  const mid = new Float64Array((lastRow - firstRow + 1) * outW * channels);
  for (let y = firstRow; y <= lastRow; y++) {
    const row = y * width * channels;
    const at = (y - firstRow) * outW * channels;
    for (let x = 0; x < outW; x++) {
      for (let k = tx.start[x]; k < tx.start[x + 1]; k++) {
        const from = row + tx.index[k] * channels;
        const wt = tx.weight[k];
        for (let c = 0; c < channels; c++) mid[at + x * channels + c] += wt * src[from + c];
      }
    }
  }
  const out = new Uint8Array(outW * outH * channels);
  const rowLength = outW * channels;
  const acc = new Float64Array(rowLength);
  for (let y = 0; y < outH; y++) {
    acc.fill(0);
    for (let k = ty.start[y]; k < ty.start[y + 1]; k++) {
      const at = (ty.index[k] - firstRow) * rowLength;
      const wt = ty.weight[k];
      for (let i = 0; i < rowLength; i++) acc[i] += wt * mid[at + i];
    }
    for (let i = 0; i < rowLength; i++) out[y * rowLength + i] = Math.min(255, Math.max(0, Math.round(acc[i])));
  }
  return out;
}

/**
 * The source interval [offset, offset + length) of each axis that the output shows: the whole of one axis
 * and a centred part of the other. The offset is rounded to whole source pixels, so an image that is
 * already the right size, or an exact multiple of it, is cut on pixel edges rather than blurred by a
 * half-pixel shift; the crop is then centred to within half a source pixel.
 */
export function coverSpans(
  width: number,
  height: number,
  outW: number,
  outH: number,
): [{ offset: number; length: number }, { offset: number; length: number }] {
  // Compare outW/width with outH/height without dividing, so equal aspects are exactly equal.
  const fitsWidth = outW * height >= outH * width;
  const lengthX = fitsWidth ? width : (outW * height) / outH;
  const lengthY = fitsWidth ? (outH * width) / outW : height;
  const offset = (size: number, length: number) => {
    const slack = Math.max(0, size - length);
    return Math.min(Math.round(slack / 2), Math.floor(slack));
  };
  return [
    { offset: offset(width, lengthX), length: Math.min(lengthX, width) },
    { offset: offset(height, lengthY), length: Math.min(lengthY, height) },
  ];
}

/** How `out` samples along one axis read `size` source pixels, over the span's interval. */
function axisTaps(size: number, out: number, span: { offset: number; length: number }): Taps {
  const ratio = span.length / out; // source pixels per output pixel
  const start = new Int32Array(out + 1);
  const index: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < out; i++) {
    start[i] = index.length;
    if (ratio > 1) {
      // Box: the output pixel covers [a, b); each source pixel j counts by its overlap with it.
      const a = span.offset + i * ratio;
      const b = Math.min(size, span.offset + (i + 1) * ratio);
      for (let j = Math.floor(a); j < b; j++) {
        const overlap = Math.min(b, j + 1) - Math.max(a, j);
        if (overlap > 1e-12) index.push(j), weight.push(overlap / (b - a));
      }
    } else {
      // Bilinear: the output pixel's centre, in source pixel coordinates, clamped to the image.
      const centre = Math.min(size - 1, Math.max(0, span.offset + (i + 0.5) * ratio - 0.5));
      const j = Math.floor(centre);
      const f = centre - j;
      index.push(j), weight.push(1 - f);
      if (f > 0) index.push(j + 1), weight.push(f);
    }
  }
  start[out] = index.length;
  return { start, index: Int32Array.from(index), weight: Float64Array.from(weight) };
}
