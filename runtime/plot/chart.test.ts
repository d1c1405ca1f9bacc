import { describe, expect, test } from "vitest";
import { decode } from "fast-png";
import { chart, dataRange, escapeXml, niceTicks, tickLabel } from "./chart.ts";
import { curvesSvg, type MetricsRecord, movingAverage, parseMetrics } from "./curves.ts";
import { svgToPng } from "./render.ts";

describe("chart", () => {
  test("ticks are round steps covering the range", () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]);
    expect(niceTicks(0, 27100, 5)).toEqual([0, 5000, 10000, 15000, 20000, 25000]);
    expect(niceTicks(-3, 3, 3)).toEqual([-4, -2, 0, 2].filter((t) => t >= -3));
    expect(niceTicks(2, 2)).toEqual([2]);
    expect(niceTicks(NaN, 1)).toEqual([]);
    expect(tickLabel(0.6000000000000001)).toBe("0.6");
    expect(tickLabel(20000)).toBe("20k");
    expect(tickLabel(1e-5)).toBe("1e-5");
  });

  test("data ranges widen to ticks, skip non-finite values, and start at 0 for non-negative data", () => {
    expect(dataRange([0.1, 5.9], 0.02)).toEqual([0, 7]);
    expect(dataRange([-1.3, 2.2])).toEqual([-2, 3]);
    expect(dataRange([NaN, Infinity, 3, 3])).toEqual([1.5, 4.5]);
    expect(dataRange([])).toEqual([0, 1]);
  });

  test("a NaN breaks a line into pieces; unlabelled series stay out of the legend; text is escaped", () => {
    const svg = chart([{
      x: { label: "step" },
      y: { label: "a<b" },
      series: [
        { label: "D & G", xs: [0, 1, 2, 3, 4], ys: [1, 2, NaN, 3, 4], color: "#000" },
        { label: "", xs: [0, 4], ys: [0, 0], color: "#999" },
      ],
    }]);
    expect(svg.match(/<polyline /g)).toHaveLength(3);
    expect(svg).toContain(">D &amp; G</text>");
    expect(svg).toContain(">a&lt;b</text>");
    expect(svg).not.toContain("NaN");
    expect(escapeXml(`"<&>"`)).toBe("&quot;&lt;&amp;&gt;&quot;");
  });
});

describe("loss curves", () => {
  const line = (step: number, d = 0.5) =>
    JSON.stringify({ step, epoch: 0, d_loss: d, g_loss: 1, d_real: 0.6, d_fake: 0.4, lr: 0.1 });

  test("metrics.jsonl: one record per step (a resumed run's later lines win), in order; NaN logged as null", () => {
    const text = [
      line(200),
      line(100),
      line(200, 0.7),
      JSON.stringify({ step: 300, d_loss: null, g_loss: 1, d_real: 1, d_fake: 0 }),
    ].join("\n") + "\n";
    const r = parseMetrics(text, "m.jsonl");
    expect(r.map((x) => x.step)).toEqual([100, 200, 300]);
    expect(r[1].d_loss).toBe(0.7);
    expect(r[2].d_loss).toBeNaN();
  });

  test("a run with a gradient penalty: the penalty is read and drawn beside the losses; other runs have no such line", () => {
    const withPenalty = [100, 200].map((step) =>
      JSON.stringify({ step, d_loss: -1, g_loss: 1, d_real: 2, d_fake: -1, penalty: 0.25 })
    ).join("\n");
    const r = parseMetrics(withPenalty, "m.jsonl");
    expect(r.map((x) => x.penalty)).toEqual([0.25, 0.25]);
    expect(curvesSvg(r, "t")).toContain("penalty (in D loss)");
    const plain = parseMetrics([line(100), line(200)].join("\n"), "m.jsonl");
    expect(plain[0].penalty).toBeUndefined();
    expect(curvesSvg(plain, "t")).not.toContain("penalty");
  });

  test("a cut-off last line (a killed run) is skipped; a bad line elsewhere is an error naming it", () => {
    expect(parseMetrics(`${line(100)}\n{"step":2`, "m.jsonl")).toHaveLength(1);
    expect(() => parseMetrics(`${line(100)}\n{"step":2\n${line(300)}\n`, "m.jsonl")).toThrow(
      "m.jsonl: line 2 is not JSON",
    );
    expect(() => parseMetrics(`${JSON.stringify({ step: 1, d_loss: "x" })}\n`, "m.jsonl")).toThrow(
      "line 1 has no number `d_loss`",
    );
  });

  test("moving average: centred, shorter at the ends, NaN left out", () => {
    expect(movingAverage([1, 2, 3, 4, 5], 3)).toEqual([1.5, 2, 3, 4, 4.5]);
    expect(movingAverage([1, NaN, 3], 3)).toEqual([1, 2, 3]);
  });

  test("the curves render to a PNG with lines of every colour drawn", async () => {
    const records: MetricsRecord[] = Array.from({ length: 100 }, (_, i) => ({
      step: 100 * (i + 1),
      d_loss: 0.5 + 0.1 * Math.sin(i),
      g_loss: 1 + 0.2 * Math.cos(i),
      d_real: 0.7,
      d_fake: 0.3,
    }));
    const png = decode(await svgToPng(curvesSvg(records, "test run")));
    expect([png.width, png.height]).toEqual([1040, 392]);
    const count = (rgb: [number, number, number]) => {
      let n = 0;
      for (let i = 0; i < png.width * png.height; i++) {
        const p = i * png.channels;
        if (
          Math.abs(png.data[p] - rgb[0]) < 12 && Math.abs(png.data[p + 1] - rgb[1]) < 12 &&
          Math.abs(png.data[p + 2] - rgb[2]) < 12
        ) n++;
      }
      return n;
    };
    // D loss blue, G loss red, D(x) green, D(G(z)) orange: each drawn across its panel
    for (
      const c of [[0x1f, 0x77, 0xb4], [0xd6, 0x27, 0x28], [0x2c, 0xa0, 0x2c], [0xff, 0x7f, 0x0e]] as [
        number,
        number,
        number,
      ][]
    ) {
      expect(count(c)).toBeGreaterThan(300);
    }
  });

  test("a critic's plain scores (Wasserstein, hinge) get their own axis, not [0, 1], and still render", async () => {
    const records: MetricsRecord[] = Array.from({ length: 4 }, (_, i) => ({
      step: 100 * (i + 1),
      d_loss: -10 * (i + 1),
      g_loss: 5 * (i + 1),
      d_real: 5 * (i + 1),
      d_fake: -5 * (i + 1),
    }));
    const svg = curvesSvg(records, "critic");
    expect(svg).toContain("mean D score");
    expect(svg).not.toContain("mean D output");
    const png = decode(await svgToPng(svg));
    expect([png.width, png.height]).toEqual([1040, 392]);
    // probabilities keep the [0, 1] axis
    expect(curvesSvg(records.map((r) => ({ ...r, d_real: 0.6, d_fake: 0.4 })), "p")).toContain("mean D output");
  });
});
