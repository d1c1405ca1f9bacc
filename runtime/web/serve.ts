// `gan serve [SPEC|DIR] [--port P]`: a page on 127.0.0.1 that trains the spec in the browser with WebGPU,
// running the same plan and kernels as `gan train` (a generated folder's own files, or the spec compiled
// for the browser adapter's tuning-table entry). The page's script is bundled once at start.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkSource, compileSource, hasErrors, renderSummary, SAMPLE_GRID, TARGETS } from "../../compiler/index.ts";
import { countLine, isDir, isFile, printDiagnostics, readSpecFile, UsageError } from "../cli/io.ts";
import { type DataOfSpec, dataOfSpec, loadTrainingSet } from "../train/data.ts";
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

/** A module and what it imports, bundled for the browser by Deno (one ES module, exports kept). */
export async function bundle(entry: string, o: { minify?: boolean; config?: string } = {}): Promise<string> {
  const deno = Deno.execPath();
  // a generated module needs no configuration (it imports only its folder); the page's script reads its
  // npm packages through the project's deno.json, wherever `gan serve` runs from
  const config = o.config ? ["--config", o.config] : ["--no-config"];
  const args = ["bundle", "--quiet", ...config, "--platform", "browser", ...(o.minify ? ["--minify"] : []), entry];
  const out = await new Deno.Command(deno, { args, stdout: "piped", stderr: "piped" }).output();
  if (out.code !== 0) throw new Error(`bundling ${entry} failed: ${new TextDecoder().decode(out.stderr)}`);
  return new TextDecoder().decode(out.stdout);
}

/** The page's script: runtime/web/app.ts and what it imports. */
export const bundleApp = (): Promise<string> =>
  bundle(join(here, "app.ts"), { config: join(here, "..", "..", "deno.json") });

/** A spec's generated trainer.ts, compiled for a tuning-table entry and bundled for the browser. */
async function bundleTrainer(text: string, path: string, target: string): Promise<string> {
  const { files } = await compileSource(text, path, target);
  const dir = await Deno.makeTempDir({ prefix: "gan-page-" });
  try {
    for (const [file, body] of files!) {
      await Deno.mkdir(dirname(join(dir, file)), { recursive: true });
      await Deno.writeTextFile(join(dir, file), body);
    }
    return await bundle(join(dir, "trainer.ts"));
  } finally {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
}

/** Bytes of a stream's pieces: each request holds about one piece at a time, however many there are. */
const PIECE = 1 << 16;

/**
 * The training set as a stream of copied pieces, read from the one array all requests share: 200
 * concurrent downloads of MNIST's 25 MB took the server from 275 MB to a peak of 383 MB (to 5 GB when
 * each request copied the whole set).
 */
function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (at >= bytes.length) return c.close();
      c.enqueue(bytes.slice(at, at + PIECE));
      at += PIECE;
    },
  });
}

