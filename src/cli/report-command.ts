/** `plancheck report`: the mid-term / final evaluation over every year in the data. */
import { progressReport } from '../run/report.js';
import type { Lang } from '../report/messages.js';
import { DataError, UsageError } from '../errors.js';
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
  readonly regions?: string;
}

export async function runReport(io: Io, files: string[], flags: ReportFlags): Promise<number> {
  const lang: Lang = resolveLang(io.env, flags.lang);
  const format = oneOf('format', flags.format, ['markdown', 'html', 'json', 'docx']);
  const year = parseYear(flags.year);
  if (format === 'docx' && flags.output === undefined) throw new UsageError({ en: 'report --format docx writes a Word file: give --output report.docx', zh: 'report --format docx 生成 Word 文件：请用 --output 报告.docx 指定文件' });
  const data = await expandDataArgs(files);
  // the report never overwrites what it reads: a data file or the plan
  if (flags.output !== undefined) checkOutputFile(flags.output, [...data, ...planFilesOf(flags.plan), ...(flags.regions === undefined ? [] : [flags.regions])]);
  // a standards plan (checked for each region in its scope): the province report
  const { isStandardsPlan } = await import('../run/province-report.js');
  if (await isStandardsPlan(flags.plan)) return runProvinceReport(io, data, flags, format, lang, year);
  if (flags.regions !== undefined) throw new UsageError({ en: '--regions lays a region list over the region table for a standards plan; this plan is one region\'s', zh: '--regions 用于标准规划（为其地区表补充地区）；此规划只针对一个地区' });
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

/**
 * The province report: evaluate as of the cut-off for every region in scope,
 * rendered as a document (HTML, Word, Markdown) or as evaluate's own JSON.
 */
async function runProvinceReport(io: Io, data: string[], flags: ReportFlags, format: string, lang: Lang, year: number | undefined): Promise<number> {
  if (flags.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(flags.date)) throw new UsageError({ en: `--date must be a day (2026-11-20), not "${flags.date}"`, zh: `--date 应为日期（如 2026-11-20），不能是“${flags.date}”` });
  const { provinceReport } = await import('../run/province-report.js');
  const { run, matrix } = await provinceReport({
    plans: flags.plan,
    data,
    ...(year === undefined ? {} : { year }),
    ...(flags.period === undefined ? {} : { period: flags.period }),
    input: readOptions(flags),
    ...(flags.regions === undefined ? {} : { regionList: flags.regions }),
  });
  // no region and not the whole found any data for the moment: a report would certify nothing
  const noData = run.warnings.find((w) => w.code === 'NO_DATA');
  if (noData !== undefined) throw new DataError('no data for the cut-off', [{ ...noData, severity: 'error' }]);
  printDiagnostics(io, run.warnings, lang);
  if (format === 'json') {
    const { formatJson } = await import('../report/json.js');
    write(io, flags.output, formatJson(run, { color: false, lang }));
    return 0;
  }
  const { buildProvinceDocument } = await import('../report/province-document.js');
  const doc = buildProvinceDocument(run, matrix, lang, { ...(flags.org === undefined ? {} : { org: flags.org }), ...(flags.date === undefined ? {} : { date: flags.date }) });
  if (format === 'docx') {
    const { renderProvinceDocx } = await import('../report/province-docx.js');
    writeFile(flags.output as string, await renderProvinceDocx(doc, flags.date));
  } else if (format === 'html') {
    const { renderProvinceHtml } = await import('../report/province-html.js');
    write(io, flags.output, renderProvinceHtml(doc));
  } else {
    const { renderProvinceMarkdown } = await import('../report/province-markdown.js');
    write(io, flags.output, renderProvinceMarkdown(doc));
  }
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
