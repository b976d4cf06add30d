/**
 * `plancheck evaluate`: the pipeline (pipeline.ts), then every plan
 * evaluated at the chosen moment and judged under the policy.
 */
import type { DataFileInfo } from '../data/load.js';
import type { ReadOptions } from '../data/stream.js';
import { UsageError, warningDiagnostic, type Diagnostic } from '../errors.js';
import { evaluatePlan } from '../evaluate/evaluate-plan.js';
import { judge, type Policy, type RunFailure } from '../evaluate/policy.js';
import type { PlanEvaluation } from '../evaluate/result.js';
import { formatAsOf, type AsOf } from '../model/period.js';
import type { LoadedPlan, Plan } from '../plan/model.js';
import { version } from '../version.js';
import { fixedAsOf } from './common.js';
import { ingest, loadPlans, type Unrouted } from './pipeline.js';

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
  /** how many things make the run fail under the policy: failing checks and run failures */
  readonly failing: number;
  /** failures of the evaluation as a whole (no check found any data) */
  readonly runFailures: readonly RunFailure[];
  readonly warnings: readonly Diagnostic[];
  /** the plan as loaded, for formatters that point at plan lines */
  readonly loaded: LoadedPlan;
}

/** A whole run: one report per plan, and what no plan took. */
export interface RunReport {
  readonly version: string;
  readonly data: readonly DataFileInfo[];
  readonly reports: readonly EvaluationReport[];
  /** rows for regions no plan covers: the region as written, the number of rows and the first one */
  readonly unrouted: readonly Unrouted[];
  readonly policy: Policy;
  readonly failing: number;
  readonly warnings: readonly Diagnostic[];
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
  const fixed = fixedAsOf(options);
  const loaded = await loadPlans(options.plans);
  const run = await ingest(loaded, options.data, { ...(fixed === undefined ? {} : { fixed }), ...(options.input === undefined ? {} : { input: options.input }) });
  const reports = run.plans.map((pd): EvaluationReport => {
    const l = pd.loaded;
    const asOf = run.asOf ?? { year: l.plan.period.lastYear, month: 12 };
    const evaluation = evaluatePlan(l.plan, pd.data, asOf, { requireComplete: options.requireComplete === true });
    const verdict = judge(evaluation, options.policy);
    return {
      version: version(),
      plan: { id: l.plan.id, title: l.plan.title, region: evaluation.plan.region, file: l.file, sha256: l.sha256 },
      year: asOf.year,
      asOf,
      data: run.files,
      evaluation,
      policy: options.policy,
      failing: verdict.count,
      runFailures: verdict.runFailures,
      warnings: verdict.runFailures.map((f) => noDataWarning(l.plan, f.asOf)),
      loaded: l,
    };
  });
  return { version: version(), data: run.files, reports, unrouted: run.unrouted, policy: options.policy, failing: reports.reduce((n, r) => n + r.failing, 0), warnings: [...run.warnings, ...reports.flatMap((r) => r.warnings)] };
}
