/** `plancheck evaluate`: options → evaluate() → a report on stdout → exit code. */
import { evaluate } from '../index.js';
import { langFromLocale, type Lang } from '../report/messages.js';
import { FORMATS, formatNames } from '../report/registry.js';
import { printDiagnostics, useColor, type Io } from './io.js';
import { FAIL_ON, LANGS, MISSING, oneOf, parseYear } from './options.js';

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
}

export function runEvaluate(io: Io, files: string[], flags: EvaluateFlags): number {
  const format = oneOf('format', flags.format, formatNames());
  const policy = { failOn: oneOf('fail-on', flags.failOn, FAIL_ON), missing: oneOf('missing', flags.missing, MISSING) };
  const lang: Lang = flags.lang === undefined ? langFromLocale(io.env) : oneOf('lang', flags.lang, LANGS);
  const year = parseYear(flags.year);
  const requireComplete = flags.require === undefined ? false : oneOf('require', flags.require, ['complete']) === 'complete';
  const run = evaluate({
    plans: flags.plan,
    data: files,
    policy,
    requireComplete,
    ...(year === undefined ? {} : { year }),
    ...(flags.period === undefined ? {} : { period: flags.period }),
  });
  printDiagnostics(io, run.warnings);
  const formatter = FORMATS[format];
  if (!formatter) throw new Error(`no formatter for ${format}`);
  io.out(formatter(run, { color: useColor(io, flags.color), lang }));
  return run.failing > 0 ? 1 : 0;
}
