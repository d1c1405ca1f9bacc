#!/usr/bin/env node
// `npx gan ...`: Node is only the package manager's host; the CLI runs on Deno (installed from npm).
// This wrapper sets XDG_RUNTIME_DIR before Deno starts, so the Vulkan loader stays quiet.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { constants, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PermissionError, permissionsFor } from "./permissions.mjs";

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
// Each command runs with the permissions it needs (permissions.mjs); a module compiled in memory goes
// to a private temporary folder, removed when Deno exits.
const tmp = mkdtempSync(join(tmpdir(), "gan-"));
env.TMPDIR = tmp;
const argv = process.argv.slice(2);
let permissions;
try {
  permissions = permissionsFor(argv, { cwd: process.cwd(), tmp, deno: realpathSync(deno) });
} catch (e) {
  rmSync(tmp, { recursive: true, force: true });
  if (!(e instanceof PermissionError)) throw e;
  console.error(`gan: ${e.message}`);
  process.exit(2);
}
const args = [
  "run",
  ...permissions,
  "--quiet",
  "--unstable-webgpu",
  "--config",
  join(root, "deno.json"),
  join(root, "runtime", "cli", "main.ts"),
  ...argv,
];
// Signals sent to the wrapper go on to Deno, so killing `gan` never leaves a trainer running without it:
// SIGINT (Ctrl-C in a terminal reaches both; `kill -INT` only the wrapper) saves a checkpoint and exits
// 130; SIGTERM and SIGHUP end Deno as they would have ended the wrapper.
const child = spawn(deno, args, { stdio: "inherit", env });
// SIGQUIT, SIGUSR2 and SIGALRM would end the wrapper alone; they too are passed on. (SIGKILL cannot be
// caught: Deno notices that its parent is gone, runtime/cli/parent.ts.)
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR2", "SIGALRM"]) {
  process.on(sig, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
  });
}
const cleanUp = () => rmSync(tmp, { recursive: true, force: true });
child.on("error", (e) => {
  cleanUp();
  console.error(`gan: cannot start Deno: ${e.message}`);
  process.exit(2);
});
// Deno's own exit code (130 after a Ctrl-C that saved a checkpoint); 128 + the signal's number when a
// signal ended it (137 for SIGKILL, the out-of-memory killer's; 143 for SIGTERM)
child.on("exit", (code, signal) => {
  cleanUp();
  process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
});
