// `gan serve [SPEC|DIR] [--port P]`: a page on 127.0.0.1 that trains the spec in the browser with WebGPU,
// running the same plan and kernels as `gan train` (a generated folder's own files, or the spec compiled
// for the browser adapter's tuning-table entry). The page's script is bundled once at start.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { lowerSource, planForTraining, SAMPLE_GRID } from "../../compiler/index.ts";
import type { Plan } from "../../compiler/phases/5-emit/plan.ts";
import { TARGETS } from "../../compiler/phases/5-emit/targets.ts";
import { countLine, isDir, printDiagnostics, readSpecFile, UsageError } from "../cli/io.ts";
import { loadPlan } from "../train/generated.ts";
import { loadTrainingSet } from "../train/data.ts";
import { fixedNoise } from "../train/noise.ts";
import type { Session } from "./app.ts";
import { PAGE } from "./page.ts";

export interface ServeOptions {
  spec?: string;
  port?: number;
  /** Called once the server listens (tests). */
  onListen?: (url: string) => void;
  signal?: AbortSignal;
}

const here = dirname(fileURLToPath(import.meta.url));

/** The page's script: runtime/web/app.ts and what it imports, bundled for the browser by Deno. */
export async function bundleApp(): Promise<string> {
  const deno = Deno.execPath();
  const out = await new Deno.Command(deno, {
    args: ["bundle", "--quiet", "--platform", "browser", join(here, "app.ts")],
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (out.code !== 0) throw new Error(`bundling the page failed: ${new TextDecoder().decode(out.stderr)}`);
  return new TextDecoder().decode(out.stdout);
}

export async function serveCommand(o: ServeOptions): Promise<number> {
  const specPath = o.spec ?? "specs/mnist-mlp.gan";
  const isFolder = isDir(specPath);
  const text = readSpecFile(isFolder ? join(specPath, "spec.gan") : specPath);
  const { program, spec, diagnostics } = lowerSource(text);
  if (diagnostics.length) printDiagnostics(specPath, text, diagnostics);
  if (!program || !spec) throw new UsageError(`${specPath}: ${countLine(diagnostics)}; nothing to serve`, 1);
  const port = o.port ?? 8000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port ${o.port}: give a port from 0 to 65535`);
  }
  const data = await loadTrainingSet(spec);
  const generated = isFolder ? await loadPlan(new URL(`file://${Deno.realPathSync(specPath)}/`)) : undefined;
  const plans = new Map<string, Plan>();
  const planFor = (target: string) => {
    if (generated) return generated; // a generated folder runs its own kernels, whatever the adapter
    if (!plans.has(target)) plans.set(target, planForTraining(program, spec, target));
    return plans.get(target)!;
  };
  const app = await bundleApp();
  const seed = spec.train.seed;
  const session = (target: string): Session => ({
    name: spec.name,
    specText: text,
    seed,
    plan: planFor(target),
    dataShape: [...spec.data.shape],
    range: spec.data.range,
    examples: data.n,
    logEvery: Math.min(spec.train.logEvery, 50),
    noise: Array.from(fixedNoise(spec, seed, SAMPLE_GRID)),
    grid: SAMPLE_GRID,
    description: data.description,
  });
  const handler = (req: Request): Response => {
    const url = new URL(req.url);
    switch (url.pathname) {
      case "/":
        return new Response(PAGE(spec.name), { headers: { "content-type": "text/html; charset=utf-8" } });
      case "/app.js":
        return new Response(app, { headers: { "content-type": "text/javascript; charset=utf-8" } });
      case "/session.json": {
        const t = url.searchParams.get("target") ?? "software";
        if (!(t in TARGETS)) return new Response(`unknown target ${t}`, { status: 400 });
        return Response.json(session(t));
      }
      case "/data.f32":
        return new Response(data.values.slice().buffer, { headers: { "content-type": "application/octet-stream" } });
      default:
        return new Response("not found", { status: 404 });
    }
  };
  const server = Deno.serve({
    hostname: "127.0.0.1",
    port,
    signal: o.signal,
    onListen: ({ port }) => {
      const url = `http://127.0.0.1:${port}/`;
      console.error(`${spec.name}: training page at ${url} (${data.description}); Ctrl-C stops the server`);
      o.onListen?.(url);
    },
  }, handler);
  await server.finished;
  return 0;
}
