/**
 * The one place that decides whether a run fails: which results count
 * under --fail-on, how missing inputs count under --missing, and when an
 * evaluation fails as a whole (no check found any data for the moment).
 * Every output — the exit code, the table, JSON, JUnit, SARIF, annotations —
 * takes its verdict from `judge`.
 */
import type { AsOf } from '../model/period.js';
import type { CheckResult, PlanEvaluation } from './result.js';

export type FailOn = 'binding' | 'any' | 'never';
export type MissingPolicy = 'fail' | 'warn' | 'ignore';

export interface Policy {
  readonly failOn: FailOn;
  readonly missing: MissingPolicy;
}

export const DEFAULT_POLICY: Policy = { failOn: 'binding', missing: 'warn' };

/** Does this result make the run fail? */
export function isFailing(r: CheckResult, policy: Policy): boolean {
  if (policy.failOn === 'never') return false;
  const counts = policy.failOn === 'any' || r.attribute === 'binding';
  switch (r.status) {
    case 'fail':
      return counts;
    case 'error':
      return true;
    case 'missing':
      // required data (--require complete, or `required` in the plan) fails whatever the attribute
      if (r.required === true) return true;
      return policy.missing === 'fail' && counts;
    case 'pass':
    case 'pending':
      return false;
  }
}

export function failingResults(results: readonly CheckResult[], policy: Policy): CheckResult[] {
  return results.filter((r) => isFailing(r, policy));
}

/** A failure of an evaluation as a whole, not of one check. */
export interface RunFailure {
  /** NO_DATA: no check found a value for the moment (everything owed, absent or not yet due) */
  readonly code: 'NO_DATA';
  readonly asOf: AsOf;
}

/** Did some check read a value for the moment evaluated? */
export function foundData(results: readonly CheckResult[]): boolean {
  return results.some((r) => r.status === 'pass' || r.status === 'fail' || r.status === 'error' || r.actual !== null);
}

export interface Judgement {
  /** the checks that fail the run */
  readonly failing: readonly CheckResult[];
  /** failures of the evaluation as a whole */
  readonly runFailures: readonly RunFailure[];
  /** how many things fail the run: what exit code 1 stands for */
  readonly count: number;
}

/** The verdict on one plan's evaluation under the policy. An evaluation in which no check found any data is never OK. */
export function judge(e: PlanEvaluation, policy: Policy): Judgement {
  const failing = failingResults(e.results, policy);
  const runFailures: RunFailure[] = e.results.length > 0 && !foundData(e.results) && policy.failOn !== 'never' ? [{ code: 'NO_DATA', asOf: e.asOf }] : [];
  return { failing, runFailures, count: failing.length + runFailures.length };
}
