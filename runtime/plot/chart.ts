// Line charts as SVG text: the panels of the loss curves and of Figure 1. Plain strings, no DOM, so the
// same code draws in Deno and in a browser; `render.ts` turns the SVG into a PNG.

export interface Series {
  /** The legend's text; a series with an empty label is drawn but not listed. */
  label: string;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  color: string;
  /** SVG stroke-dasharray, e.g. "6 4"; solid when absent. */
  dash?: string;
  width?: number;
  /** Plotted against the right-hand axis (the panel's `y2`). */
  right?: boolean;
}

export interface Axis {
  label: string;
  /** Fixed limits; otherwise from the data, widened to round ticks. */
  range?: [number, number];
}

export interface Panel {
  title?: string;
  x: Axis;
  y: Axis;
  y2?: Axis;
  series: Series[];
  /** Extra SVG drawn under the frame, given the panel's data-to-pixel maps (Figure 1's z-to-x lines). */
  underlay?: (px: (x: number) => number, py: (y: number) => number, box: Box) => string;
  /** Pixels added below the plot area for the underlay. */
  below?: number;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface ChartOptions {
  title?: string;
  /** Panels per row; default all in one row. */
  cols?: number;
  panelWidth?: number;
  panelHeight?: number;
}

export const FONT_FAMILY = "DejaVu Sans";
const MARGIN = { left: 64, right: 20, top: 30, bottom: 46 };
const RIGHT_AXIS = 48;
const LEGEND_ROW = 18;

/** Round tick values covering [lo, hi]: steps of 1, 2 or 5 times a power of ten, about `count` of them. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi))) return [];
  if (hi <= lo) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  // the round step whose tick count is nearest the one asked for
  const step = [1, 2, 5, 10].map((m) => m * mag).reduce((
    a,
    b,
  ) => (Math.abs((hi - lo) / b - count) < Math.abs((hi - lo) / a - count) ? b : a));
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  }
  return out;
}

/** [min, max] of the finite values of some series, widened to round ticks; [0, 1] when there are none. */
export function dataRange(values: Iterable<number>, pad = 0): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (lo === Infinity) return [0, 1];
  if (hi === lo) [lo, hi] = [lo - (Math.abs(lo) || 1) * 0.5, hi + (Math.abs(hi) || 1) * 0.5];
  const span = hi - lo;
  const nonNegative = lo >= 0;
  lo -= span * pad;
  hi += span * pad;
  if (nonNegative) lo = Math.max(lo, 0); // losses and densities: the axis starts at 0, not below it
  const t = niceTicks(lo, hi);
  const step = t.length > 1 ? t[1] - t[0] : span;
  const low = Math.floor(lo / step + 1e-9) * step;
  return [nonNegative ? Math.max(0, low) : low, Math.ceil(hi / step - 1e-9) * step];
}

/** A number as a tick label: short, no float noise (0.30000000000000004 prints as 0.3). */
export function tickLabel(v: number): string {
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(0).replace("e+", "e");
  if (a >= 1000 && Number.isInteger(v / 1000)) return `${v / 1000}k`;
  return String(Number(v.toPrecision(6)));
}

export const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const text = (x: number, y: number, s: string, attrs = "") =>
  `<text x="${r(x)}" y="${r(y)}" ${attrs}>${escapeXml(s)}</text>`;
const r = (v: number) => String(Math.round(v * 100) / 100);

/** The whole chart: a grid of panels, each with axes, ticks, a legend and its lines. */
export function chart(panels: Panel[], o: ChartOptions = {}): string {
  const cols = Math.max(1, Math.min(o.cols ?? panels.length, panels.length));
  const rows = Math.ceil(panels.length / cols);
  const pw = o.panelWidth ?? 480;
  const ph = o.panelHeight ?? 300;
  const titleH = o.title ? 34 : 0;
  const below = Math.max(0, ...panels.map((p) => p.below ?? 0));
  const legendH = LEGEND_ROW * Math.max(...panels.map((p) => legendRows(p, pw)));
  const cellH = ph + below + legendH;
  const width = cols * pw;
  const height = titleH + rows * cellH;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
  ];
  if (o.title) parts.push(text(width / 2, 23, o.title, `text-anchor="middle" font-size="16" font-weight="bold"`));
  panels.forEach((p, i) => parts.push(panel(p, (i % cols) * pw, titleH + Math.floor(i / cols) * cellH, pw, ph)));
  parts.push("</svg>");
  return parts.join("\n");
}

function legendRows(p: Panel, pw: number): number {
  let rows = 1;
  let x = 0;
  for (const s of p.series.filter((s) => s.label)) {
    const w = 34 + s.label.length * 7 + 14;
    if (x + w > pw - MARGIN.left - MARGIN.right && x > 0) [rows, x] = [rows + 1, 0];
    x += w;
  }
  return p.series.some((s) => s.label) ? rows : 0;
}

