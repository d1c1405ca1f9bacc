// The Deno permissions of each `gan` command: what it needs and no more. Every command reads (specs,
// data, checkpoints, the project's own files); only these write, and only where they are told to:
//
//   check, summary, ir, diff         write nothing (diff --rev runs `git show`)
//   fmt                              each spec it is given (and a temporary file beside it)
//   compile                          -o DIR, else ./generated (--engine pytorch: ./generated/<name>/pytorch;
//                                    --with-data also reads the spec's data: the image cache below)
//   train                            --out DIR; else ./runs, and the run folder of a --resume checkpoint
//                                    (--engine pytorch also runs python3 or /usr/bin/python3, or --python,
//                                    and binds a free port on 127.0.0.1 for the ranks' rendezvous)
//   sample, plot, figure             the folder of -o FILE (plot: the run folder by default)
//   export                           the folder of --onnx FILE
//   serve                            nothing; listens on 127.0.0.1 and runs `deno bundle`
//
// Commands that read a spec's training or held-out data (train, eval, figure, serve) may also write the
// cache of decoded image folders: --cache DIR, else ./runs/.gan-cache.
//
// Commands that compile a module in memory (train, sample, eval, figure, serve) also write a private
// temporary folder that the wrapper makes and removes. Plain JavaScript, so the Node wrapper and the
// tests share it.
import { existsSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** The options of each command that take a value (their values are not positional arguments). */
const VALUED = {
  compile: ["-o", "--target"],
  train: ["--steps", "--out", "--resume", "--seed", "--target", "--data", "--cache", "--engine", "--ranks", "--python"],
  sample: ["-n", "--z", "-o"],
  export: ["--onnx"],
  eval: ["--samples", "--test", "--validation", "--cache"],
  diff: ["--rev"],
  serve: ["--port"],
  plot: ["-o"],
  figure: ["-o", "--steps", "--rows", "--cols", "--cache"],
};

/** Environment variables read: colours (ours and picocolors'), and the tests' fault injection. */
export const ENV = [
  ...["NO_COLOR", "FORCE_COLOR", "TERM", "CI", "GAN_FAULT_LOSE_DEVICE_AFTER_STEP"],
  // read by TypeScript and its file globbing (ts-morph writes the generated modules) when they load
  ...[
    "TSC_WATCHFILE",
    "TSC_WATCHDIRECTORY",
    "TSC_NONPOLLING_WATCHER",
    "NODE_INSPECTOR_IPC",
    "VSCODE_INSPECTOR_OPTIONS",
  ],
  ...["LOW", "MEDIUM", "HIGH"].flatMap((l) =>
    ["POLLINGINTERVAL", "POLLINGCHUNKSIZE", "UNCHANGEDPOLLTHRESHOLDS"].map((k) => `TSC_WATCH_${k}_${l}`)
  ),
  ...["NODE_ENV", "__MINIMATCH_TESTING_PLATFORM__", "TINYGLOBBY_DEBUG"],
];

/** The Pythons `gan train --engine pytorch` tries without --python (runtime/train/pytorch.ts PYTHONS). */
const PYTHONS = ["python3", "/usr/bin/python3"];

/** Commands that may decode a folder of images into the cache. */
const CACHED = new Set(["train", "eval", "figure", "serve"]);

/** Commands that compile a spec's module into a temporary folder and import it from there. */
const TEMP = new Set(["train", "sample", "eval", "figure", "serve"]);

/** A command line's command, its positional arguments and its options' values (last one wins). */
export function parseArgs(argv) {
  const i = argv.findIndex((a) => !a.startsWith("-"));
  const command = i < 0 ? undefined : argv[i];
  const valued = VALUED[command] ?? [];
  const options = {};
  const positional = [];
  for (let k = i + 1; i >= 0 && k < argv.length; k++) {
    const a = argv[k];
    if (a === "--") {
      positional.push(...argv.slice(k + 1));
      break;
    }
    const eq = a.indexOf("=");
    const name = a.startsWith("-") && eq > 0 ? a.slice(0, eq) : a;
    if (valued.includes(name)) {
      options[name] = eq > 0 && a.startsWith("-") ? a.slice(eq + 1) : argv[++k];
    } else if (!a.startsWith("-")) positional.push(a);
  }
  return { command, positional, options };
}

/**
 * The permission flags for `deno run` of a command line. `cwd` resolves relative paths; `tmp` is the
 * private temporary folder; `deno` the Deno executable (serve runs it to bundle the page).
 */
export function permissionsFor(argv, { cwd, tmp, deno }) {
  const { command, positional, options } = parseArgs(argv);
  const at = (p) => resolve(cwd, p);
  const write = [];
  const run = [];
  let net = false;
  switch (command) {
    case "fmt":
      if (!argv.includes("--check")) { for (const p of positional) write.push(at(p), at(fmtTemp(p))); }
      break;
    case "compile":
      write.push(at(options["-o"] ?? "generated"));
      break;
    case "train": {
      if (options["--out"] !== undefined) write.push(at(options["--out"]));
      else {
        write.push(at("runs"));
        const run = options["--resume"] && runOfCheckpoint(at(options["--resume"]));
        if (run) write.push(run);
      }
      // the PyTorch engine runs its ranks with a Python that has torch
      // (and finds a free port on 127.0.0.1 for their rendezvous)
      if (options["--engine"] === "pytorch") {
        run.push(...(options["--python"] ? [options["--python"]] : PYTHONS));
        net = true;
      }
      break;
    }
    case "sample":
    case "figure":
      if (options["-o"] !== undefined) write.push(dirname(at(options["-o"])));
      break;
    case "export":
      if (options["--onnx"] !== undefined) write.push(dirname(at(options["--onnx"])));
      break;
    case "plot":
      // by default RUN/curves.png, or ./curves.png beside a metrics file given as RUN
      write.push(
        options["-o"] !== undefined
          ? dirname(at(options["-o"]))
          : isFolder(at(positional[0] ?? "."))
          ? at(positional[0] ?? ".")
          : cwd,
      );
      break;
    case "diff":
      if (options["--rev"] !== undefined) run.push("git");
      break;
    case "serve":
      net = true;
      run.push(deno);
      break;
  }
  if (TEMP.has(command)) write.push(tmp);
  if (CACHED.has(command) || (command === "compile" && argv.includes("--with-data"))) {
    write.push(at(options["--cache"] ?? "runs/.gan-cache"));
  }
  // Deno's permission lists are separated by commas and have no escape for one
  const comma = write.find((p) => p.includes(","));
  if (comma !== undefined) {
    throw new PermissionError(
      `${comma}: gan writes only to paths without a comma (Deno's permission lists are separated by commas); give another path`,
    );
  }
  return [
    "--no-prompt",
    "--allow-read",
    `--allow-env=${ENV.join(",")}`,
    ...(write.length ? [`--allow-write=${write.join(",")}`] : []),
    ...(net ? ["--allow-net=127.0.0.1"] : []),
    ...(run.length ? [`--allow-run=${run.join(",")}`] : []),
  ];
}

const isFolder = (p) => statSync(p, { throwIfNoEntry: false })?.isDirectory() === true;

/** A command line whose outputs cannot be expressed as Deno permissions. */
export class PermissionError extends Error {}

/** The temporary file `gan fmt` writes beside a spec before renaming it over the spec. */
export const fmtTemp = (spec) => `${spec}.gan-fmt.tmp`;

/** The run folder a checkpoint belongs to (RUN/checkpoints/step-N.safetensors, RUN marked as a run), if any. */
function runOfCheckpoint(path) {
  const holder = dirname(path);
  const run = dirname(holder);
  return basename(holder) === "checkpoints" && existsSync(join(run, ".gan-run")) ? run : undefined;
}
