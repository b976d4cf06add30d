/**
 * The programmatic API: what the CLI calls, and what tests call. Each
 * function loads what it needs and returns data; errors are thrown as the
 * typed errors of errors.ts.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bindRows, unknownIndicatorWarning } from './data/bind.js';
import { readDataFiles, type DataFileInfo } from './data/load.js';
import type { MeasurementSet } from './data/measurements.js';
import type { RawRow } from './data/parse-csv.js';
import { asOfPeriod, endMonth, parsePeriod, type AsOf } from './data/period.js';
import { routeRows } from './data/route.js';
import { DataError, errorDiagnostic, UsageError, warningDiagnostic, type Diagnostic } from './errors.js';
import { evaluatePlan } from './evaluate/evaluate-plan.js';
import { failingResults, type Policy } from './evaluate/policy.js';
import { progressOf } from './evaluate/progress.js';
import type { ProgressReport } from './report/progress-format.js';
import type { PlanEvaluation } from './evaluate/result.js';
import { loadPlan } from './plan/load.js';
import type { LoadedPlan } from './plan/model.js';
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
      if (files.length === 0) throw new UsageError(`no plan files (*.yaml) in folder ${ref}`);
      return files;
    }
    return [ref];
  });
}

/** The latest moment in the data: its latest year, and month within it. */
function latestAsOf(data: MeasurementSet): AsOf | undefined {
  let best: AsOf | undefined;
  for (const o of data.all()) {
    const a = { year: o.period.year, month: endMonth(o.period) };
    if (!best || a.year > best.year || (a.year === best.year && a.month > best.month)) best = a;
  }
  return best;
}

function fixedAsOf(options: EvaluateOptions): AsOf | undefined {
  if (options.period !== undefined) {
    const p = parsePeriod(options.period);
    if (!p) throw new UsageError(`--period must be a year (2024), month (2024-06) or quarter (2024-Q2), not "${options.period}"`);
    if (options.year !== undefined && options.year !== p.year) throw new UsageError(`--year ${options.year} and --period ${options.period} disagree`);
    return asOfPeriod(p);
  }
  return options.year === undefined ? undefined : { year: options.year, month: 12 };
}

export function evaluate(options: EvaluateOptions): RunReport {
  if (options.data.length === 0) throw new UsageError('no data file given: plancheck evaluate --plan <id> <data.csv...>');
  const refs = expandPlanRefs(options.plans);
  if (refs.length === 0) throw new UsageError('no plan given: --plan <id|file|folder>');
  const loaded = refs.map((r) => loadPlan(r));
  const ids = new Set<string>();
  for (const l of loaded) {
    if (ids.has(l.plan.id)) throw new UsageError(`plan "${l.plan.id}" is given twice`);
    ids.add(l.plan.id);
  }
  const fixed = fixedAsOf(options);
  const read = readDataFiles(options.data);
  const routed = routeRows(
    loaded.map((l) => l.plan),
    read.rows,
  );
  const errors: Diagnostic[] = [...routed.errors];
  const warnings: Diagnostic[] = [...loaded.flatMap((l) => l.warnings), ...read.warnings];
  const bound = loaded.map((l) => {
    const rows = routed.byPlan.get(l.plan.id) ?? [];
    const b = bindRows(l.plan, rows, { routed: true, ...(fixed === undefined ? {} : { defaultYear: fixed.year }) });
    errors.push(...b.errors);
    warnings.push(...b.warnings);
    return { loaded: l, rows, bound: b };
  });
  // a row no plan it was routed to knows is worth a warning; one that another plan knows is not
  const known = new Set<RawRow>();
  for (const { rows, bound: b } of bound) {
    const unknown = new Set(b.unknown);
    for (const r of rows) if (!unknown.has(r)) known.add(r);
  }
  const warned = new Set<RawRow>();
  for (const { loaded: l, bound: b } of bound) {
    for (const r of b.unknown) {
      if (known.has(r) || warned.has(r)) continue;
      warned.add(r);
      warnings.push(unknownIndicatorWarning(l.plan, r));
    }
  }
  const unrouted = [...routed.unrouted].map(([region, rows]) => {
    const first = rows[0] as RawRow;
    warnings.push(warningDiagnostic('UNROUTED', `${rows.length} row(s) for region "${region}", which no plan given covers`, { file: first.file, line: first.line }));
    return { region, rows: rows.length, file: first.file, line: first.line };
  });
  if (errors.length > 0) throw new DataError('invalid data', errors);
  if (bound.every(({ bound: b }) => b.measurements.size === 0)) {
    const first = read.rows[0];
    throw new DataError('no usable rows', [
      errorDiagnostic('NO_MEASUREMENTS', `none of the ${read.rows.length} rows names a measurement of ${loaded.map((l) => `plan ${l.plan.id}`).join(', ')}`, first ? { file: first.file, line: first.line } : { file: read.files.map((f) => f.file).join(', ') }),
    ]);
  }
  const reports = bound.map(({ loaded: l, bound: b }): EvaluationReport => {
    const asOf = fixed ?? latestAsOf(b.measurements) ?? latestAsOf(bound.find((x) => x.bound.measurements.size > 0)?.bound.measurements as MeasurementSet) ?? { year: l.plan.period.lastYear, month: 12 };
    const evaluation = evaluatePlan(l.plan, b.measurements, asOf, { requireComplete: options.requireComplete === true });
    return {
      version: version(),
      plan: { id: l.plan.id, title: l.plan.title, region: evaluation.plan.region, file: l.file, sha256: l.sha256 },
      year: asOf.year,
      asOf,
      data: read.files,
      evaluation,
      policy: options.policy,
      failing: failingResults(evaluation.results, options.policy).length,
      warnings: [],
      loaded: l,
    };
  });
  return {
    version: version(),
    data: read.files,
    reports,
    unrouted,
    policy: options.policy,
    failing: reports.reduce((n, r) => n + r.failing, 0),
    warnings,
  };
}

/** The mid-term / final evaluation of one plan over every year in the data. */
export function progressReport(options: { readonly plan: string; readonly data: readonly string[] }): ProgressReport & { readonly warnings: readonly Diagnostic[] } {
  if (options.data.length === 0) throw new UsageError('no data file given: plancheck report --plan <id> <data.csv...>');
  const l = loadPlan(options.plan);
  const read = readDataFiles(options.data);
  const b = bindRows(l.plan, read.rows);
  if (b.errors.length > 0) throw new DataError('invalid data', b.errors);
  const warnings = [...l.warnings, ...read.warnings, ...b.warnings, ...b.unknown.map((r) => unknownIndicatorWarning(l.plan, r))];
  const items = l.plan.indicators.filter((i) => i.targets.length > 0).map((i) => progressOf(i, b.measurements));
  return { plan: l.plan, planFile: l.file, sha256: l.sha256, years: b.measurements.years(), items, warnings };
}

export { loadPlan, checkPlanFile, bundledPlanIds } from './plan/load.js';
export type { Policy } from './evaluate/policy.js';
