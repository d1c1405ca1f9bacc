import { defineConfig } from "vitest/config";

// Vitest runs under Deno (`deno run -A npm:vitest`), so tests may use Deno's APIs and WebGPU.
export default defineConfig({
  test: {
    include: ["compiler/**/*.test.ts", "runtime/**/*.test.ts"],
    testTimeout: 120_000,
  },
});
