/**
 * The programmatic API: what the CLI calls, and what tests call. Each
 * function loads what it needs and returns data; errors are thrown as the
 * typed errors of errors.ts.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Binder } from './data/bind.js';
import { icu } from './report/plural.js';
import type { DataFileInfo } from './data/load.js';
import { MAX_ERRORS } from './data/parse-csv.js';
import { formatAsOf, type AsOf } from './model/period.js';
import { resolveAsOf } from './run/choose-period.js';
import { Router } from './data/route.js';
import { streamDataFiles, type ReadOptions } from './data/stream.js';
import { DataError, errorDiagnostic, UsageError, warningDiagnostic, type Diagnostic } from './errors.js';
import { evaluatePlan } from './evaluate/evaluate-plan.js';
import { failingResults, type Policy } from './evaluate/policy.js';
import type { PlanEvaluation } from './evaluate/result.js';
import { loadPlan } from './plan/load.js';
import type { LoadedPlan, Plan } from './plan/model.js';
import { fixedAsOf, UnknownNames } from './run/common.js';
import { version } from './version.js';

export interface EvaluateOptions {
  /** bundled plan ids, plan files, or folders of plan files */
  readonly plans: readonly string[];
  readonly data: readonly string[];
  /** evaluate a whole year */
  readonly year?: number;
  /** evaluate as of a month or quarter (`2024-06`, `2024-Q2`) or a year */
  readonly period?: string;
  readonly policy: Policy;
  /** every measurement due and absent fails the run */
  readonly requireComplete?: boolean;
  /** how to read the data files: table layout (long/wide), workbook sheets */
  readonly input?: ReadOptions;
}

/** One plan's evaluation, with what it was made from. */
export interface EvaluationReport {
  readonly version: string;
  readonly plan: { readonly id: string; readonly title: string; readonly region: { readonly code: string; readonly name: string }; readonly file: string; readonly sha256: string };
  readonly year: number;
  readonly asOf: AsOf;
  readonly data: readonly DataFileInfo[];
  readonly evaluation: PlanEvaluation;
  readonly policy: Policy;
  /** how many results make the run fail under the policy */
  readonly failing: number;
  readonly warnings: readonly Diagnostic[];
  /** the plan as loaded, for formatters that point at plan lines */
  readonly loaded: LoadedPlan;
}

/** A whole run: one report per plan, and what no plan took. */
export interface RunReport {
  readonly version: string;
  readonly data: readonly DataFileInfo[];
  readonly reports: readonly EvaluationReport[];
  /** rows for regions no plan covers: region → number of rows and the first line */
  readonly unrouted: readonly { readonly region: string; readonly rows: number; readonly file: string; readonly line: number }[];
  readonly policy: Policy;
  readonly failing: number;
  readonly warnings: readonly Diagnostic[];
}

/** `suzhou`, `plans/x.yaml`, or a folder of plan files → plan references. */
export function expandPlanRefs(refs: readonly string[]): string[] {
  return refs.flatMap((ref) => {
    if (existsSync(ref) && statSync(ref).isDirectory()) {
      const files = readdirSync(ref)
        .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
        .sort()
        .map((f) => join(ref, f));
      if (files.length === 0) throw new UsageError({ en: `no plan files (*.yaml) in folder ${ref}`, zh: `文件夹 ${ref} 中没有规划文件（*.yaml）` });
      return files;
    }
    return [ref];
  });
}

/**
 * The moment the plans are evaluated at: the one given, or the latest the
 * data backs (src/run/choose-period.ts), one for all plans. Rows outside a
 * plan's years are warned about.
 */
function choosePeriods(loaded: readonly LoadedPlan[], binders: ReadonlyMap<string, Binder>, fixed: AsOf | undefined, warnings: Diagnostic[]): Map<string, AsOf> {
  const pds = loaded.map((l) => {
    const b = binders.get(l.plan.id) as Binder;
    return { plan: l.plan, data: b.measurements, empty: b.emptyByPeriod };
  });
  const asOf = resolveAsOf(pds, fixed, warnings);
  return new Map(loaded.map((l) => [l.plan.id, asOf ?? { year: l.plan.period.lastYear, month: 12 }]));
}

