/** `plancheck report`: the mid-term / final evaluation over every year in the data. */
import { progressReport } from '../index.js';
import type { Lang } from '../report/messages.js';
import { formatProgressJson, formatProgressMarkdown } from '../report/progress-format.js';
import { formatProgressHtml } from '../report/progress-html.js';
import { expandDataArgs } from './inputs.js';
import { printDiagnostics, type Io } from './io.js';
import { oneOf, resolveLang } from './options.js';

export async function runReport(io: Io, files: string[], flags: { plan: string; format: string; lang?: string }): Promise<number> {
  const lang: Lang = resolveLang(io.env, flags.lang);
  const format = oneOf('format', flags.format, ['markdown', 'html', 'json']);
  const r = await progressReport({ plan: flags.plan, data: await expandDataArgs(files) });
  printDiagnostics(io, r.warnings, lang);
  io.out(format === 'html' ? formatProgressHtml(r, lang) : format === 'json' ? formatProgressJson(r) : formatProgressMarkdown(r, lang));
  return 0;
}
