// Shared by the browser tests: Debian's Chromium if installed (CI installs it), and the flags that give
// it WebGPU on SwiftShader, headless, as root.
export const CHROMIUM = "/usr/bin/chromium";

export const hasChromium = (() => {
  try {
    return Deno.statSync(CHROMIUM).isFile;
  } catch {
    return false;
  }
})();
if (!hasChromium) console.warn("browser tests skipped: no /usr/bin/chromium (apt-get install chromium)");

export const CHROMIUM_ARGS = [
  "--enable-unsafe-webgpu",
  "--enable-unsafe-swiftshader",
  "--use-webgpu-adapter=swiftshader",
  "--use-angle=swiftshader",
  "--no-sandbox",
];
