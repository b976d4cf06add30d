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
import { appliesTo, type Applies, type LoadedPlan, type Plan } from '../plan/model.js';
import { version } from '../version.js';
import { fixedAsOf } from './common.js';
import { ingest, loadPlans, type PlanData, type Unrouted } from './pipeline.js';
import { inScopeIn } from './scope.js';
import { standardsOf, type Matrix } from '../evaluate/matrix.js';
import { MeasurementSet } from '../model/measurements.js';

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
  /** a region list (CSV: code, name, parent) laid over the bundled region table */
  readonly regionList?: string;
}

/** One plan's evaluation (for a standards plan, one region's, or the whole's), with what it was made from. */
export interface EvaluationReport {
  readonly version: string;
  /** `region`: the region evaluated (for a standards plan, the region in scope, or the plan's own for the whole) */
  readonly plan: { readonly id: string; readonly title: string; readonly region: { readonly code: string; readonly name: string }; readonly file: string; readonly sha256: string };
  /** for a standards plan: a region in scope (`each`), or the plan's own region's whole checks (`whole`) */
  readonly part?: Applies;
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
  /** for each standards plan: its regions × checks (evaluate/matrix.ts) */
  readonly standards?: readonly Matrix[];
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
  const run = await ingest(loaded, options.data, { ...(fixed === undefined ? {} : { fixed }), ...(options.input === undefined ? {} : { input: options.input }), ...(options.regionList === undefined ? {} : { regionList: options.regionList }) });
  const reports = run.plans.flatMap((pd): EvaluationReport[] => {
    const l = pd.loaded;
    const asOf = run.asOf ?? { year: l.plan.period.lastYear, month: 12 };
    const parts = partsOf(pd, asOf);
    const evaluations = parts.map((p) => ({ part: p, evaluation: evaluatePlan(p.plan, p.data, asOf, { requireComplete: options.requireComplete === true }) }));
    // an evaluation that found no data fails the run; for a standards plan, when no region's did (a region
    // that sent nothing is owed, region by region)
    const verdicts = evaluations.map((e) => judge(e.evaluation, options.policy));
    const noData = verdicts.every((v) => v.runFailures.length > 0) ? (verdicts[0]?.runFailures ?? []) : [];
    return evaluations.map(({ part, evaluation }, i): EvaluationReport => {
      const v = verdicts[i] as (typeof verdicts)[number];
      const runFailures = i === 0 ? noData : [];
      return {
        version: version(),
        plan: { id: l.plan.id, title: l.plan.title, region: evaluation.plan.region, file: l.file, sha256: l.sha256 },
        ...(part.part === undefined ? {} : { part: part.part }),
        year: asOf.year,
        asOf,
        data: run.files,
        evaluation,
        policy: options.policy,
        failing: v.failing.length + runFailures.length,
        runFailures,
        warnings: runFailures.map((f) => noDataWarning(l.plan, f.asOf)),
        loaded: l,
      };
    });
  });
  const standards = standardsOf(reports);
  return { version: version(), data: run.files, reports, ...(standards.length > 0 ? { standards } : {}), unrouted: run.unrouted, policy: options.policy, failing: reports.reduce((n, r) => n + r.failing, 0), warnings: [...run.warnings, ...reports.flatMap((r) => r.warnings)] };
}

/** What is evaluated separately: a city plan whole; a standards plan once for each region in scope, and once for the whole. */
interface Part {
  readonly plan: Plan;
  readonly data: MeasurementSet;
  readonly part?: Applies;
}

function partsOf(pd: PlanData, asOf: AsOf): Part[] {
  const plan = pd.plan;
  if (pd.scope === undefined) return [{ plan, data: pd.data }];
  const each = { indicators: appliesTo(plan.indicators, 'each'), rules: appliesTo(plan.rules, 'each') };
  const whole = { indicators: appliesTo(plan.indicators, 'whole'), rules: appliesTo(plan.rules, 'whole') };
  const empty = new MeasurementSet();
  const out: Part[] = pd.scope
    .filter((r) => inScopeIn(r, asOf.year))
    .map((r) => ({ plan: { ...plan, region: { code: r.code, name: r.name, aliases: r.aliases }, ...each }, data: pd.sets.get(r.code) ?? empty, part: 'each' }));
  if (whole.indicators.length + whole.rules.length > 0) out.push({ plan: { ...plan, ...whole }, data: pd.data, part: 'whole' });
  return out;
}
