// The `gan` command line. Every user mistake ends as one message and an exit code, never a stack trace.
import { cac } from "cac";
import { checkCommand } from "./commands/check.ts";
import { fmtCommand } from "./commands/fmt.ts";
import { irCommand } from "./commands/ir.ts";
import { summaryCommand } from "./commands/summary.ts";
import { UsageError } from "./io.ts";

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
    .example("gan summary specs/mnist-mlp.gan")
    .action((spec: string) => setStatus(summaryCommand(spec)));
  cli
    .command("ir <spec>", "Print the training-step program (IR): forward passes and losses of each phase")
    .option("--backward", "Also the initialisers, gradients and optimiser updates")
    .example("gan ir specs/toy-1d.gan --backward")
    .action((spec: string, o: { backward?: boolean }) => setStatus(irCommand(spec, o)));
  cli.help();
  cli.version(VERSION);
  return cli;
}

export function main(argv: string[]): number {
  let status = 0;
  const cli = buildCli((c) => (status = c));
  try {
    cli.parse(["deno", "gan", ...argv], { run: false });
    if (cli.options.help || cli.options.version) return 0;
    if (!cli.matchedCommand) {
      if (cli.args.length) throw new UsageError(`unknown command \`${cli.args[0]}\`; run \`gan --help\` for the list`);
      cli.outputHelp();
      return 0;
    }
    cli.runMatchedCommand();
    return status;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`gan: ${e.message}`);
      return e.exitCode;
    }
    if ((e as Error)?.name === "CACError") {
      console.error(`gan: ${(e as Error).message}; run \`gan ${cli.matchedCommandName ?? ""} --help\``.replace("gan  --help", "gan --help"));
      return 2;
    }
    throw e; // a bug of ours: the stack trace is for us
  }
}

if (import.meta.main) Deno.exit(main(Deno.args));
