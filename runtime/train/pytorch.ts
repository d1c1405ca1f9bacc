// `gan train SPEC --engine pytorch [--ranks N]`: the spec's generated PyTorch program (model.py, train.py)
// run as N local ranks (torch.distributed, env://, gloo on CPUs), with the same run folder and progress
// bar as a WebGPU run. The run folder's pytorch/ keeps the program and the training rows it read
// (data.npy), so the same run can be continued on a cluster with torchrun.
import { join } from "node:path";
import { checkSource, compilePytorch, hasErrors } from "../../compiler/index.ts";
import { countLine, printDiagnostics, readSpecFile, readUserFile, UsageError } from "../cli/io.ts";
import { writeFileAtomic } from "../io/atomic.ts";
import { decodeCheckpoint, refuseNonFinite } from "./checkpoint.ts";
import { dataOfSpec, loadTrainingSet, type TrainingSet } from "./data.ts";
import { chooseRunFolder, lockRunFolder, prepareRunFolder } from "./folder.ts";
import { countBar, duration, Progress, speed } from "./progress.ts";
import { plotCurves, type TrainOptions, withDataFile } from "./run.ts";

export interface PytorchOptions extends TrainOptions {
  /** Local ranks (processes), each with batch / ranks examples of every batch. */
  ranks: number;
  /** The Python that runs train.py (default: the first of python3 and /usr/bin/python3 that has torch). */
  python?: string;
}

/** Pythons tried, in order, when --python is not given. */
export const PYTHONS = ["python3", "/usr/bin/python3"];

/** The first Python that imports torch, with its version; a UsageError saying what to install when none does. */
export async function findPython(given?: string): Promise<{ python: string; torch: string }> {
  for (const python of given ? [given] : PYTHONS) {
    try {
      const r = await new Deno.Command(python, {
        args: ["-c", "import torch; print(torch.__version__)"],
        stdout: "piped",
        stderr: "null",
      }).output();
      if (r.success) return { python, torch: new TextDecoder().decode(r.stdout).trim() };
    } catch {
      // not installed: try the next
    }
  }
  throw new UsageError(
    given
      ? `--python ${given}: it does not run, or cannot import torch`
      : `the PyTorch engine needs a Python with torch, and neither ${
        PYTHONS.join(" nor ")
      } imports it: install PyTorch (Debian: apt install python3-torch) or give --python PATH`,
    1,
  );
}

/** The training rows train.py reads: each example's values in the spec's range, then its label, as float32 .npy. */
export async function writeRows(path: string, data: TrainingSet, features: number, classes: number): Promise<void> {
  const width = features + (classes ? 1 : 0);
  const dict = `{'descr': '<f4', 'fortran_order': False, 'shape': (${data.n}, ${width}), }`;
  const header = dict.padEnd(Math.ceil((10 + dict.length + 1) / 64) * 64 - 11) + "\n";
  const head = new Uint8Array(10 + header.length);
  head.set([0x93, ...new TextEncoder().encode("NUMPY"), 1, 0]);
  new DataView(head.buffer).setUint16(8, header.length, true);
  head.set(new TextEncoder().encode(header), 10);
  const temp = `${path}.tmp-${Deno.pid}`;
  const file = await Deno.open(temp, { write: true, create: true, truncate: true });
  try {
    await file.write(head);
    const chunk = 4096;
    for (let b = 0; b < data.n; b += chunk) {
      const e = Math.min(data.n, b + chunk);
      const values = await data.valuesOf(b, e);
      const rows = new Float32Array((e - b) * width);
      for (let i = 0; i < e - b; i++) {
        rows.set(values.subarray(i * features, (i + 1) * features), i * width);
        if (classes) rows[i * width + features] = data.labels?.[b + i] ?? 0;
      }
      const bytes = new Uint8Array(rows.buffer);
      for (let at = 0; at < bytes.length;) at += await file.write(bytes.subarray(at));
    }
  } finally {
    file.close();
  }
  await Deno.rename(temp, path);
}

/** A TCP port free on 127.0.0.1 for the ranks' rendezvous. */
function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

