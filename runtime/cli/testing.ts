// Shared by the command-line tests: the real `gan`, through the npx wrapper.
import { expect } from "vitest";

export const root = new URL("../../", import.meta.url).pathname;

/** Runs `gan ARGS...` in `cwd` (the project's root by default); its exit code and what it printed. */
export async function gan(...args: string[]) {
  return await ganIn(root, ...args);
}

export async function ganIn(cwd: string, ...args: string[]) {
  const out = await new Deno.Command("node", {
    args: [`${root}runtime/cli/bin.mjs`, ...args],
    cwd,
    env: { NO_COLOR: "1" },
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

/** No stack trace in what a command printed. */
export const noTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .*:\d+:\d+/);
