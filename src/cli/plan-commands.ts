/** `plancheck plans`, `show`, `validate` and `template`. */
import { basename, join } from 'node:path';
import { UsageError, warningDiagnostic } from '../errors.js';
import { describeEnvelope } from '../evaluate/plausibility.js';
import { expandPlanRefs } from '../run/pipeline.js';
import { planQuotes, uncoveredCandidates } from '../plan/commitments.js';
import { allMeasurements, type Plan } from '../plan/model.js';
import { isDirectory } from '../package-files.js';
import { SOURCES_DIR } from '../paths.js';
import { bundledPlanIds, checkPlanFile, loadPlan, resolvePlanPath } from '../plan/load.js';
import type { Lang } from '../report/messages.js';
import { icu } from '../report/plural.js';
import { formatPlanList, formatPlanShow } from '../report/plan-table.js';
import { formatPeriod, parsePeriod, wholeYear, type Period } from '../model/period.js';
import { formatTemplate, templateRowsFor } from '../report/template.js';
import { encodeText, parseEncoding } from './encoding.js';
import { outData, printDiagnostics, type Io } from './io.js';
import { checkOutputFile, planFilesOf, writeOutput } from './outputs.js';
import { oneOf, parseYear, refuseBinaryToTerminal, resolveLang, usageError } from './options.js';

function langOf(io: Io, flag: string | undefined): Lang {
  return resolveLang(io.env, flag);
}

export async function runPlans(io: Io, flags: { lang?: string; format?: string }): Promise<number> {
  const plans = await Promise.all(bundledPlanIds().map((id) => loadPlan(id)));
  if (flags.format === 'json') {
    const list = plans.map(({ plan: p, file, sha256 }) => ({ id: p.id, title: p.title, region: { code: p.region.code, name: p.region.name }, period: { baseline_year: p.period.baselineYear, first_year: p.period.firstYear, last_year: p.period.lastYear }, indicators: p.indicators.length, rules: p.rules.length, not_encoded: p.notEncoded.length, file, sha256 }));
    io.out(`${JSON.stringify(list, null, 2)}\n`);
  } else io.out(formatPlanList(plans, langOf(io, flags.lang)));
  return 0;
}

export async function runShow(io: Io, ref: string, flags: { lang?: string }): Promise<number> {
  const loaded = await loadPlan(ref);
  const lang = langOf(io, flags.lang);
  printDiagnostics(io, loaded.warnings, lang);
  io.out(formatPlanShow(loaded, lang));
  return 0;
}

/** Exit 2 when any plan has errors (or, with --strict, warnings); 0 otherwise. Folders are read for their plan files. */
export async function runValidate(io: Io, refs: string[], flags: { strict?: boolean; seeds?: string | true; ledger?: boolean; lang?: string }): Promise<number> {
  const lang = langOf(io, flags.lang);
  let bad = false;
  const seeds = flags.seeds === true || (flags.seeds === undefined && flags.ledger === true) ? SOURCES_DIR : flags.seeds;
  if (seeds !== undefined && !isDirectory(seeds)) {
    throw new UsageError({ en: `--seeds: ${seeds} is not a folder (write --seeds=DIR, or put --seeds after the plans)`, zh: `--seeds：${seeds} 不是文件夹（请写 --seeds=目录，或把 --seeds 放在规划之后）` });
  }
  // every reference resolved first: an unknown one is a usage error before any plan is reported
  const files = expandPlanRefs(refs).map((ref) => resolvePlanPath(ref));
  const valid: Plan[] = [];
  for (const file of files) {
    // validate reads the file itself, never the build's cache
    const r = await checkPlanFile(file, seeds, false);
    printDiagnostics(io, r.ok ? r.warnings : [...r.errors, ...r.warnings], lang);
    const failed = !r.ok || (flags.strict === true && r.warnings.length > 0);
    if (failed) bad = true;
    const counts = { indicators: r.ok ? r.plan.indicators.length : 0, rules: r.ok ? r.plan.rules.length : 0, errors: r.ok ? 0 : r.errors.length, warnings: r.warnings.length };
    const summary = lang === 'zh'
      ? `${r.ok ? `${counts.indicators} 个指标，${counts.rules} 条规则` : `${counts.errors} 个错误`}，${counts.warnings} 个警告`
      : await icu(r.ok ? '{indicators, plural, one {# indicator} other {# indicators}}, {rules, plural, one {# rule} other {# rules}}, {warnings, plural, one {# warning} other {# warnings}}' : '{errors, plural, one {# error} other {# errors}}, {warnings, plural, one {# warning} other {# warnings}}', counts);
    io.out(`${failed ? '✗' : '✓'} ${file}: ${summary}\n`);
    if (r.ok) valid.push(r.plan);
    // where the plan widens or narrows the plausibility envelope, say so
    if (r.ok) for (const m of allMeasurements(r.plan).filter((x) => x.plausible !== undefined)) io.out(`  plausible ${m.id} (${m.name}): ${describeEnvelope(m)}\n`);
  }
  if (flags.ledger === true && seeds !== undefined && !(await ledgerComplete(io, valid, seeds, lang)) && flags.strict === true) bad = true;
  return bad ? 2 : 0;
}

