/**
 * The programmatic API: what the CLI calls, and what tests call. Each
 * function loads what it needs and returns data; errors are thrown as the
 * typed errors of errors.ts.
 */
import { bindRows } from './data/bind.js';
import { readDataFiles, type DataFileInfo } from './data/load.js';
import { DataError, errorDiagnostic, UsageError, type Diagnostic } from './errors.js';
import { evaluatePlan, latestYear } from './evaluate/evaluate-plan.js';
import { failingResults, type Policy } from './evaluate/policy.js';
import type { PlanEvaluation } from './evaluate/result.js';
import { loadPlan } from './plan/load.js';
import { version } from './version.js';

export interface EvaluateOptions {
  /** a bundled plan id or a path */
  readonly plan: string;
  readonly data: readonly string[];
  readonly year?: number;
  readonly policy: Policy;
}

export interface EvaluationReport {
  readonly version: string;
  readonly plan: { readonly id: string; readonly title: string; readonly region: { readonly code: string; readonly name: string }; readonly file: string; readonly sha256: string };
  readonly year: number;
  readonly data: readonly DataFileInfo[];
  readonly evaluation: PlanEvaluation;
  readonly policy: Policy;
  /** how many results make the run fail under the policy */
  readonly failing: number;
  readonly warnings: readonly Diagnostic[];
}

export function evaluate(options: EvaluateOptions): EvaluationReport {
  if (options.data.length === 0) throw new UsageError('no data file given: plancheck evaluate --plan <id> <data.csv...>');
  const loaded = loadPlan(options.plan);
  const read = readDataFiles(options.data);
  const bound = bindRows(loaded.plan, read.rows, options.year === undefined ? {} : { defaultYear: options.year });
  if (bound.errors.length > 0) throw new DataError('invalid data', bound.errors);
  if (bound.measurements.size === 0) {
    const files = read.files.map((f) => f.file).join(', ');
    throw new DataError('no usable rows', [
      errorDiagnostic('NO_MEASUREMENTS', `none of the ${read.rows.length} rows names a measurement of plan ${loaded.plan.id}${bound.otherRegion ? ` (${bound.otherRegion} are for other regions)` : ''}`, { file: files }),
    ]);
  }
  const year = options.year ?? latestYear(bound.measurements);
  if (year === undefined) throw new UsageError('cannot tell the evaluation year: give --year');
  const evaluation = evaluatePlan(loaded.plan, bound.measurements, year);
  return {
    version: version(),
    plan: { id: loaded.plan.id, title: loaded.plan.title, region: evaluation.plan.region, file: loaded.file, sha256: loaded.sha256 },
    year,
    data: read.files,
    evaluation,
    policy: options.policy,
    failing: failingResults(evaluation.results, options.policy).length,
    warnings: [...loaded.warnings, ...read.warnings, ...bound.warnings],
  };
}

export { loadPlan, checkPlanFile, bundledPlanIds } from './plan/load.js';
export type { Policy } from './evaluate/policy.js';
