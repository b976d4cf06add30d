/**
 * Command-line wiring. Every action cleans up its options and calls the API;
 * this is the single place that maps errors to exit codes:
 * 0 nothing fails, 1 something fails, 2 bad input or usage, 3 a bug.
 */
import { Command, CommanderError, Option } from 'commander';
import { errorDiagnostic, InputError, UsageError, type Diagnostic } from '../errors.js';
import { FORMAT_NAMES } from '../report/registry.js';
import { bugsUrl, version } from '../version.js';
import type { DiffFlags } from './diff-command.js';
import type { DraftFlags } from './draft-command.js';
import type { EvaluateFlags } from './evaluate-command.js';
import type { TemplateFlags } from './plan-commands.js';
import type { ReportFlags } from './report-command.js';
import type { Lang } from '../report/messages.js';
import { commanderMessageZh } from './commander-zh.js';
import type { HelpConfiguration } from 'commander';
import type { EvaluateContext } from './failure-outputs.js';
import { printDiagnostics, processIo, type Io } from './io.js';
import { resolveLang } from './options.js';

export const EXIT = { ok: 0, failed: 1, invalid: 2, internal: 3 } as const;

/** `--sheet NAME` (repeatable) and `--layout long|wide`: how data files are read */
function addReadOptions(cmd: Command): Command {
  return cmd
    .option('--sheet <name>', 'read only this sheet of a workbook (.xlsx); repeat for several (default: every sheet with a table)', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .addOption(new Option('--layout <layout>', 'long: one value column and a period column; wide: one column per period (default: told by the header)').choices(['long', 'wide']));
}

/** diff options that take a value, for options written after `--` */
const TAKES_VALUE = new Set(['-f', '--format', '--lang', '-p', '--plan']);

export function buildProgram(io: Io, setCode: (code: number) => void, afterDashes: string[] | undefined, ctx: EvaluateContext = {}, messageLang: Lang = 'en', zhHelp: HelpConfiguration = {}): Command {
  const later = async (p: Promise<number>): Promise<void> => setCode(await p);
  const program = new Command('plancheck')
    .description('Check indicator targets and rules of five-year civil-affairs plans (民政事业发展规划) against measured data.')
    .version(version(), '-V, --version')
    .option('--debug', 'show stack traces for errors')
    .exitOverride()
    // --help in Chinese: the descriptions and commander's own words (help-zh.ts); set before the commands, which inherit it
    .configureHelp(messageLang === 'zh' ? zhHelp : {})
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(messageLang === 'zh' ? commanderMessageZh(s) : s) })
    .showHelpAfterError('(run plancheck --help for usage)');
  if (messageLang === 'zh') program.helpCommand('help [command]', '显示命令帮助');

  addReadOptions(program.command('evaluate'))
    .description('evaluate every target and rule of a plan on data files (CSV or .xlsx workbooks, long or wide tables)')
    .argument('<data...>', 'CSV files or .xlsx workbooks of measurements; several are merged')
    .requiredOption('-p, --plan <plan>', 'a bundled plan id (e.g. suzhou), a plan YAML file, or a folder of them; repeat for several', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option('-y, --year <year>', 'the evaluation year (default: the latest period in the data)')
    .option('--period <period>', 'evaluate as of a month or quarter: 2024-06, 2024-Q2')
    .addOption(new Option('--require <what>', 'complete: every measurement due and absent fails the run').choices(['complete']))
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('table'))
    .addOption(new Option('--fail-on <level>', 'which failures make the exit code 1').choices(['binding', 'any', 'never']).default('binding'))
    .addOption(new Option('--missing <policy>', 'how missing data counts').choices(['fail', 'warn', 'ignore']).default('warn'))
    .addOption(new Option('--lang <lang>', 'language of messages (default: from the locale)').choices(['zh', 'en']))
    .option('--no-color', 'no colours (also: NO_COLOR=1)')
    .option('-o, --output <format:file>', 'also write a format to a file, e.g. junit:results.xml; repeat for several', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option('--repo-root <dir>', 'the repository root that github and sarif locations are relative to (default: $GITHUB_WORKSPACE, else the working directory)')
    .option('--encoding <encoding>', 'CSV output (meant for Excel): utf8-bom (default), utf8, gb18030')
    .action((files: string[], flags: EvaluateFlags) => later(import('./evaluate-command.js').then((m) => m.runEvaluate(io, files, flags, ctx))));

  const lang = (): Option => new Option('--lang <lang>', 'language (default: from the locale)').choices(['zh', 'en']);

  program
    .command('plans')
    .description('list the bundled plans: id, title, region, period, numbers of indicators and rules')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addOption(lang())
    .action((flags: { lang?: string; format?: string }) => later(import('./plan-commands.js').then((m) => m.runPlans(io, flags))));

  program
    .command('show')
    .description('show a plan as tables: indicators with unit, attribute, baseline, targets and source; rules with expression and quote')
    .argument('<plan>', 'a bundled plan id or a plan YAML file')
    .addOption(lang())
    .action((ref: string, flags: { lang?: string }) => later(import('./plan-commands.js').then((m) => m.runShow(io, ref, flags))));

  program
    .command('validate')
    .description('check plan files: schema, units, expressions, and lint warnings; exit 2 on errors')
    .argument('<plan...>', 'plan YAML files, folders of them, or bundled plan ids')
    .option('--strict', 'warnings fail too')
    .option('--seeds [dir]', 'check that every quote appears in the plan\'s source document, found in this folder (default: the bundled sources/)')
    .option('--ledger', 'also check the commitments ledger: every candidate commitment of each source is quoted by one of the plans given (implies --seeds)')
    .addOption(lang())
    .action((refs: string[], flags: { strict?: boolean; seeds?: string | true; ledger?: boolean; lang?: string }) => later(import('./plan-commands.js').then((m) => m.runValidate(io, refs, flags))));

  addReadOptions(program.command('report'))
    .description('mid-term / final evaluation (中期评估): each indicator\'s progress over every year in the data, with a verdict')
    .argument('<data...>', 'CSV files or .xlsx workbooks with several years of measurements')
    .requiredOption('-p, --plan <plan>', 'a bundled plan id or a plan YAML file (one plan per report)', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['markdown', 'html', 'json', 'docx']).default('markdown'))
    .option('-y, --year <year>', 'the evaluation year (default: the latest in the data)')
    .option('--period <period>', 'evaluate as of a month or quarter (2024-06, 2024-Q2): the part year as `evaluate --period`')
    .option('--org <name>', 'the issuing unit printed under the title')
    .option('--date <yyyy-mm-dd>', 'the date printed on the report (none by default: the output stays deterministic)')
    .option('-o, --output <file>', 'write the report to this file (required for docx)')
    .addOption(lang())
    .action((files: string[], flags: ReportFlags) => later(import('./report-command.js').then((m) => m.runReport(io, files, flags))));

  program
    .command('diff')
    .description('compare two evaluations: status transitions, value changes, plan changes')
    .usage('<old.json> <new.json>  |  --plan <id> <old-data.csv...> -- <new-data.csv...>')
    .argument('[inputs...]', 'two saved JSON results, or with --plan the old data files (the new ones after --)')
    .option('-p, --plan <plan>', 'evaluate data files with this plan first (repeatable)', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'markdown', 'json']).default('table'))
    .option('--fail-on-regression', 'exit 1 when a binding check went from pass to fail')
    .addOption(lang())
    .option('--no-color', 'no colours')
    .action((inputs: string[], flags: DiffFlags) => later(import('./diff-command.js').then((m) => m.runDiff(io, inputs, afterDashes, flags))));

  program
    .command('template')
    .description('write the table a data submitter fills in: every measurement the plans need in a year (CSV, or an .xlsx workbook)')
    .argument('<plan...>', 'bundled plan ids or plan YAML files')
    .option('-y, --year <year>', 'the year to fill in (default: the plan period’s last year)')
    .option('--period <period>', 'a month or quarter to fill in (2024-06, 2024-Q2); repeat for several (one sheet each in a workbook)', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .addOption(new Option('-f, --format <format>', 'csv, or xlsx: a workbook with locked names, validated values and instructions').choices(['csv', 'xlsx']).default('csv'))
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--encoding <encoding>', 'CSV: utf8-bom (default: Excel reads it), utf8, gb18030')
    .addOption(lang())
    .action((refs: string[], flags: TemplateFlags) => later(import('./plan-commands.js').then((m) => m.runTemplate(io, refs, flags))));

  program
    .command('draft')
    .description('draft a plan YAML from a plan document (.docx, .pdf, .html/.htm, .txt): indicators from its tables, rules and unreviewed commitments from its text, every guess marked for review')
    .argument('<document>', 'the plan document (Word .docx as Word or WPS saves it, a text PDF, a web page, or text)')
    .option('-o, --output <plan.yaml>', 'write the draft to this file (never over an existing one) instead of stdout; its name is the plan id (wuxi.yaml → wuxi)')
    .option('--id <id>', 'the plan id (lower-case ASCII, e.g. wuxi)')
    .option('--region <code>', "the region's six-digit GB/T 2260 code, which plan documents do not print")
    .option('--force', 'replace the --output file if it exists')
    .addOption(lang())
    .action((document: string, flags: DraftFlags) => later(import('./draft-command.js').then((m) => m.runDraft(io, document, flags))));

  return program;
}