function panel(p: Panel, x0: number, y0: number, pw: number, ph: number): string {
  const box: Box = {
    left: x0 + MARGIN.left,
    top: y0 + MARGIN.top,
    width: pw - MARGIN.left - MARGIN.right - (p.y2 ? RIGHT_AXIS : 0),
    height: ph - MARGIN.top - MARGIN.bottom,
  };
  const left = p.series.filter((s) => !s.right);
  const right = p.series.filter((s) => s.right);
  const [xlo, xhi] = p.x.range ?? dataRange(p.series.flatMap((s) => Array.from(s.xs)));
  const [ylo, yhi] = p.y.range ?? dataRange(left.flatMap((s) => Array.from(s.ys)), 0.02);
  const [y2lo, y2hi] = p.y2?.range ?? dataRange(right.flatMap((s) => Array.from(s.ys)), 0.02);
  const px = (x: number) => box.left + ((x - xlo) / (xhi - xlo || 1)) * box.width;
  const py = (y: number) => box.top + box.height - ((y - ylo) / (yhi - ylo || 1)) * box.height;
  const py2 = (y: number) => box.top + box.height - ((y - y2lo) / (y2hi - y2lo || 1)) * box.height;
  const out: string[] = [];
  const clip = `clip${Math.round(x0)}_${Math.round(y0)}`;
  out.push(
    `<clipPath id="${clip}"><rect x="${r(box.left)}" y="${r(box.top)}" width="${r(box.width)}" height="${
      r(box.height)
    }"/></clipPath>`,
  );
  if (p.title) {
    out.push(
      text(box.left + box.width / 2, y0 + 20, p.title, `text-anchor="middle" font-size="13" font-weight="bold"`),
    );
  }
  // grid and ticks
  for (const t of niceTicks(xlo, xhi, Math.max(2, Math.round(box.width / 90)))) {
    if (t < xlo - 1e-12 || t > xhi + 1e-12) continue;
    out.push(
      `<line x1="${r(px(t))}" y1="${r(box.top)}" x2="${r(px(t))}" y2="${r(box.top + box.height)}" stroke="#e6e6e6"/>`,
    );
    out.push(text(px(t), box.top + box.height + 15, tickLabel(t), `text-anchor="middle" fill="#333"`));
  }
  for (const t of niceTicks(ylo, yhi, Math.max(2, Math.round(box.height / 50)))) {
    if (t < ylo - 1e-12 || t > yhi + 1e-12) continue;
    out.push(
      `<line x1="${r(box.left)}" y1="${r(py(t))}" x2="${r(box.left + box.width)}" y2="${r(py(t))}" stroke="#e6e6e6"/>`,
    );
    out.push(text(box.left - 6, py(t) + 4, tickLabel(t), `text-anchor="end" fill="#333"`));
  }
  if (p.y2) {
    for (const t of niceTicks(y2lo, y2hi, Math.max(2, Math.round(box.height / 50)))) {
      if (t < y2lo - 1e-12 || t > y2hi + 1e-12) continue;
      out.push(text(box.left + box.width + 6, py2(t) + 4, tickLabel(t), `fill="#333"`));
    }
    const cx = box.left + box.width + RIGHT_AXIS - 6;
    out.push(
      text(
        cx,
        box.top + box.height / 2,
        p.y2.label,
        `text-anchor="middle" transform="rotate(90 ${r(cx)} ${r(box.top + box.height / 2)})"`,
      ),
    );
  }
  out.push(text(box.left + box.width / 2, box.top + box.height + 34, p.x.label, `text-anchor="middle"`));
  const ly = box.left - 48;
  out.push(
    text(
      ly,
      box.top + box.height / 2,
      p.y.label,
      `text-anchor="middle" transform="rotate(-90 ${r(ly)} ${r(box.top + box.height / 2)})"`,
    ),
  );
  if (p.underlay) out.push(p.underlay(px, py, box));
  for (const s of p.series) out.push(polyline(s, px, s.right ? py2 : py, clip));
  out.push(
    `<rect x="${r(box.left)}" y="${r(box.top)}" width="${r(box.width)}" height="${
      r(box.height)
    }" fill="none" stroke="#333"/>`,
  );
  // legend, under the x label (and under the panel's extra space)
  let lx = box.left;
  let lyy = y0 + ph + (p.below ?? 0) + 12;
  for (const s of p.series.filter((s) => s.label)) {
    const w = 34 + s.label.length * 7 + 14;
    if (lx + w > box.left + box.width + (p.y2 ? RIGHT_AXIS : 0) && lx > box.left) {
      [lx, lyy] = [box.left, lyy + LEGEND_ROW];
    }
    const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : "";
    out.push(
      `<line x1="${r(lx)}" y1="${r(lyy - 4)}" x2="${r(lx + 28)}" y2="${r(lyy - 4)}" stroke="${s.color}" stroke-width="${
        s.width ?? 1.6
      }"${dash}/>`,
    );
    out.push(text(lx + 34, lyy, s.label));
    lx += w;
  }
  return out.join("\n");
}

function polyline(s: Series, px: (x: number) => number, py: (y: number) => number, clip: string): string {
  // A NaN or infinite value breaks the line instead of drawing a spike to the edge.
  const runs: string[] = [];
  let cur: string[] = [];
  const n = Math.min(s.xs.length, s.ys.length);
  for (let i = 0; i < n; i++) {
    const x = s.xs[i];
    const y = s.ys[i];
    if (Number.isFinite(x) && Number.isFinite(y)) cur.push(`${r(px(x))},${r(py(y))}`);
    else if (cur.length) [runs[runs.length], cur] = [cur.join(" "), []];
  }
  if (cur.length) runs.push(cur.join(" "));
  const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : "";
  return runs
    .map((pts) =>
      `<polyline points="${pts}" fill="none" stroke="${s.color}" stroke-width="${
        s.width ?? 1.6
      }" stroke-linejoin="round"${dash} clip-path="url(#${clip})"/>`
    )
    .join("\n");
}
