// The `gan` command line. Every user mistake ends as one message and an exit code, never a stack trace.
import { cac } from "cac";
import { checkCommand } from "./commands/check.ts";
import { compileCommand, compilePytorchCommand } from "./commands/compile.ts";
import { fmtCommand } from "./commands/fmt.ts";
import { irCommand } from "./commands/ir.ts";
import { summaryCommand } from "./commands/summary.ts";
import { figureCommand, plotCommand } from "./commands/plot.ts";
import { diffCommand } from "./commands/diff.ts";
import { serveCommand } from "../web/serve.ts";
import { train } from "../train/run.ts";
import { trainPytorch } from "../train/pytorch.ts";
import { DEFAULT_TARGET, TARGETS } from "../../compiler/shared.ts";
import { sampleCommand } from "../train/sample.ts";
import { exportCommand } from "../export/command.ts";
import { evalCommand } from "../eval/eval.ts";
import { NoAdapterError } from "../gpu/device.ts";
import { isUserError, osErrorText } from "../io/errors.ts";
import { isDir, UsageError } from "./io.ts";
import { watchParent } from "./parent.ts";

const VERSION = "0.1.0";

function buildCli(setStatus: (code: number) => void) {
  const cli = cac("gan");
  cli
    .command("check <...specs>", "Parse and check specs: diagnostics or nothing; exit 1 on any error")
    .option("--json", "Diagnostics as JSON (file, code, message, line, column)")
    .example("gan check specs/mnist-mlp.gan")
    .action((specs: string[], o: { json?: boolean }) => setStatus(checkCommand(specs, o)));
  cli
    .command("fmt <...specs>", "Rewrite specs in canonical form (comments kept; idempotent)")
    .option("--check", "Write nothing; list the files that are not formatted and exit 1 if any")
    .example("gan fmt specs/*.gan --check")
    .action((specs: string[], o: { check?: boolean }) => setStatus(fmtCommand(specs, o)));
  cli
    .command("summary <spec>", "Per network: layers, output shapes, parameters, FLOPs per example; then the setup")
    .option("--textconv", "For git's diff driver: a spec that does not check prints as its text, exit 0")
    .example("gan summary specs/mnist-mlp.gan")
    .action((spec: string, o: { textconv?: boolean }) =>
      setStatus(summaryCommand(spec, { textconv: o.textconv === true }))
    );
  cli
    .command("ir <spec>", "Print the training-step program (IR): forward passes and losses of each phase")
    .option("--backward", "Also the initialisers, gradients and optimiser updates")
    .example("gan ir specs/toy-1d.gan --backward")
    .action((spec: string, o: { backward?: boolean }) => setStatus(irCommand(spec, o)));
  cli
    .command(
      "compile <spec>",
      "Write generated/<name>/: the fused WGSL kernels, the plan that runs them, and a TypeScript trainer",
    )
    .option("-o <dir>", "Output folder (default generated/<name>, or generated/<name>/pytorch)")
    .option(
      "--target <name>",
      `Shape kernels for this tuning-table entry: ${Object.keys(TARGETS).join(" or ")} (default ${DEFAULT_TARGET})`,
    )
    .option(
      "--engine <engine>",
      "webgpu (default): WGSL kernels and a TypeScript trainer; pytorch: model.py and train.py",
    )
    .example("gan compile specs/mnist-mlp.gan")
    .option(
      "--with-data",
      "pytorch: also write the spec's training set as data.npy beside train.py (its default --data)",
    )
    .example("gan compile specs/mnist-mlp.gan --engine pytorch --with-data")
    .action(async (spec: string, o: { o?: string; target?: string; engine?: string; withData?: boolean }) =>
      setStatus(
        engineFlag(o.engine) === "pytorch"
          ? await compilePytorchCommand(spec, { out: o.o, withData: o.withData === true })
          : await compileCommand(spec, { out: o.o, target: targetFlag(o.target) }),
      )
    );
  cli
    .command(
      "train [spec]",
      "Compile a spec and train it on WebGPU; writes a run folder (metrics, samples, checkpoints)",
    )
    .option("--steps <n>", "Train this many steps (default: the spec's steps or epochs, else until Ctrl-C)")
    .option("--out <dir>", "Run folder (default: runs/<name>-<timestamp>)")
    .option("--resume <ckpt>", "Continue from a checkpoint, bit for bit (SPEC may then be left out)")
    .option("--seed <s>", "Override the spec's seed")
    .option(
      "--target <name>",
      `Kernels from this tuning-table entry (${Object.keys(TARGETS).join(" or ")}) instead of the adapter's own`,
    )
    .option(
      "--data <path>",
      "Train on this instead of the spec's data source: IDX images (raw or .gz), CIFAR-10 batches (a .bin file or the folder of five), or a folder of PNG/JPEG images",
    )
    .option("--cache <dir>", "Where a folder of images is cached once decoded (default: runs/.gan-cache)")
    .option("--strict", "Refuse a folder of images that holds an unreadable file (default: skip it, naming it)")
    .option("--allow-nonfinite", "Use a checkpoint that holds NaN or infinite values (refused by default)")
    .option(
      "--engine <engine>",
      "webgpu (default), or pytorch: the spec's PyTorch program (gan compile --engine pytorch)",
    )
    .option("--ranks <n>", "pytorch: local ranks (processes) sharing each batch, gloo on CPUs (default 1)")
    .option(
      "--python <path>",
      "pytorch: the Python with torch (default: the first of python3, /usr/bin/python3 that has it)",
    )
    .example("gan train specs/mnist-mlp.gan --steps 1000")
    .example("gan train specs/mnist-mlp.gan --engine pytorch --ranks 2 --steps 100")
    .example("gan train specs/dcgan-mnist.gan --data /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")
    .action(
      async (
        spec: string | undefined,
        o: {
          steps?: string;
          out?: string;
          resume?: string;
          seed?: string;
          target?: string;
          data?: string;
          cache?: string;
          strict?: boolean;
          allowNonfinite?: boolean;
          engine?: string;
          ranks?: string;
          python?: string;
        },
      ) => {
        if (!spec && !o.resume) throw new UsageError("give a spec to train, or --resume CHECKPOINT");
        const engine = engineFlag(o.engine);
        if (engine === "webgpu" && (o.ranks !== undefined || o.python !== undefined)) {
          throw new UsageError(`${o.ranks !== undefined ? "--ranks" : "--python"} is for --engine pytorch`);
        }
        if (engine === "pytorch") {
          if (o.target !== undefined) throw new UsageError("--target shapes WebGPU kernels; --engine pytorch has none");
          if (spec && isDir(spec)) {
            throw new UsageError(`--engine pytorch trains a .gan file, not the generated folder ${spec}`);
          }
          return setStatus(
            await trainPytorch({
              spec,
              out: o.out,
              resume: o.resume,
              steps: intFlag("--steps", o.steps, 1, MAX_STEPS),
              seed: intFlag("--seed", o.seed, 0, MAX_SEED),
              data: o.data,
              cache: o.cache,
              strict: o.strict === true,
              allowNonfinite: o.allowNonfinite === true,
              ranks: intFlag("--ranks", o.ranks, 1, 64) ?? 1,
              python: o.python,
            }),
          );
        }
        setStatus(
          await train({
            spec,
            out: o.out,
            resume: o.resume,
            steps: intFlag("--steps", o.steps, 1, MAX_STEPS),
            seed: intFlag("--seed", o.seed, 0, MAX_SEED),
            target: targetFlag(o.target),
            data: o.data,
            cache: o.cache,
            strict: o.strict === true,
            allowNonfinite: o.allowNonfinite === true,
          }),
        );
      },
    );
  cli
    .command("sample <checkpoint>", "Samples from a checkpoint's generator: a PNG grid, or raw float32 in .npy")
    .option("-n <n>", "How many samples (default 64)")
    .option("--z <file.npy>", "Latent vectors [n, dim] from a NumPy file instead of the run's fixed noise")
    .option("-o <file>", "Output: FILE.png or FILE.npy")
    .option("--raw", "G's trained weights, not the average a spec's `generator_average` keeps")
    .option("--allow-nonfinite", "Use a checkpoint that holds NaN or infinite values (refused by default)")
    .option("--class <k>", "A class-conditional spec: every sample of class k (default: one row per class)")
    .example("gan sample runs/mnist-mlp-x/checkpoints/step-1000.safetensors -n 100 -o samples.png")
    .action(
      async (
        checkpoint: string,
        o: { n?: string; z?: string; o?: string; raw?: boolean; allowNonfinite?: boolean; class?: string },
      ) => {
        if (!o.o) throw new UsageError("give the output file with -o FILE.png or -o FILE.npy");
        setStatus(
          await sampleCommand({
            checkpoint,
            n: intFlag("-n", o.n, 1),
            z: o.z,
            out: o.o,
            raw: o.raw === true,
            allowNonfinite: o.allowNonfinite === true,
            ...(o.class !== undefined ? { class: intFlag("--class", o.class, 0) } : {}),
          }),
        );
      },
    );
  cli
    .command("export <checkpoint>", "Writes a checkpoint's generator as an ONNX model (opset 13, dynamic batch)")
    .option("--onnx <file>", "Output: FILE.onnx")
    .option("--raw", "G's trained weights, not the average a spec's `generator_average` keeps")
    .option("--allow-nonfinite", "Use a checkpoint that holds NaN or infinite values (refused by default)")
    .example("gan export runs/mnist-mlp-x/checkpoints/step-1000.safetensors --onnx mnist-g.onnx")
    .action(async (checkpoint: string, o: { onnx?: string; raw?: boolean; allowNonfinite?: boolean }) => {
      if (!o.onnx) throw new UsageError("give the output file with --onnx FILE.onnx");
      setStatus(
        await exportCommand({
          checkpoint,
          onnx: o.onnx,
          raw: o.raw === true,
          allowNonfinite: o.allowNonfinite === true,
        }),
      );
    });
  cli
    .command(
      "eval <checkpoint>",
      "Evaluates a checkpoint's generator: --parzen, the paper's Parzen-window log-likelihood",
    )
    .option(
      "--parzen",
      "Parzen-window log-likelihood: sigma from logspace(-1, 0, 10) on the validation split, mean +- standard error on the test split",
    )
    .option("--samples <n>", "Samples drawn from G (default 10000, as in the paper)")
    .option(
      "--test <path>",
      "Held-out examples in the spec's format (IDX, CIFAR-10, a folder of images); by default the source's own: the bundled MNIST splits, an IDX train- file's t10k- twin, CIFAR-10's test_batch.bin, a folder's held-out 1 in 10",
    )
    .option(
      "--validation <file>",
      "Examples for choosing sigma (default: the first half of --test, the second half then being the test)",
    )
    .option("--json", "One JSON object instead of text")
    .option("--raw", "G's trained weights, not the average a spec's `generator_average` keeps")
    .option("--cache <dir>", "Where a folder of images is cached once decoded (default: runs/.gan-cache)")
    .option("--allow-nonfinite", "Use a checkpoint that holds NaN or infinite values (refused by default)")
    .example("gan eval runs/mnist-mlp-x/checkpoints/step-1000.safetensors --parzen")
    .example(
      "gan eval runs/fashion-x/checkpoints/step-5000.safetensors --parzen --test /usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz",
    )
    .action(
      async (
        checkpoint: string,
        o: {
          parzen?: boolean;
          samples?: string;
          json?: boolean;
          test?: string;
          validation?: string;
          raw?: boolean;
          cache?: string;
          allowNonfinite?: boolean;
        },
      ) => {
        setStatus(
          await evalCommand({
            cache: o.cache,
            checkpoint,
            parzen: o.parzen === true,
            samples: intFlag("--samples", o.samples, 1),
            json: o.json === true,
            test: o.test,
            validation: o.validation,
            raw: o.raw === true,
            allowNonfinite: o.allowNonfinite === true,
          }),
        );
      },
    );
  cli
    .command(
      "diff <a> [b]",
      "Compare two specs by meaning: layers aligned (shapes, parameters, FLOPs), setup, kernel plan, totals; exit 0 same, 1 different, 2 error",
    )
    .option("--rev <rev>", "Compare A with itself at a git revision (e.g. HEAD~1)")
    .option("--json", "The comparison as JSON")
    .example("gan diff specs/mnist-mlp.gan my-mnist.gan")
    .example("gan diff specs/mnist-mlp.gan --rev HEAD~1")
    .action((a: string, b: string | undefined, o: { rev?: string; json?: boolean }) =>
      setStatus(diffCommand({ a, b, rev: o.rev === undefined ? undefined : String(o.rev), json: o.json === true }))
    );
  cli
    .command(
      "serve [spec]",
      "A page on 127.0.0.1 that trains the spec (or generated folder) in the browser with WebGPU: live samples and curves, start, pause, reset, checkpoints",
    )
    .option("--port <port>", "Port (default 8000; 0 picks a free one)")
    .example("gan serve specs/mnist-mlp.gan")
    .action(async (spec: string | undefined, o: { port?: string }) =>
      setStatus(
        await serveCommand({ spec, port: o.port === undefined ? undefined : intFlag("--port", String(o.port), 0) }),
      )
    );
  cli
    .command(
      "plot <run>",
      "Loss curves of a run: D and G losses, D(x) and D(G(z)) against the step, from its metrics.jsonl",
    )
    .option("-o <file>", "Output: FILE.png or FILE.svg (default RUN/curves.png)")
    .example("gan plot runs/mnist-mlp-x")
    .action(async (run: string, o: { o?: string }) => setStatus(await plotCommand({ run, out: o.o })));
  cli
    .command(
      "figure <n> <source>",
      "The paper's figures: 1 (1-D densities and D(x) over training, from a run folder; for 2-D data, real and generated points and the modes covered), 2 (samples and nearest training examples), 3 (interpolations in z) from a checkpoint or a run's last one",
    )
    .option("-o <file>", "Output: FILE.png (Figure 1 also FILE.svg)")
    .option("--steps <list>", "Figure 1: the steps to draw, e.g. 0,1000,4000 (default: step 0 and up to 4 checkpoints)")
    .option("--rows <n>", "Figures 2 and 3: rows (default 8 and 10)")
    .option("--cols <n>", "Figures 2 and 3: samples per row (default 8 and 12)")
    .option("--cache <dir>", "Figure 2: where a folder of images is cached once decoded (default: runs/.gan-cache)")
    .example("gan figure 1 runs/toy-1d-x -o figure1.png")
    .example("gan figure 2 runs/mnist-mlp-x/checkpoints/step-25000.safetensors -o figure2.png")
    .action(
      async (
        n: string,
        source: string,
        o: { o?: string; steps?: string; rows?: string; cols?: string; cache?: string },
      ) => {
        setStatus(
          await figureCommand({
            figure: String(n),
            source,
            out: o.o,
            cache: o.cache,
            steps: o.steps === undefined ? undefined : String(o.steps),
            rows: intFlag("--rows", o.rows, 1),
            cols: intFlag("--cols", o.cols, 1),
          }),
        );
      },
    );
  cli.help();
  cli.version(VERSION);
  return cli;
}

