/**
 * The `report` pipeline: one plan's mid-term or final evaluation over every
 * year in the data, up to a cut-off (`--year` / `--period`, default the
 * latest moment in the data). Each year is also evaluated as `evaluate`
 * evaluates it, so that the rules show each year's computation and a final
 * evaluation gives exactly `evaluate`'s verdict at the target.
 */
import type { ReadOptions } from '../data/stream.js';
import { UsageError, type Diagnostic } from '../errors.js';
import { evaluatePlan } from '../evaluate/evaluate-plan.js';
import { progressOf } from '../evaluate/progress.js';
import type { AsOf } from '../model/period.js';
import type { ProgressReport, RuleYear } from '../report/progress-format.js';
import { fixedAsOf, latestAsOf } from './common.js';
import { ingest, loadPlans } from './pipeline.js';

export interface ReportOptions {
  /** one plan: a bundled id or a plan file (several are refused: one report per plan) */
  readonly plans: readonly string[];
  readonly data: readonly string[];
  readonly year?: number;
  /** a month or quarter (`2024-06`, `2024-Q2`) or a year */
  readonly period?: string;
  /** the issuing unit, printed under the title */
  readonly org?: string;
  /** the date printed on the report; without it the output carries no date */
  readonly date?: string;
  /** how to read the data files: table layout (long/wide), workbook sheets */
  readonly input?: ReadOptions;
}

/** Is this the final evaluation (终期评估)? A whole year at or after the plan's last year. */
export function isFinal(asOf: AsOf, lastYear: number): boolean {
  return asOf.month === 12 && asOf.year >= lastYear;
}

export async function progressReport(options: ReportOptions): Promise<ProgressReport & { readonly warnings: readonly Diagnostic[] }> {
  if (options.plans.length === 0) throw new UsageError({ en: 'no plan given: plancheck report --plan <id> <data.csv...>', zh: '没有给出规划：plancheck report --plan <规划> <数据.csv...>' });
  if (options.plans.length > 1) {
    throw new UsageError({ en: `report takes one plan (a report is one document per plan): run it once for each of ${options.plans.join(', ')}`, zh: `report 每次只评估一个规划（一份报告对应一个规划）：请对 ${options.plans.join('、')} 分别运行` });
  }
  if (options.data.length === 0) throw new UsageError({ en: 'no data file given: plancheck report --plan <id> <data.csv...>', zh: '没有给出数据文件：plancheck report --plan <规划> <数据.csv...>' });
  if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) throw new UsageError({ en: `--date must be a day (2026-11-20), not "${options.date}"`, zh: `--date 应为日期（如 2026-11-20），不能是“${options.date}”` });
  const fixed = fixedAsOf(options);
  // the pipeline evaluate runs: the same reading, routing, binding, consistency checks and choice of the moment
  const loaded = await loadPlans(options.plans);
  const run = await ingest(loaded, options.data, { ...(fixed === undefined ? {} : { fixed }), ...(options.input === undefined ? {} : { input: options.input }) });
  const pd = run.plans[0] as (typeof run.plans)[number];
  const l = pd.loaded;
  const data = pd.data;
  const warnings = run.warnings;
  const asOf = run.asOf ?? latestAsOf(data) ?? { year: l.plan.period.lastYear, month: 12 };
  const items = l.plan.indicators.filter((i) => i.targets.length > 0).map((i) => progressOf(i, data, asOf));
  const dataYears = data.years().filter((y) => y <= asOf.year);
  // every year as `evaluate --year Y` sees it, the last one as of the cut-off
  const evaluations = dataYears.map((y) => evaluatePlan(l.plan, data, y === asOf.year ? asOf : { year: y, month: 12 }));
  const rules = l.plan.rules.map((rule) => ({
    rule,
    years: evaluations.flatMap((e): RuleYear[] => {
      const r = e.results.find((x) => x.kind === 'rule' && x.id === rule.id);
      // a year before the rule applies, or where it has nothing to read, is left out
      return r && r.status !== 'pending' && !(r.status === 'missing' && r.inputs.length === 0) ? [{ asOf: e.asOf, result: r }] : [];
    }),
  }));
  // the report's years: those an indicator or a rule has a value for (not a consumption row a later rule reads)
  const years = [...new Set([...items.flatMap((p) => p.series.map((x) => x.year)), ...rules.flatMap((x) => x.years.map((y) => y.asOf.year))])].sort((a, b) => a - b);
  const last = evaluations.find((e) => e.asOf.year === asOf.year && e.asOf.month === asOf.month) ?? evaluatePlan(l.plan, data, asOf);
  return {
    plan: l.plan,
    planFile: l.file,
    sha256: l.sha256,
    data: run.files,
    asOf,
    final: isFinal(asOf, l.plan.period.lastYear),
    years,
    items,
    outcomes: last.results.filter((r) => r.kind === 'target'),
    rules,
    ...(options.org !== undefined ? { org: options.org } : {}),
    ...(options.date !== undefined ? { date: options.date } : {}),
    warnings,
  };
}
