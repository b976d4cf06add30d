/** `plancheck report`: the mid-term / final evaluation over every year in the data. */
import { progressReport } from '../index.js';
import { langFromLocale, type Lang } from '../report/messages.js';
import { formatProgressJson, formatProgressMarkdown } from '../report/progress-format.js';
import { formatProgressHtml } from '../report/progress-html.js';
import { printDiagnostics, type Io } from './io.js';
import { LANGS, oneOf, readOptions } from './options.js';

export async function runReport(io: Io, files: string[], flags: { plan: string; format: string; lang?: string; sheet?: string[]; layout?: string }): Promise<number> {
  const lang: Lang = flags.lang === undefined ? langFromLocale(io.env) : oneOf('lang', flags.lang, LANGS);
  const format = oneOf('format', flags.format, ['markdown', 'html', 'json']);
  const r = await progressReport({ plan: flags.plan, data: files, input: readOptions(flags) });
  printDiagnostics(io, r.warnings);
  io.out(format === 'html' ? formatProgressHtml(r, lang) : format === 'json' ? formatProgressJson(r) : formatProgressMarkdown(r, lang));
  return 0;
}
