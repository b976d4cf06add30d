/** `plancheck evaluate`: options → evaluate() → a report on stdout → exit code. */
import { appendFileSync, writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { evaluate } from '../index.js';
import { langFromLocale, type Lang } from '../report/messages.js';
import type { RepoPaths } from '../report/options.js';
import { formatNames, isBinaryFormat, isFormat, loadBinaryFormatter, loadFormatter, type Formatter } from '../report/registry.js';
import { printDiagnostics, useColor, type Io } from './io.js';
import { FAIL_ON, LANGS, MISSING, oneOf, parseYear, readOptions, refuseBinaryToTerminal } from './options.js';

export interface EvaluateFlags {
  plan: string[];
  year?: string;
  period?: string;
  require?: string;
  format: string;
  failOn: string;
  missing: string;
  lang?: string;
  color: boolean;
  output?: string[];
  repoRoot?: string;
  sheet?: string[];
  layout?: string;
}

const BY_EXTENSION: Readonly<Record<string, string>> = { '.xml': 'junit', '.json': 'json', '.md': 'markdown', '.csv': 'csv', '.sarif': 'sarif', '.txt': 'table', '.xlsx': 'xlsx' };

/** `junit:out.xml`, or `out.xml` with the format told by the extension. */
export function parseOutputSpec(spec: string): { format: string; file: string } {
  const m = /^([a-z]+):(.+)$/.exec(spec);
  if (m && m[1] !== undefined && m[2] !== undefined && isFormat(m[1])) return { format: m[1], file: m[2] };
  const ext = extname(spec).toLowerCase();
  const format = BY_EXTENSION[ext];
  if (format === undefined) throw new UsageError(`--output ${spec}: say the format, e.g. junit:${spec} (formats: ${formatNames().join(', ')})`);
  return { format, file: spec };
}

export async function runEvaluate(io: Io, files: string[], flags: EvaluateFlags): Promise<number> {
  const format = oneOf('format', flags.format, formatNames());
  if (isBinaryFormat(format)) refuseBinaryToTerminal(io, format, `--output ${format}:results.${format}`);
  const policy = { failOn: oneOf('fail-on', flags.failOn, FAIL_ON), missing: oneOf('missing', flags.missing, MISSING) };
  const lang: Lang = flags.lang === undefined ? langFromLocale(io.env) : oneOf('lang', flags.lang, LANGS);
  const year = parseYear(flags.year);
  const outputs = (flags.output ?? []).map(parseOutputSpec);
  const requireComplete = flags.require === undefined ? false : oneOf('require', flags.require, ['complete']) === 'complete';
  // annotations and SARIF locations are relative to the repository root: --repo-root,
  // else the checkout of a GitHub Actions job, else the working directory
  const cwd = process.cwd();
  const paths = { cwd, root: resolve(cwd, flags.repoRoot ?? (io.env['GITHUB_WORKSPACE'] || '.')) };
  let run;
  try {
    run = await evaluate({
      plans: flags.plan,
      data: files,
      policy,
      requireComplete,
      input: readOptions(flags),
      ...(year === undefined ? {} : { year }),
      ...(flags.period === undefined ? {} : { period: flags.period }),
    });
  } catch (e) {
    // data errors are annotated too; main.ts still prints them and exits 2
    if (format === 'github' && e instanceof InputError) io.out((await import('../report/github.js')).formatGithubDiagnostics(e.diagnostics, { color: false, lang, paths }));
    throw e;
  }
  printDiagnostics(io, run.warnings);
  for (const o of outputs) {
    const content = isBinaryFormat(o.format) ? await (await loadBinaryFormatter(o.format))(run, { color: false, lang, paths }) : (await loadFormatter(o.format))(run, { color: false, lang, paths });
    try {
      writeFileSync(o.file, content);
    } catch (e) {
      throw new UsageError(`cannot write ${o.file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (isBinaryFormat(format)) (io.outBytes as (b: Uint8Array) => void)(await (await loadBinaryFormatter(format))(run, { color: false, lang, paths }));
  else io.out((await loadFormatter(format))(run, { color: useColor(io, flags.color), lang, paths }));
  await appendStepSummary(io, run, lang, paths);
  return run.failing > 0 ? 1 : 0;
}

/** In a GitHub Actions step, the Markdown report is appended to the job summary (no flag needed). */
async function appendStepSummary(io: Io, run: Parameters<Formatter>[0], lang: Lang, paths: RepoPaths): Promise<void> {
  const file = io.env['GITHUB_STEP_SUMMARY'];
  if (file === undefined || file === '') return;
  const markdown = await loadFormatter('markdown');
  try {
    appendFileSync(file, markdown(run, { color: false, lang, paths }));
  } catch (e) {
    throw new UsageError(`cannot append to GITHUB_STEP_SUMMARY ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
