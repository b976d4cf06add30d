/** `plancheck evaluate`: options → evaluate() → a report on stdout → exit code. */
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { osErrorText } from '../os-error.js';
import { evaluate } from '../run/evaluate.js';
import type { FormatOptions } from '../report/options.js';
import { formatNames, isBinaryFormat, loadBinaryFormatter, loadFormatter, type Formatter } from '../report/registry.js';
import type { RunReport } from '../run/evaluate.js';
import { encodeText, parseEncoding } from './encoding.js';
import { expandDataArgs } from './inputs.js';
import { printDiagnostics, outData, useColor, type Io } from './io.js';
import type { EvaluateContext } from './failure-outputs.js';
import { checkOutputs, outputBytes, planFilesOf, writeOutput } from './outputs.js';
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

export async function runEvaluate(io: Io, files: string[], flags: EvaluateFlags, ctx: EvaluateContext = {}): Promise<number> {
  const format = oneOf('format', flags.format, formatNames());
  if (isBinaryFormat(format)) refuseBinaryToTerminal(io, format, `--output ${format}:results.${format}`);
  ctx.format = format;
  const policy = { failOn: oneOf('fail-on', flags.failOn, FAIL_ON), missing: oneOf('missing', flags.missing, MISSING) };
  const lang = resolveLang(io.env, flags.lang);
  const year = parseYear(flags.year);
  const encoding = parseEncoding(flags.encoding);
  ctx.encoding = encoding;
  const requireComplete = flags.require === undefined ? false : oneOf('require', flags.require, ['complete']) === 'complete';
  const input = readOptions(flags);
  // annotations and SARIF locations are relative to the repository root: --repo-root,
  // else the checkout of a GitHub Actions job, else the working directory
  const cwd = process.cwd();
  const paths = { cwd, root: resolve(cwd, flags.repoRoot ?? (io.env['GITHUB_WORKSPACE'] || '.')) };
  ctx.paths = paths;
  const data = await expandDataArgs(files);
  // before anything is read: no output may overwrite an input, or another output
  const outputs = checkOutputs(flags.output ?? [], [...data, ...planFilesOf(flags.plan)]);
  ctx.outputs = outputs;
  // a failure from here on (exit 2, or 3 for a bug) is reported in every output by main (failure-outputs.ts)
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
    writeOutput(o.file, typeof content === 'string' ? await outputBytes(o.format, content, encoding) : content);
  }
  const out = await render(format, run, { color: useColor(io, flags.color), lang, paths, ...(io.columns === undefined ? {} : { columns: io.columns }) });
  outData(io, format === 'csv' && typeof out === 'string' ? await encodeText(out, encoding) : out);
  ctx.stdoutWritten = true;
  await appendStepSummary(io, run, { color: false, lang, paths }, format === 'github');
  return run.failing > 0 ? 1 : 0;
}

/** GitHub's limit on one step's summary (1 MiB); a longer report is cut, saying so. */
const SUMMARY_LIMIT = 1024 * 1024;

/**
 * In a GitHub Actions step, the Markdown report is appended to the job
 * summary (no flag needed); when the annotations of `--format github` went
 * past GitHub's limits, the summary says how many were shown.
 */
async function appendStepSummary(io: Io, run: Parameters<Formatter>[0], o: FormatOptions, annotated: boolean): Promise<void> {
  const file = io.env['GITHUB_STEP_SUMMARY'];
  if (file === undefined || file === '') return;
  let text = (await loadFormatter('markdown'))(run, o);
  if (annotated) {
    const { annotationCounts, ANNOTATIONS_PER_LEVEL } = await import('../report/github.js');
    const { made, shown } = annotationCounts(run, o);
    const cut = (['error', 'warning', 'notice'] as const).filter((l) => made[l] > shown[l]);
    if (cut.length > 0) {
      const parts = cut.map((l) => (o.lang === 'zh' ? `${{ error: '错误', warning: '警告', notice: '提示' }[l]} ${made[l]} 条中逐条标注 ${shown[l]} 条` : `${shown[l]} of ${made[l]} ${l}s`));
      text += o.lang === 'zh' ? `\n> GitHub 每个步骤每种级别只显示 ${ANNOTATIONS_PER_LEVEL} 条标注：${parts.join('，')}，其余各合并为一条；上表列出全部未达标和缺数据的检查。\n` : `\n> GitHub shows ${ANNOTATIONS_PER_LEVEL} annotations of each level per step: ${parts.join(', ')} were annotated one by one, the rest in one annotation each; the tables above list every check that did not pass.\n`;
    }
  }
  if (Buffer.byteLength(text) > SUMMARY_LIMIT) {
    const note = o.lang === 'zh' ? '\n\n> 报告超过 GitHub 作业摘要的 1 MiB 上限，以下从略；完整结果见 JUnit、SARIF 或 JSON 输出。\n' : '\n\n> The report is longer than GitHub\'s 1 MiB job-summary limit and is cut here; the JUnit, SARIF or JSON output has every result.\n';
    const bytes = Buffer.from(text).subarray(0, SUMMARY_LIMIT - Buffer.byteLength(note) - 4);
    // cut at a line end, never inside a character
    const keep = bytes.toString('utf8').replace(/\uFFFD?$/, '');
    text = keep.slice(0, keep.lastIndexOf('\n') + 1) + note;
  }
  try {
    appendFileSync(file, text);
  } catch (e) {
    const msg = osErrorText(e);
    throw new UsageError({ en: `cannot append to GITHUB_STEP_SUMMARY ${file}: ${msg.en}`, zh: `无法写入 GITHUB_STEP_SUMMARY ${file}：${msg.zh}` });
  }
}