/**
 * An option that takes one value, given twice (`--format json --format
 * junit`, `--period 2024-05 --period 2024-06`), is a usage error naming both
 * values: commander would keep the last one silently. Options meant to be
 * repeated (`--plan`, `--output`, `--sheet`, template's `--period`) collect
 * their values and are left alone.
 */
function refuseRepeatedOptions(program: Command, args: readonly string[]): void {
  const cmd = program.commands.find((c) => c.name() === args[0]);
  if (!cmd) return;
  const single = cmd.options.filter((o) => (o.required || o.optional) && (o.parseArg === undefined || o.argChoices !== undefined));
  const given = new Map<Option, string[]>();
  for (let i = 1; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') break;
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const o = single.find((x) => x.long === name || x.short === name) ?? (a.startsWith('-') && !a.startsWith('--') && a.length > 2 ? single.find((x) => x.short === a.slice(0, 2)) : undefined);
    if (!o) continue;
    let value: string;
    if (name !== a && a.startsWith('--')) value = a.slice(eq + 1);
    else if (a.length > 2 && !a.startsWith('--')) value = a.slice(2);
    else value = (args[++i]) ?? '';
    const values = given.get(o) ?? [];
    values.push(value);
    given.set(o, values);
  }
  for (const [o, values] of given) {
    if (values.length < 2) continue;
    const name = o.long ?? o.short ?? o.name();
    const list = values.map((v) => `"${v}"`);
    throw new UsageError({
      en: `${name} is given ${values.length} times (${list.join(', ')}): it takes one value; give it once`,
      zh: `${name} 给了 ${values.length} 次（${list.join('、')}）：该选项只取一个值，请只给一次`,
    });
  }
}

