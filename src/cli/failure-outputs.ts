/**
 * Every output of an `evaluate` run that ends with exit 2 (bad input or
 * usage) or 3 (a bug) says so, in its own format — the `--output` files,
 * stdout when it carries a machine format, and the GitHub job summary — so
 * that no consumer reads an empty file as "0 tests, success" or an old
 * file as this run's verdict.
 */
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '../errors.js';
import type { Lang } from '../report/messages.js';
import type { RepoPaths } from '../report/options.js';
import { isBinaryFormat, isFormat, loadFailureFormatter } from '../report/registry.js';
import { version } from '../version.js';
import { encodeText, parseEncoding, type TextEncoding } from './encoding.js';
import { outData, printDiagnostics, type Io } from './io.js';
import type { OutputTarget } from './outputs.js';

/** What `evaluate` had settled when it stopped: each part is filled in as soon as it is known. */
export interface EvaluateContext {
  /** the checked `--output` files (undefined: not checked yet; main reads them off the command line) */
  outputs?: readonly OutputTarget[];
  /** the checked `--format` */
  format?: string;
  encoding?: TextEncoding;
  paths?: RepoPaths;
  /** the report reached stdout (a failure after it, e.g. the job summary, adds no second document) */
  stdoutWritten?: boolean;
}

/** The value of the last `--name`/`-x` on a command line (before `--`), read without commander. */
export function optionOf(argv: readonly string[], long: string, short?: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') break;
    if ((a === long || a === short) && i + 1 < argv.length) value = argv[++i];
    else if (a.startsWith(`${long}=`)) value = a.slice(long.length + 1);
    else if (short !== undefined && a.startsWith(short) && a.length > short.length && !a.startsWith('--')) value = a.slice(short.length);
  }
  return value;
}

function repoPaths(io: Io, argv: readonly string[]): RepoPaths {
  const cwd = process.cwd();
  return { cwd, root: resolve(cwd, optionOf(argv, '--repo-root') ?? (io.env['GITHUB_WORKSPACE'] || '.')) };
}

/** The failure document stdout carries for `format` (none for the table: stderr says it all). */
async function stdoutDocument(io: Io, format: string, diagnostics: readonly Diagnostic[], exitCode: number, lang: Lang, paths: RepoPaths, encoding: TextEncoding): Promise<string | Uint8Array | undefined> {
  if (format === 'table') return undefined;
  const failure = { version: version(), exitCode, diagnostics };
  if (isBinaryFormat(format)) {
    // a workbook is never written to a terminal
    if (io.stdoutIsTty || io.outBytes === undefined) return undefined;
    return (await import('../report/xlsx.js')).formatXlsxFailure(failure, lang);
  }
  // annotations point into the repository, as the run's own would
  if (format === 'github') return (await import('../report/github.js')).formatGithubFailure(failure, { color: false, lang, paths });
  const text = (await loadFailureFormatter(format))(failure, lang);
  return format === 'csv' ? encodeText(text, encoding) : text;
}

/** The short section the job summary gets on exit 2 or 3. */
async function appendSummary(io: Io, diagnostics: readonly Diagnostic[], exitCode: number, lang: Lang): Promise<void> {
  const file = io.env['GITHUB_STEP_SUMMARY'];
  if (file === undefined || file === '') return;
  const text = (await loadFailureFormatter('markdown'))({ version: version(), exitCode, diagnostics }, lang);
  try {
    appendFileSync(file, text);
  } catch (e) {
    const { osErrorText } = await import('../os-error.js');
    const msg = osErrorText(e);
    io.err(lang === 'zh' ? `plancheck：无法写入 GITHUB_STEP_SUMMARY ${file}：${msg.zh}\n` : `plancheck: cannot append to GITHUB_STEP_SUMMARY ${file}: ${msg.en}\n`);
  }
}

/**
 * After an `evaluate` run failed with `exitCode` (2 or 3): the `--output`
 * files, stdout and the job summary say so. Problems writing an output are
 * printed on stderr; the others are still written.
 */
export async function reportEvaluateFailure(io: Io, argv: readonly string[], ctx: EvaluateContext, diagnostics: readonly Diagnostic[], exitCode: number, lang: Lang, planOf: (ref: string) => string | undefined): Promise<void> {
  const { failOutputsOfArgv, writeFailureDocuments } = await import('./outputs.js');
  let encoding: TextEncoding = ctx.encoding ?? 'utf8-bom';
  if (ctx.encoding === undefined) {
    try {
      encoding = parseEncoding(optionOf(argv, '--encoding'));
    } catch {
      // the default, then
    }
  }
  const problems = ctx.outputs !== undefined ? await writeFailureDocuments(ctx.outputs, diagnostics, lang, encoding, exitCode) : await failOutputsOfArgv(argv, diagnostics, lang, planOf, exitCode);
  // a file that could not be written is said once (the run's own error may already have said it)
  const said = new Set(diagnostics.map((d) => d.message));
  printDiagnostics(io, problems.filter((p) => !said.has(p.message)), lang);
  const format = ctx.format ?? optionOf(argv, '--format', '-f') ?? 'table';
  if (!ctx.stdoutWritten && isFormat(format)) {
    const doc = await stdoutDocument(io, format, diagnostics, exitCode, lang, ctx.paths ?? repoPaths(io, argv), encoding);
    if (doc !== undefined) outData(io, doc);
  }
  await appendSummary(io, diagnostics, exitCode, lang);
}
