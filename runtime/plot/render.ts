// SVG to PNG: resvg (compiled to WebAssembly, so no native build and the same renderer in a browser) with
// the DejaVu Sans font from npm, so text renders the same on a machine without any fonts installed.
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import { createRequire } from "node:module";
import { FONT_FAMILY } from "./chart.ts";

let ready: Promise<Uint8Array> | undefined;

async function setup(): Promise<Uint8Array> {
  const require = createRequire(import.meta.url);
  const wasm = await Deno.readFile(require.resolve("@resvg/resvg-wasm/index_bg.wasm"));
  await initWasm(wasm);
  return await Deno.readFile(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"));
}

/** Renders SVG text to PNG bytes; `scale` multiplies the SVG's own size (2 for sharp text on big screens). */
export async function svgToPng(svg: string, scale = 1): Promise<Uint8Array> {
  ready ??= setup();
  const font = await ready;
  const r = new Resvg(svg, {
    font: { fontBuffers: [font], defaultFontFamily: FONT_FAMILY, loadSystemFonts: false },
    fitTo: scale === 1 ? { mode: "original" } : { mode: "zoom", value: scale },
    background: "white",
  });
  const img = r.render();
  const png = img.asPng();
  img.free();
  r.free();
  return png;
}