export async function serveCommand(o: ServeOptions): Promise<number> {
  const specPath = o.spec ?? "specs/mnist-mlp.gan";
  const folder = isDir(specPath) ? specPath : undefined;
  const port = o.port ?? 8000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port ${o.port}: give a port from 0 to 65535`);
  }
  // a generated folder runs its own trainer.ts, whatever the adapter; a spec is compiled for the page's
  let dataSpec: DataOfSpec;
  let name: string;
  let logEvery: number;
  let summary: string;
  const trainers = new Map<string, Promise<string>>();
  let trainerFor: (target: string) => Promise<string>;
  if (folder) {
    // the folder's code runs in the browser only: what the server needs of it (its data, name and log
    // interval) comes from its spec.gan, so a folder from elsewhere runs nothing here
    const specFile = join(folder, "spec.gan");
    if (!isFile(specFile) || !isFile(join(folder, "trainer.ts"))) {
      throw new UsageError(
        `${folder} is a folder but not a generated one (no spec.gan and trainer.ts); give a .gan file, or a folder that \`gan compile\` wrote`,
      );
    }
    const text = readSpecFile(specFile);
    const { spec, diagnostics } = checkSource(text);
    if (!spec || hasErrors(diagnostics)) {
      printDiagnostics(specFile, text, diagnostics);
      throw new UsageError(`${specFile}: ${countLine(diagnostics)}; nothing to serve`, 1);
    }
    [dataSpec, name, logEvery, summary] = [dataOfSpec(spec), spec.name, spec.train.logEvery, renderSummary(spec)];
    const js = bundle(join(folder, "trainer.ts"));
    trainerFor = () => js;
  } else {
    const text = readSpecFile(specPath);
    const { spec, diagnostics } = checkSource(text);
    if (diagnostics.length) printDiagnostics(specPath, text, diagnostics);
    if (!spec || hasErrors(diagnostics)) {
      throw new UsageError(`${specPath}: ${countLine(diagnostics)}; nothing to serve`, 1);
    }
    [dataSpec, name, logEvery, summary] = [dataOfSpec(spec), spec.name, spec.train.logEvery, renderSummary(spec)];
    trainerFor = (target) => {
      if (!trainers.has(target)) trainers.set(target, bundleTrainer(text, specPath, target));
      return trainers.get(target)!;
    };
  }
  const data = await loadTrainingSet(dataSpec);
  // what the page's trainer takes: the set's bytes (with the values they stand for) or its floats
  const images = data.data.images;
  if (!(images instanceof Uint8Array || images instanceof Float32Array)) {
    throw new UsageError(
      `${name}: ${data.description}: a set read from disk as it is needed cannot be sent to a page; train it with gan train`,
      1,
    );
  }
  const dataBytes = new Uint8Array(images.buffer, images.byteOffset, images.byteLength);
  const lv = data.data.levels;
  const levels = lv ? new Uint8Array(lv.buffer, lv.byteOffset, lv.byteLength) : undefined;
  const app = await bundleApp();
  const session: Session = {
    name,
    examples: data.n,
    format: images instanceof Uint8Array ? "bytes" : "float32",
    logEvery: Math.min(logEvery, 50),
    grid: SAMPLE_GRID,
    description: data.description,
    summary,
  };
  let listening = port;
  const handler = (req: Request): Response | Promise<Response> => {
    // only requests that name this server: a web page the user visits could point a domain of its own at
    // 127.0.0.1 (DNS rebinding) and read the page's data through it
    const host = req.headers.get("host");
    if (host !== `127.0.0.1:${listening}` && host !== `localhost:${listening}`) {
      return new Response(`gan serve answers requests for 127.0.0.1:${listening} and localhost:${listening} only`, {
        status: 421,
      });
    }
    const url = new URL(req.url);
    switch (url.pathname) {
      case "/":
        return new Response(PAGE(name), { headers: { "content-type": "text/html; charset=utf-8" } });
      case "/app.js":
        return new Response(app, { headers: { "content-type": "text/javascript; charset=utf-8" } });
      case "/session.json":
        return Response.json(session);
      case "/trainer.js": {
        const t = url.searchParams.get("target") ?? "software";
        if (!(t in TARGETS)) return new Response(`unknown target ${t}`, { status: 400 });
        return trainerFor(t).then(
          (js) => new Response(js, { headers: { "content-type": "text/javascript; charset=utf-8" } }),
          (e) => new Response(`compiling the trainer failed: ${(e as Error).message}`, { status: 500 }),
        );
      }
      case "/labels.u8": {
        // a class-conditional spec's training labels, one byte per example
        if (!data.labels) return new Response("the training set has no labels", { status: 404 });
        const labels = data.labels;
        return new Response(streamOf(labels), {
          headers: { "content-type": "application/octet-stream", "content-length": String(labels.length) },
        });
      }
      case "/data.bin":
        // one byte per value (session.format "bytes") or float32 values
        return new Response(streamOf(dataBytes), {
          headers: { "content-type": "application/octet-stream", "content-length": String(dataBytes.length) },
        });
      case "/levels.f32":
        // what each byte of data.bin stands for in the spec's range: 256 float32 values
        if (!levels) return new Response("the training set is not bytes", { status: 404 });
        return new Response(streamOf(levels), {
          headers: { "content-type": "application/octet-stream", "content-length": String(levels.length) },
        });
      default:
        return new Response("not found", { status: 404 });
    }
  };
  let server: Deno.HttpServer;
  try {
    server = Deno.serve({
      hostname: "127.0.0.1",
      port,
      signal: o.signal,
      onListen: ({ port }) => {
        listening = port;
        const url = `http://127.0.0.1:${port}/`;
        console.error(`${name}: training page at ${url} (${data.description}); Ctrl-C stops the server`);
        o.onListen?.(url);
      },
    }, handler);
  } catch (e) {
    if (e instanceof Deno.errors.AddrInUse) {
      throw new UsageError(
        `--port ${port}: 127.0.0.1:${port} is in use; give another port, or --port 0 for a free one`,
      );
    }
    throw e;
  }
  await server.finished;
  return 0;
}