/** Steps one run may ask for: a billion, 11 days at a millisecond a step (more is a typo, like 1e20). */
const MAX_STEPS = 1_000_000_000;
/** Seeds are a Philox key word: 32 bits. */
const MAX_SEED = 2 ** 32 - 1;

function intFlag(flag: string, v: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max.toLocaleString("en-US")}`;
    throw new UsageError(`${flag} ${v}: expected a whole number ${range}`);
  }
  return n;
}

export async function main(argv: string[]): Promise<number> {
  let status = 0;
  const cli = buildCli((c) => (status = c));
  try {
    cli.parse(["deno", "gan", ...argv], { run: false });
    if (cli.options.help || cli.options.version) return 0;
    if (!cli.matchedCommand) {
      if (cli.args.length) throw new UsageError(`unknown command \`${cli.args[0]}\`; run \`gan --help\` for the list`);
      const flag = argv.find((a) => a.startsWith("-") && a !== "--");
      if (flag) {
        throw new UsageError(`unknown option \`${flag}\`; run \`gan --help\` for the commands and their options`);
      }
      cli.outputHelp();
      return 0;
    }
    await cli.runMatchedCommand();
    return status;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`gan: ${e.message}`);
      return e.exitCode;
    }
    if (e instanceof NoAdapterError || isUserError(e)) {
      console.error(`gan: ${e.message}`);
      return 1;
    }
    // the command's Deno permissions (permissions.mjs) do not reach this: say what was refused
    if ((e as Error)?.name === "NotCapable") {
      const what = (e as Error).message.replace(/, run again with the --allow-\w+ flag$/, "").replace(
        /^Requires/,
        "requires",
      );
      console.error(`gan: outside what this command may do: it ${what} (the README lists each command's permissions)`);
      return 1;
    }
    // the file system said no (read-only, no permission, full): what and where, in one line
    const os = osErrorText(e);
    if (os !== undefined) {
      console.error(`gan: ${os}`);
      return 1;
    }
    if ((e as Error)?.name === "CACError") {
      console.error(
        `gan: ${(e as Error).message}; run \`gan ${cli.matchedCommandName ?? ""} --help\``.replace(
          "gan  --help",
          "gan --help",
        ),
      );
      return 2;
    }
    throw e; // a bug of ours: the stack trace is for us
  }
}

if (import.meta.main) {
  watchParent();
  Deno.exit(await main(Deno.args));
}

function targetFlag(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  if (!(name in TARGETS)) {
    throw new UsageError(`--target ${name}: known targets are ${Object.keys(TARGETS).join(", ")}`);
  }
  return name;
}

function engineFlag(name: string | undefined): "webgpu" | "pytorch" {
  if (name === undefined || name === "webgpu" || name === "pytorch") return name ?? "webgpu";
  throw new UsageError(`--engine ${name}: the engines are webgpu (the default) and pytorch`);
}
