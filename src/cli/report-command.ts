/** `plancheck report`: the mid-term / final evaluation over every year in the data. */
import { progressReport } from '../run/report.js';
import type { Lang } from '../report/messages.js';
import { UsageError } from '../errors.js';
import { expandDataArgs } from './inputs.js';
import { outData, printDiagnostics, type Io } from './io.js';
import { checkOutputFile, planFilesOf, writeOutput } from './outputs.js';
import { oneOf, parseYear, readOptions, resolveLang } from './options.js';

export interface ReportFlags {
  readonly plan: readonly string[];
  readonly format: string;
  readonly lang?: string;
  readonly year?: string;
  readonly period?: string;
  readonly org?: string;
  readonly date?: string;
  readonly output?: string;
  readonly sheet?: string[];
  readonly layout?: string;
}

export async function runReport(io: Io, files: string[], flags: ReportFlags): Promise<number> {
  const lang: Lang = resolveLang(io.env, flags.lang);
  const format = oneOf('format', flags.format, ['markdown', 'html', 'json', 'docx']);
  const year = parseYear(flags.year);
  if (format === 'docx' && flags.output === undefined) throw new UsageError({ en: 'report --format docx writes a Word file: give --output report.docx', zh: 'report --format docx 生成 Word 文件：请用 --output 报告.docx 指定文件' });
  const data = await expandDataArgs(files);
  // the report never overwrites what it reads: a data file or the plan
  if (flags.output !== undefined) checkOutputFile(flags.output, [...data, ...planFilesOf(flags.plan)]);
  const r = await progressReport({
    plans: flags.plan,
    data,
    ...(year === undefined ? {} : { year }),
    ...(flags.period === undefined ? {} : { period: flags.period }),
    ...(flags.org === undefined ? {} : { org: flags.org }),
    ...(flags.date === undefined ? {} : { date: flags.date }),
    input: readOptions(flags),
  });
  printDiagnostics(io, r.warnings, lang);
  if (format === 'json') {
    const { formatProgressJson } = await import('../report/progress-format.js');
    write(io, flags.output, formatProgressJson(r));
    return 0;
  }
  const { buildDocument } = await import('../report/progress-document.js');
  const doc = buildDocument(r, lang);
  if (format === 'docx') {
    const { renderDocx } = await import('../report/progress-docx.js');
    writeFile(flags.output as string, await renderDocx(doc));
    return 0;
  }
  if (format === 'html') {
    const { renderHtml } = await import('../report/progress-html.js');
    write(io, flags.output, renderHtml(doc));
    return 0;
  }
  const { renderMarkdown } = await import('../report/progress-markdown.js');
  write(io, flags.output, renderMarkdown(doc));
  return 0;
}

/** The report to stdout, or to the file given with --output. */
function write(io: Io, file: string | undefined, content: string): void {
  if (file === undefined) outData(io, content);
  else writeFile(file, content);
}

/** Whole or not at all (a temporary file, then a rename). */
function writeFile(file: string, content: string | Uint8Array): void {
  writeOutput(file, content);
}
