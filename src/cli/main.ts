/**
 * Command-line wiring. Every action cleans up its options and calls the API;
 * this is the single place that maps errors to exit codes:
 * 0 nothing fails, 1 something fails, 2 bad input or usage, 3 a bug.
 */
import { Command, CommanderError, Option } from 'commander';
import { InputError } from '../errors.js';
import { formatNames } from '../report/registry.js';
import { version } from '../version.js';
import { runEvaluate, type EvaluateFlags } from './evaluate-command.js';
import { printDiagnostics, processIo, type Io } from './io.js';

export const EXIT = { ok: 0, failed: 1, invalid: 2, internal: 3 } as const;

function buildProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command('plancheck')
    .description('Check indicator targets and rules of five-year civil-affairs plans (民政事业发展规划) against measured data.')
    .version(version(), '-V, --version')
    .option('--debug', 'show stack traces for errors')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(run plancheck --help for usage)');

  program
    .command('evaluate')
    .description('evaluate every target and rule of a plan on data files (CSV, long form)')
    .argument('<data...>', 'CSV files of measurements; several are merged')
    .requiredOption('-p, --plan <plan>', 'a bundled plan id (e.g. suzhou) or a plan YAML file')
    .option('-y, --year <year>', 'the evaluation year (default: the latest year in the data)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames()).default('table'))
    .addOption(new Option('--fail-on <level>', 'which failures make the exit code 1').choices(['binding', 'any', 'never']).default('binding'))
    .addOption(new Option('--missing <policy>', 'how missing data counts').choices(['fail', 'warn', 'ignore']).default('warn'))
    .addOption(new Option('--lang <lang>', 'language of messages (default: from the locale)').choices(['zh', 'en']))
    .option('--no-color', 'no colours (also: NO_COLOR=1)')
    .action((files: string[], flags: EvaluateFlags) => setCode(runEvaluate(io, files, flags)));

  return program;
}

export function main(argv: readonly string[], io: Io = processIo): number {
  let code: number = EXIT.ok;
  const debug = argv.includes('--debug');
  try {
    buildProgram(io, (c) => (code = c)).parse([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? EXIT.ok : EXIT.invalid;
    }
    if (e instanceof InputError) {
      printDiagnostics(io, e.diagnostics);
      if (debug && e.stack) io.err(`${e.stack}\n`);
      return EXIT.invalid;
    }
    io.err(`plancheck: internal error, please report it: ${e instanceof Error ? e.message : String(e)}\n`);
    if (debug && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    else io.err('(run with --debug for the stack trace)\n');
    return EXIT.internal;
  }
  return code;
}
