#!/usr/bin/env node
// `npx gan ...`: Node is only the package manager's host; the CLI runs on Deno (installed from npm).
// This wrapper sets XDG_RUNTIME_DIR before Deno starts, so the Vulkan loader stays quiet.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const deno = join(root, "node_modules", ".bin", process.platform === "win32" ? "deno.cmd" : "deno");
if (!existsSync(deno)) {
  console.error("gan: Deno is missing from node_modules; run `npm ci` in " + root);
  process.exit(2);
}
const env = { ...process.env };
if (!env.XDG_RUNTIME_DIR) {
  const dir = join(tmpdir(), `gan-runtime-${process.getuid?.() ?? "user"}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  env.XDG_RUNTIME_DIR = dir;
}
const args = [
  "run",
  "--allow-all",
  "--quiet",
  "--unstable-webgpu",
  "--config",
  join(root, "deno.json"),
  join(root, "runtime", "cli", "main.ts"),
  ...process.argv.slice(2),
];
// Ctrl-C reaches Deno directly (same process group); the wrapper only waits for it.
process.on("SIGINT", () => {});
const r = spawnSync(deno, args, { stdio: "inherit", env });
if (r.error) {
  console.error(`gan: cannot start Deno: ${r.error.message}`);
  process.exit(2);
}
process.exit(r.status ?? (r.signal ? 130 : 1));
