/** `plancheck evaluate`: options → evaluate() → a report on stdout → exit code. */
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { errorDiagnostic, InputError, UsageError } from '../errors.js';
import { evaluate } from '../run/evaluate.js';
import type { Lang } from '../report/messages.js';
import type { FormatOptions, RepoPaths } from '../report/options.js';
import { formatNames, isBinaryFormat, loadBinaryFormatter, loadFormatter, type Formatter } from '../report/registry.js';
import type { RunReport } from '../run/evaluate.js';
import { encodeText, parseEncoding } from './encoding.js';
import { expandDataArgs } from './inputs.js';
import { printDiagnostics, outData, useColor, type Io } from './io.js';
import { checkOutputs, outputBytes, planFilesOf, writeAtomic, writeFailureDocuments } from './outputs.js';
import { FAIL_ON, MISSING, oneOf, parseYear, readOptions, refuseBinaryToTerminal, resolveLang } from './options.js';

export { parseOutputSpec } from './outputs.js';

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
  encoding?: string;
  repoRoot?: string;
  sheet?: string[];
  layout?: string;
}

/** One format of a run: text, or the bytes of a workbook. */
async function render(format: string, run: RunReport, options: FormatOptions): Promise<string | Uint8Array> {
  return isBinaryFormat(format) ? (await loadBinaryFormatter(format))(run, options) : (await loadFormatter(format))(run, options);
}

export async function runEvaluate(io: Io, files: string[], flags: EvaluateFlags, ctx: { outputsHandled: boolean } = { outputsHandled: false }): Promise<number> {
  const format = oneOf('format', flags.format, formatNames());
  if (isBinaryFormat(format)) refuseBinaryToTerminal(io, format, `--output ${format}:results.${format}`);
  const policy = { failOn: oneOf('fail-on', flags.failOn, FAIL_ON), missing: oneOf('missing', flags.missing, MISSING) };
  const lang = resolveLang(io.env, flags.lang);
  const year = parseYear(flags.year);
  const encoding = parseEncoding(flags.encoding);
  const requireComplete = flags.require === undefined ? false : oneOf('require', flags.require, ['complete']) === 'complete';
  const input = readOptions(flags);
  // annotations and SARIF locations are relative to the repository root: --repo-root,
  // else the checkout of a GitHub Actions job, else the working directory
  const cwd = process.cwd();
  const paths = { cwd, root: resolve(cwd, flags.repoRoot ?? (io.env['GITHUB_WORKSPACE'] || '.')) };
  const data = await expandDataArgs(files);
  // before anything is read: no output may overwrite an input, or another output
  const outputs = checkOutputs(flags.output ?? [], [...data, ...planFilesOf(flags.plan)]);
  ctx.outputsHandled = true;
  try {
    const run = await evaluate({
      plans: flags.plan,
      data,
      policy,
      requireComplete,
      input,
      ...(year === undefined ? {} : { year }),
      ...(flags.period === undefined ? {} : { period: flags.period }),
    });
    printDiagnostics(io, run.warnings, lang);
    for (const o of outputs) {
      const content = await render(o.format, run, { color: false, lang, paths });
      writeAtomic(o.file, typeof content === 'string' ? await outputBytes(o.format, content, encoding) : content);
    }
    const out = await render(format, run, { color: useColor(io, flags.color), lang, paths });
    outData(io, format === 'csv' && typeof out === 'string' ? await encodeText(out, encoding) : out);
    await appendStepSummary(io, run, lang, paths);
    return run.failing > 0 ? 1 : 0;
  } catch (e) {
    // data errors are annotated too; main.ts still prints them and exits 2
    if (format === 'github' && e instanceof InputError) outData(io, (await import('../report/github.js')).formatGithubDiagnostics(e.diagnostics, { color: false, lang, paths }));
    // exit 2 (or 3, a bug): every output says the run failed, so no stale success survives it
    const failure = e instanceof InputError ? { diagnostics: e.diagnostics, code: 2 } : { diagnostics: [errorDiagnostic('INTERNAL', { en: `internal error, please report it: ${e instanceof Error ? e.message : String(e)}`, zh: `内部错误（程序缺陷），请报告：${e instanceof Error ? e.message : String(e)}` })], code: 3 };
    printDiagnostics(io, await writeFailureDocuments(outputs, failure.diagnostics, lang, encoding, failure.code), lang);
    throw e;
  }
}

/** In a GitHub Actions step, the Markdown report is appended to the job summary (no flag needed). */
async function appendStepSummary(io: Io, run: Parameters<Formatter>[0], lang: Lang, paths: RepoPaths): Promise<void> {
  const file = io.env['GITHUB_STEP_SUMMARY'];
  if (file === undefined || file === '') return;
  const markdown = await loadFormatter('markdown');
  try {
    appendFileSync(file, markdown(run, { color: false, lang, paths }));
  } catch (e) {
    throw new UsageError({ en: `cannot append to GITHUB_STEP_SUMMARY ${file}: ${e instanceof Error ? e.message : String(e)}`, zh: `无法写入 GITHUB_STEP_SUMMARY ${file}：${e instanceof Error ? e.message : String(e)}` });
  }
}
