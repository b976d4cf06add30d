/** `plancheck report`: the mid-term / final evaluation over every year in the data. */
import { progressReport } from '../index.js';
import { langFromLocale, type Lang } from '../report/messages.js';
import { writeFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { printDiagnostics, type Io } from './io.js';
import { LANGS, oneOf, parseYear, readOptions } from './options.js';

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
  const lang: Lang = flags.lang === undefined ? langFromLocale(io.env) : oneOf('lang', flags.lang, LANGS);
  const format = oneOf('format', flags.format, ['markdown', 'html', 'json', 'docx']);
  const year = parseYear(flags.year);
  if (format === 'docx' && flags.output === undefined) throw new UsageError('report --format docx writes a Word file: give --output report.docx');
  const r = await progressReport({
    plans: flags.plan,
    data: files,
    ...(year === undefined ? {} : { year }),
    ...(flags.period === undefined ? {} : { period: flags.period }),
    ...(flags.org === undefined ? {} : { org: flags.org }),
    ...(flags.date === undefined ? {} : { date: flags.date }),
    input: readOptions(flags),
  });
  printDiagnostics(io, r.warnings);
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
  if (file === undefined) io.out(content);
  else writeFile(file, content);
}

function writeFile(file: string, content: string | Uint8Array): void {
  try {
    writeFileSync(file, content);
  } catch (e) {
    throw new UsageError(`cannot write ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