/** The language diagnostics are printed in: --lang where given (and valid), else the locale's. */
function diagnosticLang(argv: readonly string[], io: Io): Lang {
  let flag: string | undefined;
  argv.forEach((a, i) => {
    if (a === '--lang') flag = argv[i + 1];
    else if (a.startsWith('--lang=')) flag = a.slice('--lang='.length);
  });
  return flag === 'zh' || flag === 'en' ? flag : resolveLang(io.env);
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let code: number = EXIT.ok;
  const debug = argv.includes('--debug');
  const lang = diagnosticLang(argv, io);
  // the Chinese help (help-zh.ts), loaded only for a Chinese run
  const zhHelp = lang === 'zh' ? (await import('./help-zh.js')).chineseHelp() : {};
  if (argv.length === 0) {
    // nothing asked: how to ask, on stderr (stdout carries only reports), and a usage error
    io.err(buildProgram(io, () => undefined, undefined, {}, lang, zhHelp).helpInformation());
    return EXIT.invalid;
  }
  // `diff --plan x old.csv -- new.csv`: what follows -- is the new side
  const dashes = argv[0] === 'diff' ? argv.indexOf('--') : -1;
  const args = dashes >= 0 ? argv.slice(0, dashes) : [...argv];
  let after: string[] | undefined;
  if (dashes >= 0) {
    // options written after the new files still belong to the command
    after = [];
    const rest = argv.slice(dashes + 1);
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i] as string;
      if (a.startsWith('-') && a !== '-') {
        args.push(a);
        if (TAKES_VALUE.has(a) && i + 1 < rest.length) args.push(rest[++i] as string);
      } else after.push(a);
    }
  }
  const ctx: EvaluateContext = {};
  // exit 2 or 3: every output of evaluate says the run failed (failure-outputs.ts)
  const failOutputs = async (diagnostics: readonly Diagnostic[], exitCode: number): Promise<void> => {
    if (argv[0] !== 'evaluate') return;
    const { reportEvaluateFailure } = await import('./failure-outputs.js');
    const { resolvePlanPath } = await import('../plan/load.js');
    const planOf = (ref: string): string | undefined => {
      try {
        return resolvePlanPath(ref);
      } catch {
        return undefined;
      }
    };
    await reportEvaluateFailure(io, argv, ctx, diagnostics, exitCode, lang, planOf);
  };
  try {
    const program = buildProgram(io, (c) => (code = c), after, ctx, lang, zhHelp);
    refuseRepeatedOptions(program, args);
    await program.parseAsync(args, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      const message = e.message.replace(/^error: /, '');
      await failOutputs([errorDiagnostic('USAGE', { en: message, zh: commanderMessageZh(e.message).replace(/^错误：/, '') })], EXIT.invalid);
      return EXIT.invalid;
    }
    if (e instanceof InputError) {
      printDiagnostics(io, e.diagnostics, lang);
      await failOutputs(e.diagnostics, EXIT.invalid);
      if (debug && e.stack) io.err(`${e.stack}\n`);
      return EXIT.invalid;
    }
    const what = e instanceof Error ? e.message : String(e);
    io.err(lang === 'zh' ? `plancheck：内部错误（程序缺陷），请报告（${bugsUrl()}）：${what}\n` : `plancheck: internal error, please report it (${bugsUrl()}): ${what}\n`);
    if (debug && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    else io.err(lang === 'zh' ? '（加 --debug 运行可看到调用栈）\n' : '(run with --debug for the stack trace)\n');
    try {
      await failOutputs([errorDiagnostic('INTERNAL', { en: `internal error, please report it (${bugsUrl()}): ${what}`, zh: `内部错误（程序缺陷），请报告（${bugsUrl()}）：${what}` })], EXIT.internal);
    } catch {
      // the bug is reported above; its outputs are best effort
    }
    return EXIT.internal;
  }
  return code;
}
