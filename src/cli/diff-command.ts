/** `plancheck diff`: two saved results, or two sets of data files evaluated first. */
import { loadResultFile } from '../data/load-result.js';
import { diffResults } from '../diff/diff-results.js';
import { readResultJson, type PlanRecord } from '../diff/record.js';
import { UsageError } from '../errors.js';
import { evaluate } from '../run/evaluate.js';
import { formatDiffJson, formatDiffMarkdown, formatDiffTable } from '../report/diff-format.js';
import { formatJson } from '../report/json.js';
import type { Lang } from '../report/messages.js';
import { expandDataArgs } from './inputs.js';
import { printDiagnostics, useColor, type Io } from './io.js';
import { oneOf, resolveLang } from './options.js';

export interface DiffFlags {
  plan?: string[];
  format: string;
  failOnRegression?: boolean;
  lang?: string;
  color: boolean;
}

async function evaluateSide(io: Io, plans: string[], files: string[], lang: Lang): Promise<PlanRecord[]> {
  const run = await evaluate({ plans, data: files, policy: { failOn: 'never', missing: 'warn' } });
  printDiagnostics(io, run.warnings, lang);
  return readResultJson(JSON.parse(formatJson(run, { color: false, lang })) as unknown);
}

export async function runDiff(io: Io, args: string[], after: string[] | undefined, flags: DiffFlags): Promise<number> {
  const lang: Lang = resolveLang(io.env, flags.lang);
  const format = oneOf('format', flags.format, ['table', 'markdown', 'json']);
  let oldSide: PlanRecord[];
  let newSide: PlanRecord[];
  if (flags.plan && flags.plan.length > 0) {
    if (!after || after.length === 0 || args.length === 0) throw new UsageError({ en: 'with --plan, give the old data files, then --, then the new ones: plancheck diff --plan suzhou old.csv -- new.csv', zh: '使用 --plan 时，先给旧数据文件，再写 --，然后给新数据文件：plancheck diff --plan suzhou old.csv -- new.csv' });
    oldSide = await evaluateSide(io, flags.plan, await expandDataArgs(args), lang);
    newSide = await evaluateSide(io, flags.plan, await expandDataArgs(after), lang);
  } else {
    if (args.length !== 2 || (after && after.length > 0)) throw new UsageError({ en: 'give two saved results (plancheck evaluate --format json), or --plan with data files: plancheck diff old.json new.json', zh: '请给出两个保存的结果（plancheck evaluate --format json），或用 --plan 加数据文件：plancheck diff old.json new.json' });
    oldSide = loadResultFile(args[0] as string);
    newSide = loadResultFile(args[1] as string);
  }
  const d = diffResults(oldSide, newSide);
  io.out(format === 'json' ? formatDiffJson(d) : format === 'markdown' ? formatDiffMarkdown(d, lang) : formatDiffTable(d, lang, useColor(io, flags.color)));
  return flags.failOnRegression === true && d.bindingRegressions > 0 ? 1 : 0;
}