/** No check found any value (all owed, absent from the data, or not due). */
function nothingFound(e: PlanEvaluation): boolean {
  return e.results.length > 0 && e.results.every((r) => r.inputs.length === 0);
}

function noDataWarning(plan: Plan, asOf: AsOf): Diagnostic {
  const at = formatAsOf(asOf);
  return warningDiagnostic('NO_DATA', { en: `no check of plan ${plan.id} found any data for ${at}: the run fails`, zh: `规划 ${plan.id} 的各项检查在 ${at} 均无数据：本次运行不通过` });
}

/**
 * Evaluate data files against one or more plans. The files are streamed:
 * each row is routed and bound as it is read, and only observations of the
 * plans' measurements are kept.
 */
export async function evaluate(options: EvaluateOptions): Promise<RunReport> {
  if (options.data.length === 0) throw new UsageError({ en: 'no data file given: plancheck evaluate --plan <id> <data.csv...>', zh: '没有给出数据文件：plancheck evaluate --plan <规划> <数据.csv...>' });
  const refs = expandPlanRefs(options.plans);
  if (refs.length === 0) throw new UsageError({ en: 'no plan given: --plan <id|file|folder>', zh: '没有给出规划：--plan <编号|文件|文件夹>' });
  const loaded = await Promise.all(refs.map((r) => loadPlan(r)));
  const ids = new Set<string>();
  for (const l of loaded) {
    if (ids.has(l.plan.id)) throw new UsageError({ en: `plan "${l.plan.id}" is given twice`, zh: `规划“${l.plan.id}”给了两次` });
    ids.add(l.plan.id);
  }
  const fixed = fixedAsOf(options);
  const router = new Router(loaded.map((l) => l.plan));
  const binders = new Map(loaded.map((l) => [l.plan.id, new Binder(l.plan, { routed: true, ...(fixed === undefined ? {} : { defaultYear: fixed.year }) }, false)]));
  const routeErrors: Diagnostic[] = [];
  let moreRouteErrors = 0;
  const unrouted = new Map<string, { rows: number; file: string; line: number }>();
  const unknown = new UnknownNames();
  let rowCount = 0;
  // rows for regions no plan covers are counted from their region cell, never built
  const keepRegion = (region: string | undefined, file: string, line: number): boolean => {
    rowCount++;
    if (region === undefined || router.covers(region)) return true;
    const u = unrouted.get(region);
    if (u) u.rows++;
    else unrouted.set(region, { rows: 1, file, line });
    return false;
  };
  const read = await streamDataFiles(
    options.data,
    (row) => {
      const route = router.route(row);
      if (route.kind === 'error') {
        if (routeErrors.length < MAX_ERRORS) routeErrors.push(route.error);
        else moreRouteErrors++;
        return;
      }
      if (route.kind === 'unrouted') return; // counted by keepRegion
      let known = false;
      for (const p of route.plans) if ((binders.get(p.id) as Binder).add(row) !== 'unknown') known = true;
      if (!known) unknown.add(row, route.plans[0] as Plan);
    },
    keepRegion,
    options.input,
  );
  const errors: Diagnostic[] = [...read.errors, ...routeErrors];
  if (moreRouteErrors > 0) errors.push(errorDiagnostic('TOO_MANY_ERRORS', { en: `… and ${moreRouteErrors} more rows without a region`, zh: `……另有 ${moreRouteErrors} 行没有地区` }, {}));
  // plan lint warnings are for plan authors (plancheck validate), not for every evaluation
  const warnings: Diagnostic[] = [...read.warnings];
  for (const b of binders.values()) {
    const r = b.result();
    for (const d of r.errors) errors.push(d);
    for (const d of r.warnings) warnings.push(d);
  }
  for (const d of await unknown.warnings()) warnings.push(d);
  const unroutedList = [...unrouted].map(([region, u]) => ({ region, ...u }));
  if (unroutedList.length > 0) {
    // one warning, however many regions: the report lists them all
    const first = unroutedList[0] as (typeof unroutedList)[number];
    const rows = unroutedList.reduce((n, u) => n + u.rows, 0);
    const named = unroutedList.slice(0, 5).map((u) => `"${u.region}" (${u.rows})`).join(', ');
    const more = unroutedList.length > 5 ? ` and ${unroutedList.length - 5} more` : '';
    const moreZh = unroutedList.length > 5 ? `等，另有 ${unroutedList.length - 5} 个` : '';
    warnings.push(warningDiagnostic('UNROUTED', { en: await icu('{rows, plural, one {# row} other {# rows}} for {regions, plural, one {# region} other {# regions}} that no plan given covers, set aside: {named}{more}', { rows, regions: unroutedList.length, named, more }), zh: `${rows} 行数据属于 ${unroutedList.length} 个不在所给规划范围内的地区，已搁置：${named}${moreZh}` }, { file: first.file, line: first.line }));
  }
  if (errors.length > 0) throw new DataError('invalid data', errors);
  const sets = [...binders.values()].map((b) => b.measurements);
  if (sets.every((m) => m.size === 0) && [...binders.values()].every((b) => b.emptyByPeriod.size === 0)) {
    throw new DataError('no usable rows', [errorDiagnostic('NO_MEASUREMENTS', { en: `none of the ${rowCount} rows names a measurement of ${loaded.map((l) => `plan ${l.plan.id}`).join(', ')}`, zh: `${rowCount} 行数据中没有一行是${loaded.map((l) => `规划 ${l.plan.id}`).join('、')}的指标或测量项` }, firstLine(options.data[0] as string))]);
  }
  const chosen = choosePeriods(loaded, binders, fixed, warnings);
  const reports = loaded.map((l): EvaluationReport => {
    const data = (binders.get(l.plan.id) as Binder).measurements;
    const asOf = chosen.get(l.plan.id) as AsOf;
    const evaluation = evaluatePlan(l.plan, data, asOf, { requireComplete: options.requireComplete === true });
    const noData = nothingFound(evaluation);
    return {
      version: version(),
      plan: { id: l.plan.id, title: l.plan.title, region: evaluation.plan.region, file: l.file, sha256: l.sha256 },
      year: asOf.year,
      asOf,
      data: read.files,
      evaluation,
      policy: options.policy,
      // an evaluation in which no check found any data is never OK
      failing: Math.max(failingResults(evaluation.results, options.policy).length, noData && options.policy.failOn !== 'never' ? 1 : 0),
      warnings: noData ? [noDataWarning(l.plan, asOf)] : [],
      loaded: l,
    };
  });
  return { version: version(), data: read.files, reports, unrouted: unroutedList, policy: options.policy, failing: reports.reduce((n, r) => n + r.failing, 0), warnings: [...warnings, ...reports.flatMap((r) => r.warnings)] };
}

/** The first data line of a file, for errors about the file as a whole. */
function firstLine(file: string): { file: string; line: number } {
  return { file, line: 2 };
}

export { progressReport, type ReportOptions } from './run/report.js';
export { loadPlan, checkPlanFile, bundledPlanIds } from './plan/load.js';
export type { Policy } from './evaluate/policy.js';
export type { FailOn, MissingPolicy } from './evaluate/policy.js';
export type { CheckResult, ComparisonShown, ExpectedValue, InputUsed, PlanEvaluation, ResultCode, Severity, Status } from './evaluate/result.js';
export type { LoadedPlan, Plan } from './plan/model.js';
export type { Diagnostic, Location } from './errors.js';
export { InputError, PlanError, DataError, UsageError } from './errors.js';
