/** How a report is named where several share a plan (the regions of a standards plan). Pure. */
import type { EvaluationReport } from '../run/evaluate.js';

/** `suzhou`, or `guangdong/441500` for one region of a standards plan: unique in a run. */
export function reportKey(r: Pick<EvaluationReport, 'plan' | 'part'>): string {
  return r.part === undefined ? r.plan.id : `${r.plan.id}/${r.plan.region.code}`;
}

/** The same for people: `suzhou`, or `guangdong 汕尾市`. */
export function reportLabel(r: Pick<EvaluationReport, 'plan' | 'part'>): string {
  return r.part === undefined ? r.plan.id : `${r.plan.id} ${r.plan.region.name}`;
}