/**
 * --ledger: every candidate commitment of each source (src/plan/commitments.ts)
 * must lie in a quote of one of the plans given that read it. Warnings point
 * into the source; returns false when any is left.
 */
async function ledgerComplete(io: Io, plans: readonly Plan[], seeds: string, lang: Lang): Promise<boolean> {
  const bySource = new Map<string, Plan[]>();
  for (const p of plans) bySource.set(p.source.file, [...(bySource.get(p.source.file) ?? []), p]);
  let complete = true;
  for (const [name, group] of bySource) {
    const file = join(seeds, basename(name));
    // a .docx, .pdf or web page source is read as `draft` reads it
    const { readSourceText } = await import('../document/read.js');
    const open = uncoveredCandidates(await readSourceText(file), group.flatMap(planQuotes));
    for (const c of open) {
      printDiagnostics(io, [warningDiagnostic('UNACCOUNTED', { en: `a commitment no indicator, rule or not_encoded entry of ${group.map((p) => p.id).join(', ')} quotes: 【${c.phrase}】 (${c.form}) ${c.sentence}`, zh: `${group.map((p) => p.id).join('、')} 的指标、规则和 not_encoded 均未引用的承诺：【${c.phrase}】（${c.form}） ${c.sentence}` }, { file, line: c.line })], lang);
    }
    const count = lang === 'zh' ? `${open.length} 条承诺未入账` : `${open.length} ${open.length === 1 ? 'commitment' : 'commitments'} not accounted for`;
    io.out(`${open.length === 0 ? '✓' : '✗'} ${file}: ${count}\n`);
    if (open.length > 0) complete = false;
  }
  return complete;
}

export interface TemplateFlags {
  year?: string;
  period?: string[];
  format?: string;
  output?: string;
  lang?: string;
  encoding?: string;
}

/** The periods asked for: each --period, or the --year, or the plan period's last year. */
function templatePeriods(plans: readonly Plan[], flags: TemplateFlags): Period[] {
  const year = parseYear(flags.year);
  if (flags.period === undefined || flags.period.length === 0) return [wholeYear(year ?? Math.max(...plans.map((p) => p.period.lastYear)))];
  if (year !== undefined) throw usageError({ en: `give --year or --period, not both (--year ${year}, --period ${flags.period.join(', ')})`, zh: `--year 与 --period 只能给出一个（--year ${year}，--period ${flags.period.join('、')}）` });
  return flags.period.map((text) => {
    const p = parsePeriod(text);
    if (!p) throw usageError({ en: `--period must be a year (2024), month (2024-06), quarter (2024-Q2) or months from January (2024年1-6月), not "${text}"`, zh: `--period 应为年份（2024）、月份（2024-06）、季度（2024-Q2）或自年初起的月份（2024年1-6月），而不是“${text}”` });
    return p;
  });
}

export async function runTemplate(io: Io, refs: string[], flags: TemplateFlags): Promise<number> {
  const format = oneOf('format', flags.format ?? 'csv', ['csv', 'xlsx']);
  const encoding = parseEncoding(flags.encoding);
  if (format === 'xlsx' && flags.output === undefined) refuseBinaryToTerminal(io, 'xlsx', '--output template.xlsx');
  // the template never overwrites the plan it is made from
  if (flags.output !== undefined) checkOutputFile(flags.output, planFilesOf(refs));
  const plans = (await Promise.all(refs.map((ref) => loadPlan(ref)))).map((l) => l.plan);
  const periods = templatePeriods(plans, flags);
  let content: string | Uint8Array;
  if (format === 'xlsx') {
    const { formatTemplateXlsx } = await import('../report/template-xlsx.js');
    content = await formatTemplateXlsx(plans.flatMap((plan) => periods.map((p) => ({ plan, period: formatPeriod(p), rows: templateRowsFor(plan, p) }))), langOf(io, flags.lang));
  } else content = await encodeText(formatTemplate(plans, periods), encoding); // for Excel: a BOM unless told otherwise
  if (flags.output !== undefined) writeOutput(flags.output, content);
  else outData(io, content);
  return 0;
}
