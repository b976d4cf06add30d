/**
 * The one place that decides whether a run fails: which results count
 * under --fail-on, and how missing inputs count under --missing.
 */
import type { CheckResult } from './result.js';

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