export async function trainPytorch(o: PytorchOptions): Promise<number> {
  const resumeBytes = o.resume ? await readUserFile(o.resume) : undefined;
  const resumed = resumeBytes ? decodeCheckpoint(resumeBytes, o.resume!) : undefined;
  if (resumed && !o.allowNonfinite) refuseNonFinite(resumed, o.resume!);
  if (o.data && resumed) {
    throw new UsageError(
      "--data starts a new run on other data; a resumed run keeps the data its checkpoint was trained on",
    );
  }
  const specPath = o.spec ?? o.resume!;
  const text = o.spec ? (o.data ? withDataFile(readSpecFile(o.spec), o.data) : readSpecFile(o.spec)) : resumed!.spec;
  if (resumed && o.spec && text !== resumed.spec) {
    throw new UsageError(
      `${o.resume} was trained from a different spec than ${o.spec}; resume it without SPEC to use the spec it holds`,
    );
  }
  const { spec, diagnostics } = checkSource(text);
  if (!spec || hasErrors(diagnostics)) {
    printDiagnostics(specPath, text, diagnostics);
    console.error(`${specPath}: ${countLine(diagnostics)}; not trained`);
    return 1;
  }
  if (spec.train.batch % o.ranks) {
    throw new UsageError(
      `--ranks ${o.ranks}: the spec's batch (${spec.train.batch}) does not split into ${o.ranks} equal parts`,
    );
  }
  const { python, torch } = await findPython(o.python);
  const { files } = compilePytorch(text, specPath);

  const bar = countBar("decoding images");
  const data = await loadTrainingSet(dataOfSpec(spec), {
    cacheDir: o.cache,
    strict: o.strict,
    progress: bar.update,
    log: (line) => console.error(`gan: ${line}`),
  }).finally(bar.end);
  const held: { close(): void }[] = [data];
  try {
    if (data.n < spec.train.batch) {
      throw new UsageError(
        `${specPath}: the batch (${spec.train.batch}) is larger than the training set (${data.n} examples)`,
        1,
      );
    }
    const folder = chooseRunFolder({ out: o.out, resume: o.resume, name: spec.name, resumed: !!resumed });
    const runDir = folder.dir;
    await prepareRunFolder(folder, text);
    held.push(await lockRunFolder(runDir));
    const program = join(runDir, "pytorch");
    await Deno.mkdir(program, { recursive: true });
    for (const [name, body] of files!) await writeFileAtomic(join(program, name), new TextEncoder().encode(body));
    const features = spec.data.shape.reduce((a, b) => a * b, 1);
    await writeRows(join(program, "data.npy"), data, features, spec.data.classes ?? 0);

    const args = [
      join(program, "train.py"),
      "--data",
      join(program, "data.npy"),
      "--out",
      runDir,
      "--progress",
      "json",
    ];
    if (o.steps !== undefined) args.push("--steps", String(o.steps));
    if (o.resume) args.push("--resume", o.resume);
    if (o.seed !== undefined) args.push("--seed", String(o.seed));
    const port = freePort();
    const threads = Math.max(1, Math.floor(navigator.hardwareConcurrency / o.ranks));
    const children = Array.from({ length: o.ranks }, (_, rank) =>
      new Deno.Command(python, {
        args,
        env: {
          MASTER_ADDR: "127.0.0.1",
          MASTER_PORT: String(port),
          RANK: String(rank),
          LOCAL_RANK: String(rank),
          WORLD_SIZE: String(o.ranks),
          OMP_NUM_THREADS: String(threads),
        },
        stdout: rank === 0 ? "piped" : "null",
        stderr: "piped",
      }).spawn());
    const onSigint = () => children.forEach((c) => c.kill("SIGINT"));
    Deno.addSignalListener("SIGINT", onSigint);
    const start = resumed?.step ?? 0;
    let progress: Progress | undefined;
    let last = start;
    const started = performance.now();
    const lead = (async () => {
      const lines = children[0].stdout.pipeThrough(new TextDecoderStream());
      let pending = "";
      for await (const chunk of lines) {
        pending += chunk;
        const parts = pending.split("\n");
        pending = parts.pop()!;
        for (const line of parts) {
          let msg: { log?: string; progress?: number; total?: number | null; metrics?: Record<string, number> };
          try {
            msg = JSON.parse(line);
          } catch {
            console.error(line);
            continue;
          }
          if (msg.log) {
            (progress ?? { log: (t: string) => console.error(t) }).log(msg.log);
          } else if (msg.progress !== undefined) {
            if (!progress) {
              progress = new Progress(msg.total ?? undefined);
              progress.begin(start);
            }
            last = msg.progress;
            if (msg.metrics && !Deno.stderr.isTerminal()) progress.log(progress.line(last, msg.metrics));
            progress.update(last, msg.metrics);
          }
        }
      }
    })();
    const errors = children.map(async (c) => new TextDecoder().decode(await new Response(c.stderr).arrayBuffer()));
    const statuses = await Promise.all(children.map((c) => c.status));
    await lead;
    Deno.removeSignalListener("SIGINT", onSigint);
    progress?.done();
    const failed = statuses.findIndex((s) => !s.success && s.code !== 130);
    if (failed >= 0) {
      const err = (await errors[failed]).trim();
      await Deno.writeTextFile(join(program, `rank-${failed}.log`), err + "\n");
      const lastLine = err.split("\n").filter((l) => l.trim()).at(-1) ?? "no message";
      throw new UsageError(
        `rank ${failed} of ${o.ranks} (${python}) ended with exit code ${statuses[failed].code}: ${
          lastLine.replace(/^SystemExit: /, "")
        } (its output: ${join(program, `rank-${failed}.log`)})`,
        1,
      );
    }
    await plotCurves(runDir, progress ?? new Progress(undefined));
    const secs = (performance.now() - started) / 1000;
    const stopped = statuses.some((s) => s.code === 130);
    console.error(
      `${stopped ? "stopped" : "trained"} at step ${last} with PyTorch ${torch} on ${o.ranks} rank${
        o.ranks > 1 ? "s" : ""
      } (${duration(secs)}, ${speed((last - start) / Math.max(secs, 1e-3))}); run folder ${runDir}`,
    );
    return stopped ? 130 : 0;
  } finally {
    for (const h of held) h.close();
  }
}
